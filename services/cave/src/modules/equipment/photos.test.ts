import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MachineDetail, MachineList, Makerspace, PhotoList } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens } from '../memberships/testing';
import { equipmentPhotos } from './tables';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const machinePath = (slug: string) => `/api/v1/makerspaces/${HUB}/equipment/${slug}`;
const photosOf = (slug: string) => `${machinePath(slug)}/photos`;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

describe.each(testDrivers)('machine photos over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let dataDir: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = async (
    method: Method,
    url: string,
    as?: string,
    body?: unknown,
    contentType?: string,
  ) => {
    const response = await cave.app.inject({
      method,
      url,
      headers: {
        ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return {
      status: response.statusCode,
      body: response.body ? response.json() : undefined,
    };
  };
  const upload = (slug: string, as: string, bytes: Buffer, alt = '') =>
    call('POST', `${photosOf(slug)}?alt=${encodeURIComponent(alt)}`, as, bytes, 'image/png');
  const photoRows = () => cave.app.db.select({ id: equipmentPhotos.id }).from(equipmentPhotos);
  /** Where the local bucket keeps a photo served at `url` (`/media/<key>`). */
  const fileOf = (url: string) => join(dataDir, 'files', 'public', url.replace(/^\/media\//, ''));

  beforeAll(async () => {
    issuer = await startTestIssuer();
    dataDir = await mkdtemp(join(tmpdir(), 'cave-machine-photos-'));
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      env: { MAKRX_DATA_DIR: dataDir },
    });
    const people = {
      hubAdmin: [HUB, 'makerspace_admin'],
      hubMember: [HUB, 'member'],
      puneAdmin: [PUNE, 'makerspace_admin'],
    } as const;
    await addPeopleWithTokens(cave.app.db, issuer, people, { ids, tokens });
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets an admin add, reorder and remove a machine’s photos, which its members then see', async () => {
    const first = await upload('prusa-mk4-1', 'hubAdmin', PNG, 'Front of the printer');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await call(
      'POST',
      `${photosOf('prusa-mk4-1')}?alt=Print%20bed`,
      'hubAdmin',
      JPEG,
      'application/octet-stream',
    );
    expect(second.status).toBe(201);
    const photos = (second.body as PhotoList).items;
    expect(photos.map((p) => [p.alt, p.contentType])).toEqual([
      ['Front of the printer', 'image/png'],
      ['Print bed', 'image/jpeg'],
    ]);

    const seen: MachineDetail = (await call('GET', machinePath('prusa-mk4-1'), 'hubMember')).body;
    expect(seen.photos.map((p) => p.alt)).toEqual(['Front of the printer', 'Print bed']);
    expect(seen.coverPhoto?.alt).toBe('Front of the printer');
    const served = await cave.app.inject(photos[0]!.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);

    const reordered = await call('PUT', `${photosOf('prusa-mk4-1')}/order`, 'hubAdmin', {
      photoIds: [photos[1]!.id, photos[0]!.id],
    });
    expect(reordered.status).toBe(200);
    const list: MachineList = (
      await call('GET', `/api/v1/makerspaces/${HUB}/equipment`, 'hubMember')
    ).body;
    const covers = new Map(list.items.map((m) => [m.slug, m.coverPhoto?.alt ?? null]));
    expect(covers.get('prusa-mk4-1')).toBe('Print bed');
    expect(covers.get('prusa-mk4-2')).toBeNull();
    const page: Makerspace = (await call('GET', `/api/v1/makerspaces/${HUB}`)).body;
    expect(page.equipment.find((m) => m.slug === 'prusa-mk4-1')?.coverPhoto?.alt).toBe('Print bed');

    await access(fileOf(photos[1]!.url));
    const removed = await call('DELETE', `${photosOf('prusa-mk4-1')}/${photos[1]!.id}`, 'hubAdmin');
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((p: { alt: string }) => p.alt)).toEqual(['Front of the printer']);
    await expect(access(fileOf(photos[1]!.url))).rejects.toThrow();
    expect((await cave.app.inject(photos[1]!.url)).statusCode).toBe(404);
    const actions = await cave.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, 'equipment'), eq(auditLogs.entityId, seen.id)));
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'equipment.photo-added',
        'equipment.photos-reordered',
        'equipment.photo-removed',
      ]),
    );
  });

  it('refuses what is not a photo, a photo too big, members, and another makerspace’s admin', async () => {
    const before = await photoRows();
    // Text named and declared as a PNG is judged by its bytes.
    const text = await upload('prusa-mk4-2', 'hubAdmin', Buffer.from('not a picture, photo.png'));
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_IMAGE_TYPE');
    const big = await upload(
      'prusa-mk4-2',
      'hubAdmin',
      Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(big.status).toBe(413);
    expect((await upload('prusa-mk4-2', 'hubAdmin', Buffer.alloc(0))).status).toBe(400);
    const member = await upload('prusa-mk4-2', 'hubMember', PNG);
    expect(member.status).toBe(403);
    expect((await upload('prusa-mk4-2', 'puneAdmin', PNG)).status).toBe(404);
    expect((await call('GET', photosOf('prusa-mk4-2'), 'puneAdmin')).status).toBe(404);
    expect((await upload('no-such-machine', 'hubAdmin', PNG)).status).toBe(404);
    expect((await call('POST', photosOf('prusa-mk4-2'), undefined, PNG, 'image/png')).status).toBe(
      401,
    );
    const malformedOrder = await call('PUT', `${photosOf('prusa-mk4-2')}/order`, 'hubAdmin', {
      photoIds: ['not-an-id'],
    });
    expect(malformedOrder.status).toBe(400);
    expect(await photoRows()).toEqual(before);
  });

  it('keeps a machine to twenty photos', async () => {
    for (let n = 1; n <= 20; n += 1) {
      const added = await upload('bambu-lab-p1s', 'hubAdmin', PNG, `View ${n}`);
      expect(added.status).toBe(201);
    }
    const twentyFirst = await upload('bambu-lab-p1s', 'hubAdmin', PNG, 'One too many');
    expect(twentyFirst.status).toBe(409);
    expect(twentyFirst.body.error.code).toBe('TOO_MANY_PHOTOS');
    const machine: MachineDetail = (await call('GET', machinePath('bambu-lab-p1s'), 'hubMember'))
      .body;
    expect(machine.photos).toHaveLength(20);
    expect(machine.photos.at(-1)?.alt).toBe('View 20');
  });
});
