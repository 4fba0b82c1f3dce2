import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { S3 } from '@aws-sdk/client-s3';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { featureFlags } from '@makrx/db/schema';
import { cube, to3mf, toBinaryStl } from '@makrx/mesh/testing';
import { listenForTest, startTestService, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConfigOf } from '../../config';
import { storeService } from '../../service';
import { findModelUpload, openModelFile } from './service';
import { clamdUnderTest, EICAR, sendWithTus } from './testing';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * moto's S3 server on loopback: the S3-compatible server of the storage tests (s3rver) has no
 * ListParts, which S3 multipart uploads need. Started with `python3 -m moto.server`.
 */
async function startS3Server(): Promise<{ endpoint: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`moto.server exited (${code}): is moto installed?`)),
    ),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const answering = (async () => {
    for (;;) {
      const up = await fetch(`${endpoint}/moto-api/`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await Promise.race([answering, exited]);
  return { endpoint, process: child };
}

/** With S3_ENDPOINT set, uploads go to the uploads bucket as S3 multipart uploads. */
describe('3D model uploads straight to S3', () => {
  let s3Server: ChildProcess;
  let s3: S3;
  let issuer: TestIssuer;
  let store: TestService;
  let baseUrl: string;
  let dropConnections: () => void;
  let token: string;
  const keysInBucket = async () =>
    ((await s3.listObjectsV2({ Bucket: 'makrx-uploads' })).Contents ?? []).map((o) => o.Key);

  beforeAll(async () => {
    const started = await startS3Server();
    s3Server = started.process;
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    s3 = new S3({
      endpoint: started.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials,
    });
    await s3.createBucket({ Bucket: 'makrx-uploads' });
    issuer = await startTestIssuer();
    store = await startTestService(storeService, 'pglite', {
      issuer: issuer.issuer,
      env: {
        S3_ENDPOINT: started.endpoint,
        S3_ACCESS_KEY_ID: credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        ...clamdUnderTest.env,
      },
    });
    await store.app.db.insert(featureFlags).values({
      key: 'ENABLE_STL_UPLOAD',
      scope: 'domain',
      domain: 'store',
      description: 'Uploading 3D files for quotes.',
      enabled: true,
    });
    ({ baseUrl, dropConnections } = await listenForTest(store.app));
    token = await issuer.userToken({ username: 'maker', realmRoles: ['store_customer'] });
  });
  afterAll(async () => {
    dropConnections?.();
    await store?.close();
    await issuer?.close();
    s3Server?.kill();
  });

  const send = (bytes: Buffer, filename: string) =>
    sendWithTus(bytes, { endpoint: `${baseUrl}/api/v1/model-uploads/tus`, filename, token });

  it('keeps a finished upload as one object in the uploads bucket, analysed and recorded', async () => {
    const model = Buffer.from(to3mf(cube(20)));
    const sent = await send(model, 'gear.3mf');
    expect(sent.error).toBeUndefined();
    const id = sent.url!.split('/').pop()!;
    const object = await s3.getObject({ Bucket: 'makrx-uploads', Key: id });
    expect(sha256(await buffer(object.Body as NodeJS.ReadableStream))).toBe(sha256(model));
    const read = await fetch(`${baseUrl}/api/v1/model-uploads/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await read.json()).toMatchObject({
      id,
      sizeBytes: model.length,
      sha256: sha256(model),
      // Read back from the bucket and analysed in the worker pool.
      analysis: { format: '3mf', triangleCount: 12, volumeMm3: 8000, watertight: true },
    });
  });

  it('streams a kept model back from the bucket, as a print order’s provider downloads it', async () => {
    const model = Buffer.from(toBinaryStl(cube(20)));
    const sent = await send(model, 'bracket.stl');
    expect(sent.error).toBeUndefined();
    const row = await findModelUpload(store.app.db, sent.url!.split('/').pop()!);
    const file = await openModelFile(storeConfigOf(store.app.config), row!);
    expect(sha256(await buffer(file))).toBe(sha256(model));
  });

  it('removes a model the analysis refuses from the bucket', async () => {
    const before = await keysInBucket();
    const whole = Buffer.from(toBinaryStl(cube(20)));
    const sent = await send(whole.subarray(0, whole.length - 7), 'cut.stl');
    expect(sent.error).toMatchObject({ status: 422, body: { error: { code: 'TRUNCATED_STL' } } });
    expect(await keysInBucket()).toEqual(before);
  });

  it('removes an infected upload from the bucket', async () => {
    const before = await keysInBucket();
    const sent = await send(EICAR, 'eicar.obj');
    expect(sent.error).toMatchObject({ status: 422, body: { error: { code: 'INFECTED_FILE' } } });
    expect(await keysInBucket()).toEqual(before);
  });
});
