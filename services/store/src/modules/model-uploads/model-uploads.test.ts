import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { ModelUpload } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import {
  listenForTest,
  startTestService,
  testDrivers,
  type TestService,
} from '@makrx/service-kit/testing';
import type { ServiceDefinition } from '@makrx/service-kit';
import { FileStore } from '@tus/file-store';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { modelUploadsModule, modelUploadsModuleWith } from './plugin';
import { modelUploads } from './tables';
import { beginUpload, clamdUnderTest, EICAR, sendWithTus, type TusOutcome } from './testing';
import { basicUploadCheck, type AnalyseUpload } from './upload-checks';

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A small binary STL: 80-byte header, one triangle. */
function tinyStl(): Buffer {
  const stl = Buffer.alloc(84 + 50);
  stl.write('tiny bracket', 0);
  stl.writeUInt32LE(1, 80);
  [0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0].forEach((v, i) => stl.writeFloatLE(v, 84 + i * 4));
  return stl;
}

/**
 * What the mesh analysis will do at this seam, for one file it will refuse: a 3MF or any ZIP
 * renamed to .stl. The store's module takes any such check in place of the basic one.
 */
const refuseZipNamedStl: AnalyseUpload = async (upload) => {
  const basic = await basicUploadCheck(upload);
  if (!basic.ok) return basic;
  const stream = await upload.open();
  const first = (await stream[Symbol.asyncIterator]().next()).value as Buffer;
  stream.destroy();
  if (
    upload.originalName.endsWith('.stl') &&
    first.subarray(0, 4).equals(Buffer.from('PK\x03\x04'))
  )
    return {
      ok: false,
      problem: { code: 'UNSUPPORTED_FILE', message: 'This .stl is a ZIP archive.' },
    };
  return { ok: true };
};

/** The store with another model check plugged into the model-uploads module. */
const storeCheckingWith = (analyse: AnalyseUpload): ServiceDefinition => ({
  ...storeService,
  modules: storeService.modules.map((module) =>
    module.plugin === modelUploadsModule
      ? { ...module, plugin: modelUploadsModuleWith(analyse) }
      : module,
  ),
});

const stlUpload = {
  key: 'ENABLE_STL_UPLOAD',
  scope: 'domain' as const,
  domain: 'store' as const,
  description: 'Uploading 3D files for quotes.',
  enabled: true,
};

describe.each(testDrivers)('3D model uploads over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let baseUrl: string;
  let dropConnections: () => void;
  let dataDir: string;
  const tokens: Record<'customer' | 'other', string> = { customer: '', other: '' };
  const ids = { customer: crypto.randomUUID(), other: crypto.randomUUID() };
  const endpoint = () => `${baseUrl}/api/v1/model-uploads/tus`;
  const uploadsFolder = () => join(dataDir, 'files', 'model-uploads');
  const storedNames = () => readdirSync(uploadsFolder()).sort();
  const rowsOf = async (id: string) =>
    store.app.db.select().from(modelUploads).where(eq(modelUploads.id, id));
  const send = (bytes: Buffer, filename: string, token = tokens.customer, options = {}) =>
    sendWithTus(bytes, { endpoint: endpoint(), filename, token, ...options });
  const idOf = (outcome: TusOutcome) => outcome.url?.split('/').pop() ?? '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'makrx-model-uploads-'));
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, {
      issuer: issuer.issuer,
      env: { MAKRX_DATA_DIR: dataDir, ...clamdUnderTest.env },
    });
    await store.app.db.insert(featureFlags).values(stlUpload);
    ({ baseUrl, dropConnections } = await listenForTest(store.app));
    tokens.customer = await issuer.userToken({
      id: ids.customer,
      username: 'maker',
      realmRoles: ['store_customer'],
    });
    tokens.other = await issuer.userToken({
      id: ids.other,
      username: 'someone-else',
      realmRoles: ['store_customer'],
    });
  });
  afterAll(async () => {
    dropConnections();
    await store.close();
    await issuer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a small STL in chunks, keeps it whole and shows it to its owner alone', async () => {
    const stl = tinyStl();
    const sent = await send(stl, 'bracket.stl', tokens.customer, { chunkSize: 40 });
    expect(sent.error).toBeUndefined();
    const id = idOf(sent);
    expect(readFileSync(join(uploadsFolder(), id)).equals(stl)).toBe(true);

    const own = await fetch(`${baseUrl}/api/v1/model-uploads/${id}`, {
      headers: { authorization: `Bearer ${tokens.customer}` },
    });
    expect(own.status).toBe(200);
    expect((await own.json()) as ModelUpload).toMatchObject({
      id,
      originalName: 'bracket.stl',
      sizeBytes: stl.length,
      sha256: sha256(stl),
      status: 'ready',
    });
    const others = await fetch(`${baseUrl}/api/v1/model-uploads/${id}`, {
      headers: { authorization: `Bearer ${tokens.other}` },
    });
    expect(others.status).toBe(404);
    expect((await others.json()).error.code).toBe('NOT_FOUND');
  });

  it('resumes a 100 MB upload where a dropped connection left it, and keeps the same bytes', async () => {
    const model = randomBytes(100 * MB);
    const dropped = await send(model, 'chassis.stl', tokens.customer, { abortAtBytes: 50 * MB });
    expect(dropped.aborted).toBe(true);
    const url = dropped.url!;

    // The server kept what arrived before the drop: the next client goes on from there.
    const head = await fetch(url, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${tokens.customer}`, 'tus-resumable': '1.0.0' },
    });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(model.length);

    const resumed = await send(model, 'chassis.stl', tokens.customer, { uploadUrl: url });
    expect(resumed.error).toBeUndefined();
    expect(resumed.firstOffset).toBeGreaterThanOrEqual(offset);
    const id = idOf(resumed);
    const stored = readFileSync(join(uploadsFolder(), id));
    expect(sha256(stored)).toBe(sha256(model));
    expect((await rowsOf(id))[0]).toMatchObject({ sizeBytes: model.length, sha256: sha256(model) });
  });

  it('refuses the EICAR test file as infected and keeps nothing of it', async () => {
    const before = storedNames();
    const sent = await send(EICAR, 'eicar.stl');
    expect(sent.error).toMatchObject({ status: 422 });
    expect(sent.error?.body.error).toMatchObject({
      code: 'INFECTED_FILE',
      details: { signature: expect.stringMatching(/^Eicar-Test-Signature/) },
    });
    expect(storedNames()).toEqual(before);
    expect(await rowsOf(idOf(sent))).toEqual([]);
  });

  it('refuses an empty file with its own message and keeps nothing', async () => {
    const before = storedNames();
    const sent = await send(Buffer.alloc(0), 'empty.stl');
    expect(sent.error).toMatchObject({ status: 422, body: { error: { code: 'EMPTY_FILE' } } });
    expect(sent.error?.body.error.message).toBe('“empty.stl” is empty.');
    expect(storedNames()).toEqual(before);
  });

  it('refuses a file that is no 3D model when the upload is created, before any byte', async () => {
    const before = storedNames();
    const sent = await send(Buffer.from('MZ'), 'setup.exe');
    expect(sent.error).toMatchObject({
      status: 415,
      body: { error: { code: 'UNSUPPORTED_FILE' } },
    });
    expect(sent.url).toBeUndefined();
    expect(storedNames()).toEqual(before);
  });

  it('refuses a file over the size limit at creation (413) and stores nothing', async () => {
    const before = storedNames();
    const created = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.customer}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(250 * MB + 1),
        'upload-metadata': `filename ${Buffer.from('huge.stl').toString('base64')}`,
      },
    });
    expect(created.status).toBe(413);
    expect(await created.json()).toEqual({
      error: {
        code: 'FILE_TOO_LARGE',
        message: 'The file is larger than the 250 MB the store accepts.',
        details: { maxBytes: 250 * MB },
      },
    });
    expect(storedNames()).toEqual(before);
  });

  it('lets no one else look at or add to an unfinished upload', async () => {
    const url = await beginUpload(endpoint(), tokens.customer, 'part.obj', 4096, randomBytes(1024));
    const asOther = { authorization: `Bearer ${tokens.other}`, 'tus-resumable': '1.0.0' };
    const head = await fetch(url, { method: 'HEAD', headers: asOther });
    expect(head.status).toBe(404);
    const patch = await fetch(url, {
      method: 'PATCH',
      headers: {
        ...asOther,
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      body: new TextEncoder().encode('solid stolen'),
    });
    expect(patch.status).toBe(404);
    expect((await patch.json()).error.code).toBe('NOT_FOUND');
    expect((await fetch(url, { method: 'DELETE', headers: asOther })).status).toBe(404);
    const own = await fetch(url, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${tokens.customer}`, 'tus-resumable': '1.0.0' },
    });
    expect(own.status).toBe(200);
  });

  it('lists the upload routes in the service’s OpenAPI document', async () => {
    const paths = (await store.app.inject('/openapi.json')).json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/model-uploads/tus',
        '/api/v1/model-uploads/tus/{uploadId}',
        '/api/v1/model-uploads/{id}',
      ]),
    );
  });

  it('asks a guest to sign in', async () => {
    const sent = await send(tinyStl(), 'guest.stl', '');
    expect(sent.error).toMatchObject({
      status: 401,
      body: { error: { code: 'AUTHENTICATION_REQUIRED' } },
    });
    const read = await fetch(`${baseUrl}/api/v1/model-uploads/${crypto.randomUUID()}`);
    expect(read.status).toBe(401);
  });

  it('lets a browser on the store read the upload headers it needs to resume', async () => {
    const created = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        origin: 'http://localhost:3003',
        authorization: `Bearer ${tokens.customer}`,
        'tus-resumable': '1.0.0',
        'upload-length': '100',
        'upload-metadata': `filename ${Buffer.from('cors.stl').toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe('http://localhost:3003');
    const exposed = created.headers.get('access-control-expose-headers')?.toLowerCase() ?? '';
    for (const header of ['location', 'upload-offset', 'x-request-id'])
      expect(exposed).toContain(header);
  });

  it('removes an upload left unfinished for 24 hours, and never a finished one', async () => {
    const finished = idOf(await send(tinyStl(), 'kept.stl'));
    const abandonedUrl = await beginUpload(
      endpoint(),
      tokens.customer,
      'abandoned.stl',
      4096,
      randomBytes(1024),
    );
    const abandoned = abandonedUrl.split('/').pop()!;
    expect(storedNames()).toContain(abandoned);
    await store.app.jobs.run('store.model-uploads.expire-unfinished');
    expect(storedNames()).toContain(abandoned);

    // Its start moved back a day, as if the customer had walked away yesterday.
    const tusStore = new FileStore({ directory: uploadsFolder() });
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000 - 60_000).toISOString();
    for (const id of [abandoned, finished]) {
      const info = (await tusStore.configstore.get(id))!;
      info.creation_date = yesterday;
      await tusStore.configstore.set(id, info);
    }

    await store.app.jobs.run('store.model-uploads.expire-unfinished');
    expect(storedNames()).not.toContain(abandoned);
    expect(storedNames()).not.toContain(`${abandoned}.json`);
    expect(storedNames()).toContain(finished);
  });

  it('answers FEATURE_DISABLED while ENABLE_STL_UPLOAD is off', async () => {
    await store.app.db
      .update(featureFlags)
      .set({ enabled: false })
      .where(eq(featureFlags.key, 'ENABLE_STL_UPLOAD'));
    try {
      const sent = await send(tinyStl(), 'later.stl');
      expect(sent.error).toMatchObject({
        status: 404,
        body: { error: { code: 'FEATURE_DISABLED' } },
      });
      const read = await fetch(`${baseUrl}/api/v1/model-uploads/${crypto.randomUUID()}`, {
        headers: { authorization: `Bearer ${tokens.customer}` },
      });
      expect((await read.json()).error.code).toBe('FEATURE_DISABLED');
    } finally {
      await store.app.db
        .update(featureFlags)
        .set({ enabled: true })
        .where(eq(featureFlags.key, 'ENABLE_STL_UPLOAD'));
    }
  });

  describe('while clamd does not answer', () => {
    let unscanned: TestService;
    let unscannedUrl: string;
    let dropUnscanned: () => void;
    let unscannedDir: string;
    beforeAll(async () => {
      unscannedDir = mkdtempSync(join(tmpdir(), 'makrx-model-unscanned-'));
      // Port 9 (discard) has no clamd behind it: the scanner is down.
      unscanned = await startTestService(storeService, driver, {
        issuer: issuer.issuer,
        env: { MAKRX_DATA_DIR: unscannedDir, CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: '9' },
      });
      await unscanned.app.db.insert(featureFlags).values(stlUpload);
      ({ baseUrl: unscannedUrl, dropConnections: dropUnscanned } = await listenForTest(
        unscanned.app,
      ));
    });
    afterAll(async () => {
      dropUnscanned();
      await unscanned.close();
      rmSync(unscannedDir, { recursive: true, force: true });
    });

    it('keeps no file it could not scan, and says to try again', async () => {
      const sent = await sendWithTus(tinyStl(), {
        endpoint: `${unscannedUrl}/api/v1/model-uploads/tus`,
        filename: 'bracket.stl',
        token: tokens.customer,
      });
      expect(sent.error).toMatchObject({
        status: 503,
        body: { error: { code: 'VIRUS_SCAN_UNAVAILABLE' } },
      });
      expect(readdirSync(join(unscannedDir, 'files', 'model-uploads'))).toEqual([]);
      expect(await unscanned.app.db.select().from(modelUploads)).toEqual([]);
    });
  });

  describe('with a model check plugged in', () => {
    let checking: TestService;
    let checkingUrl: string;
    let dropChecking: () => void;
    let checkingDir: string;
    beforeAll(async () => {
      checkingDir = mkdtempSync(join(tmpdir(), 'makrx-model-checks-'));
      checking = await startTestService(storeCheckingWith(refuseZipNamedStl), driver, {
        issuer: issuer.issuer,
        env: { MAKRX_DATA_DIR: checkingDir, ...clamdUnderTest.env },
      });
      await checking.app.db.insert(featureFlags).values(stlUpload);
      ({ baseUrl: checkingUrl, dropConnections: dropChecking } = await listenForTest(checking.app));
    });
    afterAll(async () => {
      dropChecking();
      await checking.close();
      rmSync(checkingDir, { recursive: true, force: true });
    });

    it('deletes everything stored when the check refuses the file, and says why', async () => {
      const zip = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(3000)]);
      const sent = await sendWithTus(zip, {
        endpoint: `${checkingUrl}/api/v1/model-uploads/tus`,
        filename: 'bracket.stl',
        token: tokens.customer,
        chunkSize: 1000,
      });
      expect(sent.error).toMatchObject({
        status: 422,
        body: { error: { code: 'UNSUPPORTED_FILE', message: 'This .stl is a ZIP archive.' } },
      });
      expect(readdirSync(join(checkingDir, 'files', 'model-uploads'))).toEqual([]);
      expect(await checking.app.db.select().from(modelUploads)).toEqual([]);
    });
  });
});
