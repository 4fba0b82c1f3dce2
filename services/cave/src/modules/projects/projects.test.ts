import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Project, ProjectPage } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { projectSearchDocument, projects } from './tables';
import { seedDemoProjectsWithOwners } from './testing';

describe.each(testDrivers)('public projects over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let ownerIds: Record<string, string>;
  const get = (url: string, token?: string) =>
    cave.app.inject({
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    ownerIds = await seedDemoProjectsWithOwners(cave.app.db);
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('lists only public projects, most recently updated first, with owner and makerspace', async () => {
    const page: ProjectPage = (await get('/api/v1/projects')).json();
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.slug)).toEqual([
      'tendon-driven-prosthetic-hand',
      'line-following-robot-kit',
      'flat-pack-plywood-stool',
    ]);
    expect(page.items.every((p) => p.visibility === 'public')).toBe(true);
    expect(page.items[0]).toMatchObject({
      owner: { displayName: 'Ananya Rao' },
      makerspace: { slug: 'makrx-hub-bengaluru', name: 'MakrX Hub Bengaluru' },
    });
    expect(page.items[2]?.makerspace).toBeNull();
  });

  it('pages through public projects and filters by tag', async () => {
    const second: ProjectPage = (await get('/api/v1/projects?pageSize=2&page=2')).json();
    expect(second).toMatchObject({ total: 3, totalPages: 2, page: 2 });
    expect(second.items).toHaveLength(1);
    const tagged: ProjectPage = (await get('/api/v1/projects?tag=ESP32')).json();
    expect(tagged.items.map((p) => p.slug)).toEqual(['line-following-robot-kit']);
  });

  it('shows a public project to a guest, with its description', async () => {
    const response = await get('/api/v1/projects/tendon-driven-prosthetic-hand');
    expect(response.statusCode).toBe(200);
    const project: Project = response.json();
    expect(project.description).toMatch(/PETG/);
    expect(project.ownedByCaller).toBe(false);
  });

  it('shows a private project to its owner only', async () => {
    const slug = '/api/v1/projects/greenhouse-climate-controller';
    expect((await get(slug)).statusCode).toBe(404);
    const stranger = await issuer.userToken({ username: 'customer', realmRoles: [] });
    expect((await get(slug, stranger)).statusCode).toBe(404);
    const owner = await issuer.userToken({
      id: ownerIds['member@demo.makrx.org']!,
      username: 'member',
      realmRoles: [],
    });
    const response = await get(slug, owner);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ visibility: 'private', ownedByCaller: true });
  });

  it('lists one maker’s public projects for their profile, never their private ones', async () => {
    const of = async (email: string) =>
      ((await get(`/api/v1/projects?owner=${ownerIds[email]}`)).json() as ProjectPage).items.map(
        (p) => p.slug,
      );
    expect(await of('marta-silva@makers.demo.makrx.org')).toEqual(['flat-pack-plywood-stool']);
    // Milo's only project is private: his profile lists none.
    expect(await of('member@demo.makrx.org')).toEqual([]);
    expect((await get('/api/v1/projects?owner=milo')).statusCode).toBe(400);
  });

  it('answers a malformed slug with 400 and a bad page size with 400', async () => {
    const bad = await get('/api/v1/projects/Not_A_Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ location: 'path', field: 'slug' });
    expect((await get('/api/v1/projects?pageSize=0')).statusCode).toBe(400);
  });

  it('answers full text from the index', async () => {
    const plan = await cave.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = sql`websearch_to_tsquery('english', 'printer')`;
      const rows = await tx.execute(
        sql`explain select ${projects.id} from ${projects} where ${projectSearchDocument(projects)} @@ ${query}`,
      );
      return JSON.stringify(rows.rows);
    });
    expect(plan).toContain('projects_search_idx');
  });
});
