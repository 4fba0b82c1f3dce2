import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type {
  Project,
  ProjectActivityList,
  ProjectFileLink,
  ProjectFileList,
} from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens } from '../memberships/testing';

/** A binary STL of one triangle: 80 bytes of header, the count, then 50 bytes per triangle. */
function oneTriangleStl(): Buffer {
  const stl = Buffer.alloc(84 + 50);
  stl.write('one triangle', 0, 'latin1');
  stl.writeUInt32LE(1, 80);
  [0, 0, 1, 0, 0, 0, 10, 0, 0, 0, 10, 0].forEach((v, i) => stl.writeFloatLE(v, 84 + i * 4));
  return stl;
}

describe.each(testDrivers)('a project’s files over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let dataDir: string;
  const people = { ids: {} as Record<string, string>, tokens: {} as Record<string, string> };

  const call = (method: string, url: string, who?: string, payload?: Buffer | object) =>
    cave.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(who ? { authorization: `Bearer ${people.tokens[who]}` } : {}),
        ...(Buffer.isBuffer(payload) ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(payload === undefined ? {} : { payload }),
    });
  const files = (slug: string) => `/api/v1/projects/${slug}/files`;
  const make = async (title: string, visibility = 'private') =>
    ((await call('POST', '/api/v1/projects', 'maker', { title, visibility })).json() as Project)
      .slug;
  const fileCount = async (slug: string) =>
    ((await call('GET', files(slug), 'maker')).json() as ProjectFileList).items.length;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    dataDir = await mkdtemp(join(tmpdir(), 'cave-project-files-'));
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      env: { MAKRX_DATA_DIR: dataDir },
    });
    await addPeopleWithTokens(
      cave.app.db,
      issuer,
      {
        maker: ['makrx-hub-bengaluru', 'member'],
        stranger: ['tinkerworks-pune', 'member'],
      },
      people,
    );
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a model with its size, and downloads it byte for byte through a signed link', async () => {
    const slug = await make('Desk fan duct');
    const stl = oneTriangleStl();
    const added = await call('POST', `${files(slug)}?name=duct%20v2.stl`, 'maker', stl);
    expect(added.statusCode, added.body).toBe(201);
    const [file] = (added.json() as ProjectFileList).items;
    expect(file).toMatchObject({
      name: 'duct v2.stl',
      kind: 'model',
      contentType: 'model/stl',
      byteSize: stl.byteLength,
      uploadedBy: { handle: 'maker' },
    });
    const link: ProjectFileLink = (
      await call('GET', `${files(slug)}/${file!.id}/link`, 'maker')
    ).json();
    const url = new URL(link.url);
    const downloaded = await cave.app.inject(`${url.pathname}${url.search}`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(stl)).toBe(true);
    // The link is the permission: altered, it opens nothing.
    url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 60));
    expect((await cave.app.inject(`${url.pathname}${url.search}`)).statusCode).toBe(403);
    const log: ProjectActivityList = (
      await call('GET', `/api/v1/projects/${slug}/activity`, 'maker')
    ).json();
    expect(log.items[0]).toMatchObject({
      action: 'file.added',
      summary: 'Added the file duct v2.stl',
    });
  });

  it('refuses files that are not what their name says, empty, nameless or too large', async () => {
    const slug = await make('Refused files');
    const cases: [string, Buffer, number, string?][] = [
      ['fake.stl', Buffer.from('\u0000\u0001 not an stl at all'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['run.exe', Buffer.from('MZ'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['page.html', Buffer.from('<script>alert(1)</script>'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['manual.pdf', Buffer.from('hello'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['empty.txt', Buffer.alloc(0), 400],
      ['../../etc.txt', Buffer.from('x'), 400],
      ['noextension', Buffer.from('x'), 400],
      ['huge.zip', Buffer.alloc(51 * 1024 * 1024), 413],
    ];
    for (const [name, bytes, status, code] of cases) {
      const response = await call(
        'POST',
        `${files(slug)}?name=${encodeURIComponent(name)}`,
        'maker',
        bytes,
      );
      expect(response.statusCode, name).toBe(status);
      if (code) expect(response.json().error.code).toBe(code);
    }
    expect(await fileCount(slug)).toBe(0);
  });

  it('hides a private project’s files from others and lets only editors change them', async () => {
    const slug = await make('Secret files');
    const added: ProjectFileList = (
      await call('POST', `${files(slug)}?name=notes.md`, 'maker', Buffer.from('# Notes'))
    ).json();
    const fileId = added.items[0]!.id;
    expect((await call('GET', files(slug))).statusCode).toBe(404);
    expect((await call('GET', files(slug), 'stranger')).statusCode).toBe(404);
    expect((await call('GET', `${files(slug)}/${fileId}/link`, 'stranger')).statusCode).toBe(404);
    expect(
      (await call('POST', `${files(slug)}?name=x.txt`, undefined, Buffer.from('x'))).statusCode,
    ).toBe(401);
    expect((await call('DELETE', `${files(slug)}/${fileId}`, 'stranger')).statusCode).toBe(404);

    const open = await make('Open files', 'public');
    await call('POST', `${files(open)}?name=readme.txt`, 'maker', Buffer.from('Read me'));
    const listed: ProjectFileList = (await call('GET', files(open))).json();
    expect(listed.items.map((f) => f.name)).toEqual(['readme.txt']);
    const refused = await call('DELETE', `${files(open)}/${listed.items[0]!.id}`, 'stranger');
    expect(refused.statusCode).toBe(403);
    const uploadRefused = await call(
      'POST',
      `${files(open)}?name=mine.txt`,
      'stranger',
      Buffer.from('x'),
    );
    expect(uploadRefused.statusCode).toBe(403);
    expect(await fileCount(open)).toBe(1);
    expect(await fileCount(slug)).toBe(1);
  });

  it('removes a file and its bytes; deleting the project removes the rest', async () => {
    const slug = await make('Short lived files');
    const list: ProjectFileList = (
      await call('POST', `${files(slug)}?name=a.txt`, 'maker', Buffer.from('a'))
    ).json();
    await call('POST', `${files(slug)}?name=b.txt`, 'maker', Buffer.from('b'));
    const first = list.items[0]!;
    const link: ProjectFileLink = (
      await call('GET', `${files(slug)}/${first.id}/link`, 'maker')
    ).json();
    const url = new URL(link.url);
    const removed = await call('DELETE', `${files(slug)}/${first.id}`, 'maker');
    expect((removed.json() as ProjectFileList).items.map((f) => f.name)).toEqual(['b.txt']);
    expect((await cave.app.inject(`${url.pathname}${url.search}`)).statusCode).toBe(404);
    expect((await call('DELETE', `${files(slug)}/${first.id}`, 'maker')).statusCode).toBe(404);

    const rest: ProjectFileList = (await call('GET', files(slug), 'maker')).json();
    const restLink = new URL(
      (
        (
          await call('GET', `${files(slug)}/${rest.items[0]!.id}/link`, 'maker')
        ).json() as ProjectFileLink
      ).url,
    );
    expect((await call('DELETE', `/api/v1/projects/${slug}`, 'maker')).statusCode).toBe(204);
    expect((await cave.app.inject(`${restLink.pathname}${restLink.search}`)).statusCode).toBe(404);
  });
});
