import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Makerspace, MakerspaceSettings, MyMakerspaceList } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addMemberTo, addPeopleWithTokens, createAccount } from '../memberships/testing';
import { makerspacePhotos, makerspaces } from './tables';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';
const settingsOf = (space: string) => `/api/v1/makerspaces/${space}/settings`;
const photosOf = (space: string) => `/api/v1/makerspaces/${space}/photos`;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

const newSpace = (name: string) => ({
  name,
  tagline: 'Wood, metal and electronics by the Spree.',
  description: 'A community workshop.',
  address: 'Oranienstraße 1, 10999 Berlin',
  city: 'Berlin',
  country: 'Germany',
  timeZone: 'Europe/Berlin',
  openingHours: {
    mon: [],
    tue: [{ opens: '09:00', closes: '18:00' }],
    wed: [{ opens: '09:00', closes: '18:00' }],
    thu: [{ opens: '09:00', closes: '18:00' }],
    fri: [
      { opens: '14:00', closes: '20:00' },
      { opens: '09:00', closes: '12:00' },
    ],
    sat: [{ opens: '10:00', closes: '16:00' }],
    sun: [],
  },
});

describe.each(testDrivers)('makerspace settings, photos and creation over %s', (driver) => {
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
  const auditActions = async (entityId: string) =>
    (
      await cave.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.entityType, 'makerspace'), eq(auditLogs.entityId, entityId)))
        .orderBy(auditLogs.id)
    ).map((row) => row.action);

  beforeAll(async () => {
    issuer = await startTestIssuer();
    dataDir = await mkdtemp(join(tmpdir(), 'cave-photos-'));
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
    tokens.superAdmin = await issuer.userToken({
      id: await createAccount(cave.app.db, 'root@example.org'),
      username: 'root',
      realmRoles: ['super_admin'],
    });
    tokens.caveAdmin = await issuer.userToken({
      username: 'caveadmin',
      realmRoles: ['admin', 'admin:cave'],
    });
    tokens.storeAdmin = await issuer.userToken({
      username: 'storeadmin',
      realmRoles: ['admin', 'admin:store'],
    });
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows its admin the hub’s settings: zone, hours as data and as a sentence', async () => {
    const got = await call('GET', settingsOf(HUB), 'hubAdmin');
    expect(got.status).toBe(200);
    const settings: MakerspaceSettings = got.body;
    expect(settings).toMatchObject({
      slug: HUB,
      timeZone: 'Asia/Kolkata',
      openingHoursText: 'Mon–Sat 08:00–22:00, Sun 10:00–18:00',
      closures: [],
      isPublic: true,
    });
    expect(settings.openingHours.sun).toEqual([{ opens: '10:00', closes: '18:00' }]);
  });

  it('lets only the makerspace’s admins (and realm admins) in: members 403, others 404', async () => {
    expect((await call('GET', settingsOf(HUB))).status).toBe(401);
    expect((await call('GET', settingsOf(HUB), 'hubMember')).status).toBe(403);
    expect((await call('GET', settingsOf(HUB), 'puneAdmin')).status).toBe(404);
    expect((await call('PATCH', settingsOf(HUB), 'puneAdmin', { tagline: 'Ours' })).status).toBe(
      404,
    );
    expect((await call('PATCH', settingsOf(HUB), 'hubMember', { tagline: 'Ours' })).status).toBe(
      403,
    );
    expect((await call('GET', settingsOf(HUB), 'superAdmin')).status).toBe(200);
    expect((await call('GET', settingsOf(HUB), 'caveAdmin')).status).toBe(200);
    const [hub] = await cave.app.db
      .select({ tagline: makerspaces.tagline })
      .from(makerspaces)
      .where(eq(makerspaces.slug, HUB));
    expect(hub?.tagline).not.toBe('Ours');
  });

  it('changes hours, zone and closures; the directory shows the new sentence; audited', async () => {
    const changed = await call('PATCH', settingsOf(PUNE), 'puneAdmin', {
      timeZone: 'Asia/Kolkata',
      openingHours: {
        mon: [],
        tue: [{ opens: '10:00', closes: '21:00' }],
        wed: [{ opens: '10:00', closes: '21:00' }],
        thu: [{ opens: '10:00', closes: '21:00' }],
        fri: [{ opens: '10:00', closes: '21:00' }],
        sat: [
          { opens: '14:00', closes: '20:00' },
          { opens: '09:00', closes: '13:00' },
        ],
        sun: [],
      },
      closures: [{ startsOn: '2027-01-26', endsOn: '2027-01-26', reason: 'Republic Day' }],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const settings: MakerspaceSettings = changed.body;
    // Intervals are kept earliest first, whatever order they were sent in.
    expect(settings.openingHours.sat.map((i) => i.opens)).toEqual(['09:00', '14:00']);
    expect(settings.openingHoursText).toBe('Tue–Fri 10:00–21:00, Sat 09:00–13:00 and 14:00–20:00');
    const listed: Makerspace = (await call('GET', `/api/v1/makerspaces/${PUNE}`)).body;
    expect(listed.openingHours).toBe(settings.openingHoursText);
    expect(listed.timeZone).toBe('Asia/Kolkata');
    expect(await auditActions(settings.id)).toContain('makerspace.settings-changed');
  });

  it('refuses bad settings with 400 naming the field, changing nothing', async () => {
    const before = (await call('GET', settingsOf(HUB), 'hubAdmin')).body;
    const day = (intervals: unknown) => ({
      openingHours: { ...before.openingHours, mon: intervals },
    });
    const refusals: [unknown, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: '' }, 'timeZone'],
      [day([{ opens: '25:00', closes: '26:00' }]), 'openingHours.mon.0.opens'],
      [day([{ opens: '09:00', closes: '08:00' }]), 'openingHours.mon.0.closes'],
      [
        day([
          { opens: '09:00', closes: '13:00' },
          { opens: '12:00', closes: '18:00' },
        ]),
        'openingHours.mon.1.opens',
      ],
      [{ openingHours: { mon: [] } }, 'openingHours.tue'],
      [
        { closures: [{ startsOn: '2027-02-02', endsOn: '2027-02-01', reason: 'x' }] },
        'closures.0.endsOn',
      ],
      [{ slug: 'renamed' }, '(root)'],
      [{}, '(root)'],
    ];
    for (const [body, field] of refusals) {
      const refused = await call('PATCH', settingsOf(HUB), 'hubAdmin', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        refused.body.error.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await call('GET', settingsOf(HUB), 'hubAdmin')).body).toEqual(before);
  });

  it('lets super admins and MakrCave admins open a makerspace, its slug from its name', async () => {
    const created = await call(
      'POST',
      '/api/v1/makerspaces',
      'superAdmin',
      newSpace('Kreuzberg Werkstätten'),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'kreuzberg-werkstatten',
      timeZone: 'Europe/Berlin',
      openingHoursText: 'Tue–Thu 09:00–18:00, Fri 09:00–12:00 and 14:00–20:00, Sat 10:00–16:00',
    });
    expect(await auditActions(created.body.id)).toEqual(['makerspace.created']);
    // Its creator runs it from the start: it is among their makerspaces, as its admin.
    const mine: MyMakerspaceList = (await call('GET', '/api/v1/me/makerspaces', 'superAdmin')).body;
    expect(mine.items).toEqual([
      expect.objectContaining({
        makerspace: expect.objectContaining({ slug: 'kreuzberg-werkstatten' }),
        role: 'makerspace_admin',
      }),
    ]);
    const byCaveAdmin = await call(
      'POST',
      '/api/v1/makerspaces',
      'caveAdmin',
      newSpace('Leipzig Lab'),
    );
    expect(byCaveAdmin.status).toBe(201);
    // A creator without an account here (as a test token has none) opens it all the same.
    expect((await call('GET', '/api/v1/me/makerspaces', 'caveAdmin')).body.items).toEqual([]);
    const chosen = await call('POST', '/api/v1/makerspaces', 'superAdmin', {
      name: 'Test Fab Lab Kochi',
      slug: 'fablab-kochi',
      city: 'Kochi',
      country: 'India',
      timeZone: 'Asia/Kolkata',
      isPublic: false,
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(201);
    expect(chosen.body).toMatchObject({
      slug: 'fablab-kochi',
      address: '',
      isPublic: false,
      openingHoursText: 'Closed',
    });
    // Unlisted: its page answers by its link, and the directory leaves it out.
    expect((await call('GET', '/api/v1/makerspaces/fablab-kochi')).status).toBe(200);
    const directory = await call('GET', '/api/v1/makerspaces?pageSize=50');
    expect(directory.body.items.map((space: { slug: string }) => space.slug)).not.toContain(
      'fablab-kochi',
    );
    const takenSlug = await call('POST', '/api/v1/makerspaces', 'superAdmin', {
      ...newSpace('Another Kochi lab'),
      slug: 'fablab-kochi',
    });
    expect(takenSlug.status).toBe(409);
    expect(takenSlug.body.error.code).toBe('SLUG_TAKEN');
    const badSlug = await call('POST', '/api/v1/makerspaces', 'superAdmin', {
      ...newSpace('Bad slug lab'),
      slug: 'Fab Lab!',
    });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error.details[0].field).toBe('slug');

    const clash = await call(
      'POST',
      '/api/v1/makerspaces',
      'caveAdmin',
      newSpace('Kreuzberg  Werkstätten!'),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({
      code: 'SLUG_TAKEN',
      details: { slug: 'kreuzberg-werkstatten' },
    });
    for (const who of ['hubAdmin', 'hubMember', 'storeAdmin']) {
      const refused = await call('POST', '/api/v1/makerspaces', who, newSpace(`By ${who}`));
      expect(refused.status, who).toBe(403);
    }
    expect((await call('POST', '/api/v1/makerspaces', undefined, newSpace('Guest'))).status).toBe(
      401,
    );
    const badZone = await call('POST', '/api/v1/makerspaces', 'superAdmin', {
      ...newSpace('Nowhere'),
      timeZone: 'Berlin',
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.details[0].field).toBe('timeZone');
    const slugs = (await cave.app.db.select({ slug: makerspaces.slug }).from(makerspaces)).map(
      (row) => row.slug,
    );
    expect(
      slugs.filter(
        (slug) => !['kreuzberg-werkstatten', 'leipzig-lab', 'fablab-kochi'].includes(slug),
      ),
    ).toHaveLength(5);
    expect(created.body.currency).toBe('EUR');
  });

  it('charges in the currency it is given, else its country’s; a country with none known names one', async () => {
    const open = (name: string, extra: Record<string, unknown>) =>
      call('POST', '/api/v1/makerspaces', 'superAdmin', { ...newSpace(name), ...extra });
    // Germany's makerspaces charge in euros unless told otherwise.
    expect((await open('Neukölln Lab', {})).body.currency).toBe('EUR');
    expect((await open('Basel Werkstatt', { country: 'Switzerland' })).body.currency).toBe('CHF');
    expect((await open('Border Lab', { currency: 'PLN' })).body.currency).toBe('PLN');
    const unknownCountry = await open('Atlantis Works', { country: 'Atlantis' });
    expect(unknownCountry.status).toBe(400);
    expect(unknownCountry.body.error.details).toEqual([
      expect.objectContaining({
        field: 'currency',
        message: expect.stringContaining('none is known for "Atlantis"'),
      }),
    ]);
    const named = await open('Atlantis Works', { country: 'Atlantis', currency: 'USD' });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body.currency).toBe('USD');
    expect((await open('Fake Money Lab', { currency: 'ABC' })).status).toBe(400);
  });

  it('shows its currency in the settings and on the public page, its machines priced in it', async () => {
    const settings: MakerspaceSettings = (await call('GET', settingsOf(HUB), 'hubAdmin')).body;
    expect(settings.currency).toBe('INR');
    const listed: Makerspace = (await call('GET', `/api/v1/makerspaces/${HUB}`)).body;
    expect(listed.currency).toBe('INR');
    const machines = await call('GET', `/api/v1/makerspaces/${HUB}/equipment`, 'hubMember');
    expect(machines.status).toBe(200);
    expect(new Set(machines.body.items.map((m: { currency: string }) => m.currency))).toEqual(
      new Set(['INR']),
    );
    const machine = await call(
      'GET',
      `/api/v1/makerspaces/${HUB}/equipment/prusa-mk4-1`,
      'hubMember',
    );
    expect(machine.body).toMatchObject({ currency: 'INR', hourlyRateCents: 20_000 });
  });

  it('refuses a currency that is not an ISO 4217 code with 400 on the field, changing nothing', async () => {
    for (const currency of ['ABC', 'inr', 'RUPEES', '', 356, null, 'X'.repeat(10_000)]) {
      const refused = await call('PATCH', settingsOf(PUNE), 'puneAdmin', { currency });
      expect(refused.status, String(currency).slice(0, 20)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.details[0].field).toBe('currency');
    }
    expect((await call('GET', settingsOf(PUNE), 'puneAdmin')).body.currency).toBe('INR');
  });

  it('lets only the makerspace’s admins change its currency: members 403, other admins 404', async () => {
    expect((await call('PATCH', settingsOf(PUNE), undefined, { currency: 'USD' })).status).toBe(
      401,
    );
    expect((await call('PATCH', settingsOf(HUB), 'hubMember', { currency: 'USD' })).status).toBe(
      403,
    );
    expect((await call('PATCH', settingsOf(PUNE), 'hubAdmin', { currency: 'USD' })).status).toBe(
      404,
    );
    expect((await call('GET', settingsOf(PUNE), 'puneAdmin')).body.currency).toBe('INR');
  });

  it('changes the currency while nothing is billed in it, then holds it once a plan is (409)', async () => {
    const changed = await call('PATCH', settingsOf(PUNE), 'puneAdmin', { currency: 'USD' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.currency).toBe('USD');
    const machines = await call('GET', `/api/v1/makerspaces/${PUNE}/equipment`, 'puneAdmin');
    expect(machines.body.items[0].currency).toBe('USD');
    expect((await call('GET', `/api/v1/makerspaces/${PUNE}`)).body.currency).toBe('USD');
    expect(
      (await call('PATCH', settingsOf(PUNE), 'puneAdmin', { currency: 'INR' })).body.currency,
    ).toBe('INR');

    // A plan is priced in the makerspace's currency; naming another is no field of a plan.
    const plans = `/api/v1/makerspaces/${PUNE}/billing/plans`;
    const plan = { name: 'Student', interval: 'monthly', priceCents: 50_000, includedHours: 4 };
    const inEuros = await call('POST', plans, 'puneAdmin', { ...plan, currency: 'EUR' });
    expect(inEuros.status).toBe(400);
    const created = await call('POST', plans, 'puneAdmin', plan);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.currency).toBe('INR');

    const held = await call('PATCH', settingsOf(PUNE), 'puneAdmin', {
      tagline: 'Robots on Tuesdays',
      currency: 'EUR',
    });
    expect(held.status).toBe(409);
    expect(held.body.error).toMatchObject({
      code: 'CURRENCY_IN_USE',
      message: 'The currency stays INR: this makerspace has membership plans, which are in INR.',
      details: { currency: 'INR', reason: 'has membership plans' },
    });
    const after: MakerspaceSettings = (await call('GET', settingsOf(PUNE), 'puneAdmin')).body;
    expect(after).toMatchObject({ currency: 'INR' });
    expect(after.tagline).not.toBe('Robots on Tuesdays');
    // Sending the currency it already has changes nothing about it and is no refusal.
    const same = await call('PATCH', settingsOf(PUNE), 'puneAdmin', {
      tagline: 'Robots on Tuesdays',
      currency: 'INR',
    });
    expect(same.status).toBe(200);
  });

  it('stores photos in order, serves them publicly, reorders and removes them', async () => {
    const first = await call(
      'POST',
      `${photosOf(HUB)}?alt=The%20print%20farm`,
      'hubAdmin',
      PNG,
      'image/png',
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await call(
      'POST',
      `${photosOf(HUB)}?alt=Laser%20room`,
      'hubAdmin',
      JPEG,
      'application/octet-stream',
    );
    expect(second.status).toBe(201);
    const photos = second.body.items as MakerspaceSettings['photos'];
    expect(photos.map((p) => [p.alt, p.contentType])).toEqual([
      ['The print farm', 'image/png'],
      ['Laser room', 'image/jpeg'],
    ]);
    const served = await cave.app.inject(photos[0]!.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    const page: Makerspace = (await call('GET', `/api/v1/makerspaces/${HUB}`)).body;
    expect(page.photos.map((p) => p.alt)).toEqual(['The print farm', 'Laser room']);

    const reordered = await call('PUT', `${photosOf(HUB)}/order`, 'hubAdmin', {
      photoIds: [photos[1]!.id, photos[0]!.id],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((p: { alt: string }) => p.alt)).toEqual([
      'Laser room',
      'The print farm',
    ]);
    const partial = await call('PUT', `${photosOf(HUB)}/order`, 'hubAdmin', {
      photoIds: [photos[0]!.id],
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.code).toBe('PHOTO_ORDER_MISMATCH');

    const removed = await call('DELETE', `${photosOf(HUB)}/${photos[1]!.id}`, 'hubAdmin');
    expect(removed.body.items.map((p: { alt: string }) => p.alt)).toEqual(['The print farm']);
    expect((await cave.app.inject(photos[1]!.url)).statusCode).toBe(404);
    expect(await auditActions(page.id)).toEqual(
      expect.arrayContaining([
        'makerspace.photo-added',
        'makerspace.photos-reordered',
        'makerspace.photo-removed',
      ]),
    );
  });

  it('refuses what is not a photo, a photo too big, and anyone but the makerspace’s admins', async () => {
    const before = await cave.app.db.select({ id: makerspacePhotos.id }).from(makerspacePhotos);
    const text = await call(
      'POST',
      photosOf(HUB),
      'hubAdmin',
      Buffer.from('not a picture at all\n'),
      'image/png',
    );
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_IMAGE_TYPE');
    const declaredText = await call(
      'POST',
      photosOf(HUB),
      'hubAdmin',
      Buffer.from('photo.png'),
      'text/plain',
    );
    expect(declaredText.status, JSON.stringify(declaredText.body)).toBe(415);
    const big = await call(
      'POST',
      photosOf(HUB),
      'hubAdmin',
      Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
      'image/png',
    );
    expect(big.status).toBe(413);
    const empty = await call('POST', photosOf(HUB), 'hubAdmin', Buffer.alloc(0), 'image/png');
    expect(empty.status).toBe(400);
    expect((await call('POST', photosOf(HUB), 'hubMember', PNG, 'image/png')).status).toBe(403);
    expect((await call('POST', photosOf(HUB), 'puneAdmin', PNG, 'image/png')).status).toBe(404);
    expect((await call('GET', photosOf(HUB), 'puneAdmin')).status).toBe(404);
    expect(await cave.app.db.select({ id: makerspacePhotos.id }).from(makerspacePhotos)).toEqual(
      before,
    );
  });

  it('lists my makerspaces with city and my role there, leaving out a suspended membership', async () => {
    const mine: MyMakerspaceList = (await call('GET', '/api/v1/me/makerspaces', 'hubAdmin')).body;
    expect(mine.items).toEqual([
      {
        makerspace: expect.objectContaining({
          slug: HUB,
          name: 'MakrX Hub Bengaluru',
          city: 'Bengaluru',
        }),
        roles: ['makerspace_admin'],
        role: 'makerspace_admin',
      },
    ]);
    const puneId = (await call('GET', settingsOf(PUNE), 'puneAdmin')).body.id;
    await addMemberTo(cave.app.db, PUNE, 'twoPlaces', 'member').then(async (id) => {
      tokens.twoPlaces = await issuer.userToken({ id, username: 'twoPlaces', realmRoles: [] });
      ids.twoPlaces = id;
    });
    const suspend = await call(
      'POST',
      `/api/v1/makerspaces/${puneId}/members/${ids.twoPlaces}/suspend`,
      'puneAdmin',
    );
    expect(suspend.status, JSON.stringify(suspend.body)).toBe(200);
    expect((await call('GET', '/api/v1/me/makerspaces', 'twoPlaces')).body.items).toEqual([]);
  });
});
