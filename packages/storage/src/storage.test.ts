import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import Fastify from 'fastify';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFileRoutes } from './local-file-routes';
import { InvalidKeyError, type FileStorage } from './storage';
import { createFileStorage, storageEnv } from './storage-env';

const folders: string[] = [];
const folder = (prefix: string) => {
  const path = mkdtempSync(join(tmpdir(), prefix));
  folders.push(path);
  return path;
};
afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

interface Setup {
  storage: FileStorage;
  close(): Promise<void>;
}

/** Local disk, its signed URLs answered by a real Fastify server on loopback. */
async function localSetup(): Promise<Setup> {
  const config = storageEnv.parse({});
  const dataDir = folder('makrx-files-');
  // The server only verifies; the storage that signs must know the port it ended up on.
  const served = Fastify();
  await served.register(localFileRoutes, {
    storage: createFileStorage(config, { dataDir, publicBaseUrl: 'http://unused' }),
    maxUploadBytes: 1024,
  });
  await served.listen({ host: '127.0.0.1', port: 0 });
  const { port } = served.server.address() as { port: number };
  const storage = createFileStorage(config, { dataDir, publicBaseUrl: `http://127.0.0.1:${port}` });
  return { storage, close: () => served.close() };
}

/** A real S3-compatible server (s3rver) on loopback, through the AWS SDK. */
async function s3Setup(): Promise<Setup> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: folder('makrx-s3rver-'),
    silent: true,
    configureBuckets: [
      { name: 'makrx-uploads' },
      { name: 'makrx-products' },
      { name: 'makrx-public' },
    ],
  });
  const { port } = await server.run();
  const storage = createFileStorage(
    storageEnv.parse({
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    }),
    { dataDir: '/nowhere', publicBaseUrl: 'http://unused' },
  );
  return { storage, close: () => server.close() };
}

const bytes = (value: string) => new TextEncoder().encode(value);

describe.each([
  ['local disk', localSetup],
  ['S3 (s3rver)', s3Setup],
])('file storage on %s', (_name, setup) => {
  let storage: FileStorage;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close } = await setup());
    return () => close();
  });

  it('keeps what was put, with its size and content type, until it is deleted', async () => {
    const products = storage.bucket('products');
    await products.put('pla-black/front.svg', bytes('<svg/>'), { contentType: 'image/svg+xml' });
    expect(await products.head('pla-black/front.svg')).toEqual({
      key: 'pla-black/front.svg',
      size: 6,
      contentType: 'image/svg+xml',
    });
    const found = await products.get('pla-black/front.svg');
    expect(await text(found!.body)).toBe('<svg/>');
    await products.delete('pla-black/front.svg');
    expect(await products.get('pla-black/front.svg')).toBeNull();
    await products.delete('pla-black/front.svg');
  });

  it('keeps buckets apart', async () => {
    await storage.bucket('uploads').put('a/model.stl', bytes('solid'), {
      contentType: 'model/stl',
    });
    expect(await storage.bucket('public').head('a/model.stl')).toBeNull();
  });

  it('refuses keys that could leave the bucket', async () => {
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', '', 'a/./b', 'sp ace'])
      await expect(
        storage.bucket('uploads').put(key, bytes('x'), { contentType: 'text/plain' }),
      ).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('hands out a signed URL that reads the file without other credentials', async () => {
    const bucket = storage.bucket('uploads');
    await bucket.put('jobs/42/part.stl', bytes('solid part'), { contentType: 'model/stl' });
    const url = await bucket.signedUrl('jobs/42/part.stl', { expiresInSeconds: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('solid part');
  });

  it('takes an upload through a signed PUT URL', async () => {
    const bucket = storage.bucket('uploads');
    const url = await bucket.signedUrl('jobs/43/bracket.stl', {
      method: 'PUT',
      contentType: 'model/stl',
      expiresInSeconds: 60,
    });
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'model/stl' },
      body: 'solid bracket',
    });
    expect(response.status).toBe(200);
    const stored = await bucket.get('jobs/43/bracket.stl');
    expect(await text(stored!.body)).toBe('solid bracket');
  });

  it('refuses to sign for longer than S3 allows', async () => {
    await expect(
      storage.bucket('public').signedUrl('x.txt', { expiresInSeconds: 8 * 24 * 3600 }),
    ).rejects.toBeInstanceOf(RangeError);
  });
});

describe('local signed URLs', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await localSetup();
    return () => setup.close();
  });

  it('do not open another file with the same signature', async () => {
    const bucket = setup.storage.bucket('uploads');
    await bucket.put('jobs/7/part.stl', bytes('solid part'), { contentType: 'model/stl' });
    await bucket.put('jobs/7/other.stl', bytes('solid other'), { contentType: 'model/stl' });
    const url = new URL(await bucket.signedUrl('jobs/7/part.stl'));
    url.pathname = url.pathname.replace('part.stl', 'other.stl');
    expect((await fetch(url)).status).toBe(403);
  });

  it('stop working when they expire', async () => {
    const bucket = setup.storage.bucket('public');
    await bucket.put('flyer.txt', bytes('open day'), { contentType: 'text/plain' });
    const url = new URL(await bucket.signedUrl('flyer.txt', { expiresInSeconds: 60 }));
    url.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1));
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('SIGNATURE_INVALID');
  });

  it('refuse a read link used for an upload, and an upload over the size limit', async () => {
    const bucket = setup.storage.bucket('uploads');
    await bucket.put('keep.txt', bytes('original'), { contentType: 'text/plain' });
    const readUrl = await bucket.signedUrl('keep.txt');
    expect((await fetch(readUrl, { method: 'PUT', body: 'overwritten' })).status).toBe(403);

    const uploadUrl = await bucket.signedUrl('big.bin', {
      method: 'PUT',
      contentType: 'application/octet-stream',
    });
    const tooBig = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(2048),
    });
    expect(tooBig.status).toBe(413);
    expect(await bucket.head('big.bin')).toBeNull();
    expect(await text((await bucket.get('keep.txt'))!.body)).toBe('original');
  });
});
