/**
 * The peer of the catalog benchmark: a bare Fastify route that returns, from memory, the same
 * JSON our catalog endpoint returns from the database. Started as its own process by the bench.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [, , bodyFile, port] = process.argv;
const body: unknown = JSON.parse(readFileSync(bodyFile!, 'utf8'));
const app = Fastify({ logger: false });
app.get('/api/v1/products', async () => body);
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.send?.('ready');
