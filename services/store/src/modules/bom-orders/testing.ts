import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { BomInventorySync, BomOrderUpdate } from '@makrx/contracts';
import { users } from '@makrx/db/schema';
import { startTestService, type testDrivers, type TestService } from '@makrx/service-kit/testing';
import { storeService } from '../../service';

/**
 * A stand-in for the cave's two BOM endpoints at the HTTP boundary: it records every body the
 * store sends, with the bearer token it came with, and answers what the test sets.
 */
export interface FakeCaveBomReceiver {
  url: string;
  syncs: BomInventorySync[];
  updates: BomOrderUpdate[];
  /** Bearer tokens of the calls, in order. */
  tokens: string[];
  /** The status the order-updates route answers (200 unless a test says otherwise). */
  orderUpdateStatus: number;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function fakeCaveBomReceiver(): Promise<FakeCaveBomReceiver> {
  const receiver: Omit<FakeCaveBomReceiver, 'url' | 'close'> = {
    syncs: [],
    updates: [],
    tokens: [],
    orderUpdateStatus: 200,
  };
  const server = createServer((request, response) => {
    void (async () => {
      receiver.tokens.push((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      const body = await bodyOf(request);
      response.setHeader('content-type', 'application/json');
      if (request.method === 'POST' && request.url === '/api/v1/bom/sync-inventory') {
        const sync = body as BomInventorySync;
        receiver.syncs.push(sync);
        response.end(JSON.stringify({ matched: sync.product_codes.length, lowStockWarnings: 0 }));
        return;
      }
      if (request.method === 'POST' && request.url === '/api/v1/bom/order-updates') {
        receiver.updates.push(body as BomOrderUpdate);
        response.statusCode = receiver.orderUpdateStatus;
        response.end(JSON.stringify({ changed: 1, duplicate: false }));
        return;
      }
      response.statusCode = 404;
      response.end('{}');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A store started for the BOM tests: the cave a fake receiver, a store admin among its users. */
export interface StoreBesideFakeCave {
  issuer: TestIssuer;
  cave: FakeCaveBomReceiver;
  store: TestService;
  tokens: { cave: string; storeBackend: string; admin: string; customer: string };
  close(): Promise<void>;
}

export async function startStoreBesideFakeCave(
  driver: (typeof testDrivers)[number],
  extraUsers: { id: string; username: string; email: string; displayName: string }[] = [],
): Promise<StoreBesideFakeCave> {
  const issuer = await startTestIssuer();
  const cave = await fakeCaveBomReceiver();
  const nowhere = 'http://127.0.0.1:9';
  const store = await startTestService(storeService, driver, {
    issuer: issuer.issuer,
    peers: {
      urls: { auth: nowhere, cave: cave.url, store: nowhere },
      token: () => issuer.serviceToken('store-backend'),
    },
  });
  const adminId = crypto.randomUUID();
  await store.app.db
    .insert(users)
    .values([
      { id: adminId, username: 'keeper', email: 'keeper@example.com', displayName: 'K' },
      ...extraUsers,
    ]);
  return {
    issuer,
    cave,
    store,
    tokens: {
      cave: await issuer.serviceToken('makrcave-backend'),
      storeBackend: await issuer.serviceToken('store-backend'),
      customer: await issuer.userToken({ username: 'shopper', email: 'shop@example.com' }),
      admin: await issuer.userToken({
        id: adminId,
        username: 'keeper',
        realmRoles: ['admin', 'admin:store', 'store_customer'],
      }),
    },
    async close() {
      await store.close();
      await cave.close();
      await issuer.close();
    },
  };
}
