import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { PhotoList, Project, ProjectActivityList, ProjectPage } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens } from '../memberships/testing';
import { projectCollaborators, projects } from './tables';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

describe.each(testDrivers)('a project’s cover and gallery over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let dataDir: string;
  const people = { ids: {} as Record<string, string>, tokens: {} as Record<string, string> };

  const call = (
    method: string,
    url: string,
    who?: string,
    payload?: Buffer | object,
    contentType?: string,
  ) =>
    cave.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(who ? { authorization: `Bearer ${people.tokens[who]}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(payload === undefined ? {} : { payload }),
    });
  const photos = (slug: string) => `/api/v1/projects/${slug}/photos`;
  const make = async (who: string, title: string, visibility = 'private') =>
    ((await call('POST', '/api/v1/projects', who, { title, visibility })).json() as Project).slug;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    dataDir = await mkdtemp(join(tmpdir(), 'cave-project-photos-'));
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      env: { MAKRX_DATA_DIR: dataDir },
    });
    await addPeopleWithTokens(
      cave.app.db,
      issuer,
      {
        maker: ['makrx-hub-bengaluru', 'member'],
        viewer: ['makrx-hub-bengaluru', 'member'],
        stranger: ['tinkerworks-pune', 'member'],
      },
      people,
    );
    await cave.app.db.insert(featureFlags).values({
      key: 'ENABLE_PROJECT_COLLABORATION',
      scope: 'domain',
      domain: 'cave',
      description: 'Shared projects with collaborators.',
      enabled: true,
    });
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes the first photo the cover on the page and the card, the rest the gallery', async () => {
    const slug = await make('maker', 'Kinetic desk sculpture', 'public');
    const first = await call('POST', `${photos(slug)}?alt=Finished`, 'maker', PNG, 'image/png');
    expect(first.statusCode, first.body).toBe(201);
    const second = await call('POST', `${photos(slug)}?alt=Gears`, 'maker', JPEG, 'image/jpeg');
    const gallery: PhotoList = second.json();
    expect(gallery.items.map((p) => p.alt)).toEqual(['Finished', 'Gears']);

    const page: Project = (await call('GET', `/api/v1/projects/${slug}`)).json();
    expect(page.coverPhoto).toMatchObject({ alt: 'Finished', contentType: 'image/png' });
    const served = await cave.app.inject(page.coverPhoto!.url);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PNG)).toBe(true);
    const listed: ProjectPage = (await call('GET', '/api/v1/projects')).json();
    expect(listed.items.find((p) => p.slug === slug)?.coverPhoto?.alt).toBe('Finished');
    expect((await call('GET', photos(slug))).json().items).toHaveLength(2);

    const reordered = await call('PUT', `${photos(slug)}/order`, 'maker', {
      photoIds: [gallery.items[1]!.id, gallery.items[0]!.id],
    });
    expect(reordered.statusCode).toBe(200);
    const after: Project = (await call('GET', `/api/v1/projects/${slug}`)).json();
    expect(after.coverPhoto?.alt).toBe('Gears');
    const log: ProjectActivityList = (
      await call('GET', `/api/v1/projects/${slug}/activity`)
    ).json();
    expect(log.items.map((l) => l.action).reverse()).toEqual([
      'project.created',
      'project.photo-added',
      'project.photo-added',
      'project.photos-reordered',
    ]);
  });

  it('keeps the gradient’s place empty (no cover) for a project without photos', async () => {
    const slug = await make('maker', 'Bare bench', 'public');
    const page: Project = (await call('GET', `/api/v1/projects/${slug}`)).json();
    expect(page.coverPhoto).toBeNull();
  });

  it('lets only editors change the album, hides a private one, and refuses bad files', async () => {
    const slug = await make('maker', 'Secret synth');
    const [row] = await cave.app.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.slug, slug));
    await cave.app.db.insert(projectCollaborators).values({
      projectId: row!.id,
      userId: people.ids.viewer!,
      role: 'viewer',
      status: 'accepted',
      acceptedAt: new Date(),
    });
    expect((await call('POST', photos(slug), undefined, PNG, 'image/png')).statusCode).toBe(401);
    expect((await call('POST', photos(slug), 'stranger', PNG, 'image/png')).statusCode).toBe(404);
    expect((await call('GET', photos(slug), 'stranger')).statusCode).toBe(404);
    expect((await call('GET', photos(slug))).statusCode).toBe(404);
    const viewer = await call('POST', photos(slug), 'viewer', PNG, 'image/png');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.code).toBe('PROJECT_ROLE_TOO_LOW');
    expect((await call('GET', photos(slug), 'viewer')).statusCode).toBe(200);
    const text = await call('POST', photos(slug), 'maker', Buffer.from('not a photo'), 'image/png');
    expect(text.statusCode).toBe(415);
    const huge = await call(
      'POST',
      photos(slug),
      'maker',
      Buffer.alloc(6 * 1024 * 1024),
      'image/png',
    );
    expect(huge.statusCode).toBe(413);
    expect((await call('GET', photos(slug), 'maker')).json().items).toEqual([]);
  });

  it('removes a deleted project’s photos with it', async () => {
    const slug = await make('maker', 'Short lived');
    const added: PhotoList = (await call('POST', photos(slug), 'maker', PNG, 'image/png')).json();
    const url = added.items[0]!.url;
    expect((await cave.app.inject(url)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/projects/${slug}`, 'maker')).statusCode).toBe(204);
    expect((await cave.app.inject(url)).statusCode).toBe(404);
  });
});
