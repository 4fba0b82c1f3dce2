import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { ModelQuotes, ModelUploadDetail, ProvidersAvailable } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { cube, toAsciiStl, toBinaryStl, torus } from '@makrx/mesh/testing';
import {
  listenForTest,
  startTestService,
  testDrivers,
  type TestService,
} from '@makrx/service-kit/testing';
import type { ServiceDefinition } from '@makrx/service-kit';
import { FileStore } from '@tus/file-store';
import { strToU8, zipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import {
  modelUploadsModule,
  modelUploadsModuleWith,
  type ModelUploadsModuleOptions,
} from './plugin';
import { modelUploads } from './tables';
import {
  beginUpload,
  clamdUnderTest,
  EICAR,
  providersFixture,
  sendWithTus,
  type TusOutcome,
  stlUploadFlag,
} from './testing';

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A 20 mm cube as a binary STL: 12 triangles, 8 cm³, 24 cm². */
const cubeStl = () => Buffer.from(toBinaryStl(cube(20)));

/** The store with the model-uploads module started with other options. */
const storeWith = (options: ModelUploadsModuleOptions): ServiceDefinition => ({
  ...storeService,
  modules: storeService.modules.map((module) =>
    module.plugin === modelUploadsModule
      ? { ...module, plugin: modelUploadsModuleWith(options) }
      : module,
  ),
});

/** Bytes of a file the analysis refuses, each with the code and words the customer gets. */
function badFiles(): Array<[string, string, Buffer, string, RegExp]> {
  const whole = Buffer.from(toBinaryStl(cube(20)));
  const miscounted = Buffer.from(whole);
  miscounted.writeUInt32LE(13, 80);
  const nan = Buffer.from(whole);
  nan.writeFloatLE(Number.NaN, 84 + 50 * 7 + 12 + 4 * 4);
  const infinite = Buffer.from(whole);
  infinite.writeFloatLE(Number.POSITIVE_INFINITY, 84 + 50 * 2 + 12);
  const lines = Buffer.from(toAsciiStl(cube(20)))
    .toString('latin1')
    .split('\n');
  lines[10] = '      vertex 1.0 banana 3';
  // A real archive holding an STL, sent under the STL's name.
  const zip = Buffer.from(zipSync({ 'readme.txt': strToU8('print me'), 'part.stl': whole }));
  return [
    [
      'a truncated binary STL',
      'cut.stl',
      whole.subarray(0, whole.length - 20),
      'TRUNCATED_STL',
      /^The file is cut off: its header announces 12 triangles, but it ends in the middle of triangle 12\./,
    ],
    [
      'a header whose triangle count disagrees with the size',
      'miscounted.stl',
      miscounted,
      'TRIANGLE_COUNT_MISMATCH',
      /^The STL header announces 13 triangles, but the file's size \(684 bytes\) holds 12\./,
    ],
    ['a NaN coordinate', 'nan.stl', nan, 'NON_FINITE_COORDINATE', /Triangle 8 /],
    ['an infinite coordinate', 'inf.stl', infinite, 'NON_FINITE_COORDINATE', /Triangle 3 /],
    [
      'an ASCII STL with garbage inside',
      'garbage.stl',
      Buffer.from(lines.join('\n'), 'latin1'),
      'ASCII_STL_SYNTAX',
      /^Line 11 .*expected a number but found "banana"/,
    ],
    [
      'a ZIP renamed to .stl',
      'bracket.stl',
      zip,
      'ZIP_NOT_3MF',
      /This is a ZIP archive, not an STL/,
    ],
  ];
}

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
  /** What the cave lists; each quotes request asks for it again (no cache in this store). */
  let caveList: ProvidersAvailable = providersFixture();
  let caveCalls = 0;
  const api = (path: string, token = tokens.customer, init: RequestInit = {}) =>
    fetch(`${baseUrl}/api/v1${path}`, {
      ...init,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'makrx-model-uploads-'));
    issuer = await startTestIssuer();
    const providers = async () => {
      caveCalls += 1;
      return caveList;
    };
    store = await startTestService(storeWith({ providers, providersCacheMs: 0 }), driver, {
      issuer: issuer.issuer,
      env: { MAKRX_DATA_DIR: dataDir, ...clamdUnderTest.env },
    });
    await store.app.db.insert(featureFlags).values(stlUploadFlag);
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
    const stl = cubeStl();
    const sent = await send(stl, 'bracket.stl', tokens.customer, { chunkSize: 40 });
    expect(sent.error).toBeUndefined();
    const id = idOf(sent);
    expect(readFileSync(join(uploadsFolder(), id)).equals(stl)).toBe(true);

    const own = await fetch(`${baseUrl}/api/v1/model-uploads/${id}`, {
      headers: { authorization: `Bearer ${tokens.customer}` },
    });
    expect(own.status).toBe(200);
    expect((await own.json()) as ModelUploadDetail).toMatchObject({
      id,
      originalName: 'bracket.stl',
      sizeBytes: stl.length,
      sha256: sha256(stl),
      status: 'ready',
      analysis: {
        format: 'stl-binary',
        triangleCount: 12,
        unitScale: 1,
        dimensionsMm: { x: 20, y: 20, z: 20 },
        volumeMm3: 8000,
        surfaceAreaMm2: 2400,
        watertight: true,
        shells: 1,
        unitsGuess: 'mm',
        // The bottom face lies on the bed: no overhang to support.
        overhangAreaMm2: 0,
      },
    });
    const others = await fetch(`${baseUrl}/api/v1/model-uploads/${id}`, {
      headers: { authorization: `Bearer ${tokens.other}` },
    });
    expect(others.status).toBe(404);
    expect((await others.json()).error.code).toBe('NOT_FOUND');
  });

  it('resumes a 100 MB upload where a dropped connection left it, and keeps the same bytes', async () => {
    // A torus of 1024 × 1024 × 2 triangles: 100 MB of binary STL.
    const model = Buffer.from(toBinaryStl(torus(80, 20, 1024, 1024)));
    expect(model.length).toBeGreaterThan(100 * MB);
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
    expect((await rowsOf(id))[0]).toMatchObject({
      sizeBytes: model.length,
      sha256: sha256(model),
      format: 'stl-binary',
      analysis: { triangleCount: 2 * 1024 * 1024, watertight: true, shells: 1 },
    });
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

  it.each(badFiles())(
    'refuses %s with its own code and sentence, and keeps nothing',
    async (_what, filename, bytes, code, message) => {
      const before = storedNames();
      const sent = await send(bytes, filename, tokens.customer, { chunkSize: 256 });
      expect(sent.error).toMatchObject({ status: 422, body: { error: { code } } });
      expect(sent.error?.body.error.message).toMatch(message);
      expect(storedNames()).toEqual(before);
      expect(await rowsOf(idOf(sent))).toEqual([]);
      const read = await api(`/model-uploads/${idOf(sent)}`);
      expect(read.status).toBe(404);
    },
  );

  it('rescales the analysis when the customer says the file is in inches, and back', async () => {
    const id = idOf(await send(cubeStl(), 'inch-cube.stl'));
    const setUnits = (units: string, token = tokens.customer) =>
      api(`/model-uploads/${id}/units`, token, {
        method: 'POST',
        body: JSON.stringify({ units }),
      });

    const inches = await setUnits('inch');
    expect(inches.status).toBe(200);
    const detail = (await inches.json()) as ModelUploadDetail;
    expect(detail.analysis.unitScale).toBe(25.4);
    expect(detail.analysis.dimensionsMm).toEqual({ x: 508, y: 508, z: 508 });
    expect(detail.analysis.volumeMm3).toBeCloseTo(8000 * 25.4 ** 3, 3);
    expect(detail.analysis.surfaceAreaMm2).toBeCloseTo(2400 * 25.4 ** 2, 6);
    // Sent twice, the same answer: the scale is set, never multiplied again.
    expect(await (await setUnits('inch')).json()).toEqual(detail);
    expect(await (await api(`/model-uploads/${id}`)).json()).toEqual(detail);

    const mm = (await (await setUnits('mm')).json()) as ModelUploadDetail;
    expect(mm.analysis).toMatchObject({ unitScale: 1, volumeMm3: 8000, surfaceAreaMm2: 2400 });
  });

  it('lets no one else, no guest and no malformed body change the units', async () => {
    const id = idOf(await send(cubeStl(), 'mine.stl'));
    const post = (body: string, token = tokens.customer, path = `/model-uploads/${id}/units`) =>
      api(path, token, { method: 'POST', body });
    const other = await post('{"units":"inch"}', tokens.other);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('NOT_FOUND');
    expect((await post('{"units":"inch"}', '')).status).toBe(401);
    const unknown = await post('{"units":"cm"}');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe('VALIDATION_FAILED');
    const garbled = await post('{"units":');
    expect(garbled.status).toBe(400);
    expect((await garbled.json()).error.code).toBe('MALFORMED_BODY');
    const huge = await post(JSON.stringify({ units: 'inch', padding: 'x'.repeat(2 * MB) }));
    expect(huge.status).toBe(413);
    const missing = await post(
      '{"units":"inch"}',
      tokens.customer,
      `/model-uploads/${crypto.randomUUID()}/units`,
    );
    expect(missing.status).toBe(404);
    expect((await rowsOf(id))[0]?.unitScale).toBe(1);
  });

  it('quotes the model on every provider’s offerings, cheapest first, for the quantity asked', async () => {
    const id = idOf(await send(cubeStl(), 'quoted.stl'));
    const one = await api(`/model-uploads/${id}/quotes`);
    expect(one.status).toBe(200);
    const quotes = (await one.json()) as ModelQuotes;
    expect(quotes).toMatchObject({ uploadId: id, quantity: 1, unavailable: [] });
    expect(quotes.quotes.map((q) => [q.provider.name, q.materialName, q.quality, q.total])).toEqual(
      [
        ['Austin Makerspace', 'PLA', 'standard', 578],
        ['Austin Makerspace', 'Standard resin', 'standard', 1116],
        ['Round Rock Fab', 'PETG', 'standard', 1500],
      ],
    );
    expect(quotes.quotes[0]!.lines.map((line) => line.amount)).toEqual([10, 68, 500, 578]);
    const validFor =
      Date.parse(quotes.quotes[0]!.validUntil) - Date.parse(quotes.quotes[0]!.quotedAt);
    expect(validFor).toBe(72 * 3600 * 1000);

    const ten = (await (
      await api(`/model-uploads/${id}/quotes?quantity=10`)
    ).json()) as ModelQuotes;
    expect(ten.quantity).toBe(10);
    expect(ten.quotes.find((q) => q.materialKey === 'pla')).toMatchObject({
      quantity: 10,
      percentOff: 10,
    });
  });

  it('quotes the rescaled part once the file is said to be in inches', async () => {
    const id = idOf(await send(cubeStl(), 'inches.stl'));
    await api(`/model-uploads/${id}/units`, tokens.customer, {
      method: 'POST',
      body: JSON.stringify({ units: 'inch' }),
    });
    const quotes = (await (await api(`/model-uploads/${id}/quotes`)).json()) as ModelQuotes;
    expect(quotes.quotes).toEqual([]);
    expect(quotes.unavailable.map((u) => [u.providerName, u.message])).toEqual([
      [
        'Austin Makerspace',
        'The part (508×508×508 mm) is too big for Prusa MK4 (250×210×220 mm) in any orientation.',
      ],
      [
        'Austin Makerspace',
        'The part (508×508×508 mm) is too big for Form 3 (145×145×185 mm) in any orientation.',
      ],
      [
        'Round Rock Fab',
        'The part (508×508×508 mm) is too big for Mini printer (90×90×90 mm) in any orientation.',
      ],
    ]);
  });

  it('answers no quotes, not an error, when no provider offers printing', async () => {
    const id = idOf(await send(cubeStl(), 'lonely.stl'));
    caveList = { providers: [] };
    try {
      const answer = await api(`/model-uploads/${id}/quotes`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({
        uploadId: id,
        quantity: 1,
        quotes: [],
        unavailable: [],
      });
    } finally {
      caveList = providersFixture();
    }
  });

  it('keeps an open surface with its analysis but cannot price it', async () => {
    const triangle = Buffer.from(toBinaryStl(new Float32Array([0, 0, 0, 10, 0, 0, 0, 10, 0])));
    const id = idOf(await send(triangle, 'sheet.stl'));
    const detail = (await (await api(`/model-uploads/${id}`)).json()) as ModelUploadDetail;
    expect(detail.analysis).toMatchObject({
      triangleCount: 1,
      watertight: false,
      boundaryEdges: 3,
      volumeMm3: 0,
    });
    const calls = caveCalls;
    const quotes = await api(`/model-uploads/${id}/quotes`);
    expect(quotes.status).toBe(422);
    expect((await quotes.json()).error.code).toBe('MODEL_HAS_NO_VOLUME');
    expect(caveCalls).toBe(calls);
  });

  it('refuses a quantity out of 1–1000, another user’s upload and a guest', async () => {
    const id = idOf(await send(cubeStl(), 'asked.stl'));
    const calls = caveCalls;
    for (const quantity of ['0', '1001', '2.5', 'many']) {
      const answer = await api(`/model-uploads/${id}/quotes?quantity=${quantity}`);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error.code).toBe('VALIDATION_FAILED');
    }
    const other = await api(`/model-uploads/${id}/quotes`, tokens.other);
    expect(other.status).toBe(404);
    expect((await api(`/model-uploads/${id}/quotes`, '')).status).toBe(401);
    // None of them asked the cave for its providers.
    expect(caveCalls).toBe(calls);
  });

  it('lists the upload routes in the service’s OpenAPI document', async () => {
    const paths = (await store.app.inject('/openapi.json')).json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/model-uploads/tus',
        '/api/v1/model-uploads/tus/{uploadId}',
        '/api/v1/model-uploads/{id}',
        '/api/v1/model-uploads/{id}/units',
        '/api/v1/model-uploads/{id}/quotes',
      ]),
    );
  });

  it('asks a guest to sign in', async () => {
    const sent = await send(cubeStl(), 'guest.stl', '');
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
    const finished = idOf(await send(cubeStl(), 'kept.stl'));
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

  it('keeps uploads from before the server analysis and analyses them, or says why it cannot', async () => {
    const earlier = idOf(await send(cubeStl(), 'earlier.stl'));
    const unreadable = idOf(await send(cubeStl(), 'unreadable.stl'));
    // As such uploads were left by the migration: accepted, not analysed.
    for (const id of [earlier, unreadable]) {
      await store.app.db
        .update(modelUploads)
        .set({ status: 'analysing', format: null, analysis: null })
        .where(eq(modelUploads.id, id));
    }
    // Its bytes damaged on disk since: same length, no longer an STL that adds up.
    writeFileSync(join(uploadsFolder(), unreadable), Buffer.alloc(cubeStl().length, 'x'));

    const waiting = await api(`/model-uploads/${earlier}`);
    expect(waiting.status).toBe(409);
    expect((await waiting.json()).error.code).toBe('UPLOAD_BEING_ANALYSED');

    await store.app.jobs.run('store.model-uploads.analyse-earlier');
    const ready = await api(`/model-uploads/${earlier}`);
    expect(ready.status).toBe(200);
    const detail = (await ready.json()) as ModelUploadDetail;
    expect(detail.analysis).toMatchObject({
      format: 'stl-binary',
      triangleCount: 12,
      watertight: true,
    });
    expect(detail.analysis.volumeMm3).toBeCloseTo(8000, 6);

    const refused = await api(`/model-uploads/${unreadable}/quotes`);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe('TRIANGLE_COUNT_MISMATCH');
    // Both are still the customer's: nothing accepted was dropped.
    expect(await rowsOf(unreadable)).toHaveLength(1);
    expect(storedNames()).toContain(earlier);
  });

  it('answers FEATURE_DISABLED while ENABLE_STL_UPLOAD is off', async () => {
    await store.app.db
      .update(featureFlags)
      .set({ enabled: false })
      .where(eq(featureFlags.key, 'ENABLE_STL_UPLOAD'));
    try {
      const sent = await send(cubeStl(), 'later.stl');
      expect(sent.error).toMatchObject({
        status: 404,
        body: { error: { code: 'FEATURE_DISABLED' } },
      });
      const some = crypto.randomUUID();
      for (const [path, init] of [
        [`/model-uploads/${some}`, {}],
        [`/model-uploads/${some}/quotes`, {}],
        [`/model-uploads/${some}/units`, { method: 'POST', body: '{"units":"inch"}' }],
      ] as const) {
        const answer = await api(path, tokens.customer, init);
        expect((await answer.json()).error.code).toBe('FEATURE_DISABLED');
      }
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
      await unscanned.app.db.insert(featureFlags).values(stlUploadFlag);
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
      const sent = await sendWithTus(cubeStl(), {
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

  describe('with a model check that breaks off', () => {
    let checking: TestService;
    let checkingUrl: string;
    let dropChecking: () => void;
    let checkingDir: string;
    beforeAll(async () => {
      checkingDir = mkdtempSync(join(tmpdir(), 'makrx-model-checks-'));
      const analyse = async () => {
        throw new Error('the analysis stopped half way');
      };
      checking = await startTestService(storeWith({ analyse }), driver, {
        issuer: issuer.issuer,
        env: { MAKRX_DATA_DIR: checkingDir, ...clamdUnderTest.env },
      });
      await checking.app.db.insert(featureFlags).values(stlUploadFlag);
      ({ baseUrl: checkingUrl, dropConnections: dropChecking } = await listenForTest(checking.app));
    });
    afterAll(async () => {
      dropChecking();
      await checking.close();
      rmSync(checkingDir, { recursive: true, force: true });
    });

    it('keeps nothing of a file it could not check, and says to send it again', async () => {
      const sent = await sendWithTus(cubeStl(), {
        endpoint: `${checkingUrl}/api/v1/model-uploads/tus`,
        filename: 'bracket.stl',
        token: tokens.customer,
      });
      expect(sent.error).toMatchObject({
        status: 500,
        body: {
          error: {
            code: 'INTERNAL',
            message: 'The upload could not be checked; please send it again.',
          },
        },
      });
      expect(readdirSync(join(checkingDir, 'files', 'model-uploads'))).toEqual([]);
      expect(await checking.app.db.select().from(modelUploads)).toEqual([]);
    });
  });

  describe('with a limit of 10 triangles, and a cave that does not answer', () => {
    let limited: TestService;
    let limitedUrl: string;
    let dropLimited: () => void;
    let limitedDir: string;
    beforeAll(async () => {
      limitedDir = mkdtempSync(join(tmpdir(), 'makrx-model-limited-'));
      // The module's own provider source: the cave's API, here on a port where nothing listens.
      limited = await startTestService(storeService, driver, {
        issuer: issuer.issuer,
        env: { MAKRX_DATA_DIR: limitedDir, MODEL_MAX_TRIANGLES: '10', ...clamdUnderTest.env },
        peers: {
          urls: {
            auth: 'http://127.0.0.1:9',
            cave: 'http://127.0.0.1:9',
            store: 'http://127.0.0.1:9',
          },
          token: async () => 'store-service-token',
        },
      });
      await limited.app.db.insert(featureFlags).values(stlUploadFlag);
      ({ baseUrl: limitedUrl, dropConnections: dropLimited } = await listenForTest(limited.app));
    });
    afterAll(async () => {
      dropLimited();
      await limited.close();
      rmSync(limitedDir, { recursive: true, force: true });
    });
    const sendLimited = (bytes: Buffer, filename: string) =>
      sendWithTus(bytes, {
        endpoint: `${limitedUrl}/api/v1/model-uploads/tus`,
        filename,
        token: tokens.customer,
      });

    it('refuses a model with too many triangles, saying how many it takes, and keeps nothing', async () => {
      const sent = await sendLimited(cubeStl(), 'dense.stl');
      expect(sent.error).toMatchObject({
        status: 422,
        body: { error: { code: 'TOO_MANY_TRIANGLES', details: { maxTriangles: 10 } } },
      });
      expect(sent.error?.body.error.message).toMatch(/12 triangles; at most 10 are accepted/);
      expect(readdirSync(join(limitedDir, 'files', 'model-uploads'))).toEqual([]);
      expect(await limited.app.db.select().from(modelUploads)).toEqual([]);
    });

    it('answers 503 PROVIDERS_UNREACHABLE for quotes while the cave cannot be reached', async () => {
      // A tetrahedron: four triangles, a solid the limit lets through.
      const tetrahedron = new Float32Array(
        [
          [0, 0, 0, 0, 10, 0, 10, 0, 0],
          [0, 0, 0, 10, 0, 0, 0, 0, 10],
          [0, 0, 0, 0, 0, 10, 0, 10, 0],
          [10, 0, 0, 0, 10, 0, 0, 0, 10],
        ].flat(),
      );
      const sent = await sendLimited(Buffer.from(toBinaryStl(tetrahedron)), 'tetra.stl');
      expect(sent.error).toBeUndefined();
      const id = idOf(sent);
      const answer = await fetch(`${limitedUrl}/api/v1/model-uploads/${id}/quotes`, {
        headers: { authorization: `Bearer ${tokens.customer}` },
      });
      expect(answer.status).toBe(503);
      expect((await answer.json()).error).toMatchObject({
        code: 'PROVIDERS_UNREACHABLE',
        message: expect.stringMatching(/cannot be reached right now/),
      });
    });
  });
});
