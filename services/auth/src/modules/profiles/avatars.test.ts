import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OwnProfile, ProfileAvatar } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { testDrivers } from '@makrx/service-kit/testing';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';

/** A picture as a camera would give it: wider than tall. */
const picture = (format: 'png' | 'jpeg' | 'webp', width = 640, height = 360) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .toFormat(format)
    .toBuffer();

describe.each(testDrivers)('a maker’s picture over %s', (driver) => {
  let started: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'auth-avatars-'));
    started = await startAuthServiceWithDemoUsers(driver, { env: { MAKRX_DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await started.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const bearer = async (username: string) => ({
    authorization: `Bearer ${await started.tokenFor(username, ['store_customer'])}`,
  });
  const upload = async (
    body: Buffer | string,
    headers: Record<string, string>,
    contentType = 'image/png',
  ) =>
    started.auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/avatar',
      headers: { ...headers, 'content-type': contentType },
      payload: body,
    });
  const own = async (username: string): Promise<OwnProfile> =>
    (
      await started.auth.app.inject({
        method: 'GET',
        url: '/api/v1/me/profile',
        headers: await bearer(username),
      })
    ).json();
  const fetchFile = (path: string) => started.auth.app.inject({ method: 'GET', url: path });
  const avatarChanges = async (username: string) =>
    (
      await started.auth.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.entityId, started.ids[username]!))
    ).filter((row) => row.action.startsWith('profile.avatar'));

  it('keeps an upload as WebP squares of 512 and 128 px, served to everyone', async () => {
    const owner = await bearer('member');
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const saved = await upload(await picture(format), owner, `image/${format}`);
      expect(saved.statusCode, format).toBe(200);
    }
    const avatar = (await own('member')).avatar!;
    expect(avatar.large).toMatch(/^\/media\/avatars\/[0-9a-f-]{36}\/[0-9a-f-]{36}-512\.webp$/);
    for (const [path, size] of [
      [avatar.large, 512],
      [avatar.small, 128],
    ] as const) {
      const file = await fetchFile(path);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      const meta = await sharp(file.rawPayload).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: 'webp',
        width: size,
        height: size,
      });
    }
    expect(await avatarChanges('member')).toHaveLength(3);
  });

  it('removes the old files when a picture is replaced, and all of them when removed', async () => {
    const owner = await bearer('member');
    const first: ProfileAvatar = (await upload(await picture('png'), owner)).json();
    const second: ProfileAvatar = (await upload(await picture('png', 200, 400), owner)).json();
    expect(second.large).not.toBe(first.large);
    expect((await fetchFile(first.large)).statusCode).toBe(404);
    expect((await fetchFile(second.small)).statusCode).toBe(200);

    const removed = await started.auth.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/profile/avatar',
      headers: owner,
    });
    expect(removed.statusCode).toBe(204);
    expect((await own('member')).avatar).toBeNull();
    expect((await fetchFile(second.large)).statusCode).toBe(404);
  });

  it('refuses what is not a picture with 415, judged by the bytes, and keeps the old one', async () => {
    const owner = await bearer('provider');
    await upload(await picture('png'), owner);
    const kept = (await own('provider')).avatar;
    const refusals: [Buffer | string, string, string][] = [
      [Buffer.from('GIF89a not allowed'), 'image/png', 'UNSUPPORTED_IMAGE_TYPE'],
      ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/webp', 'UNSUPPORTED_IMAGE_TYPE'],
      [
        Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.alloc(64),
        ]),
        'image/png',
        'IMAGE_UNREADABLE',
      ],
      ['not a picture at all', 'text/plain', 'UNSUPPORTED_IMAGE_TYPE'],
      [await picture('png'), 'image/gif', 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [body, contentType, code] of refusals) {
      const refused = await upload(body, owner, contentType);
      expect(refused.statusCode, code).toBe(415);
      expect(refused.json().error.code).toBe(code);
    }
    const empty = await upload(Buffer.alloc(0), owner);
    expect(empty.statusCode).toBe(400);
    expect((await own('provider')).avatar).toEqual(kept);
  });

  it('refuses a picture over 5 MB with 413 and keeps the old one', async () => {
    const owner = await bearer('provider');
    const kept = (await own('provider')).avatar;
    const huge = Buffer.concat([await picture('png'), Buffer.alloc(5 * 1024 * 1024)]);
    const refused = await upload(huge, owner);
    expect(refused.statusCode).toBe(413);
    expect((await own('provider')).avatar).toEqual(kept);
  });

  it('asks a guest to sign in with 401 for uploading and removing, and changes nothing', async () => {
    const kept = (await own('provider')).avatar;
    const uploaded = await upload(await picture('png'), {});
    expect(uploaded.statusCode).toBe(401);
    const removed = await started.auth.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/profile/avatar',
    });
    expect(removed.statusCode).toBe(401);
    expect((await own('provider')).avatar).toEqual(kept);
    expect(
      await started.auth.app.db
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.action, 'profile.avatar_removed'),
            eq(auditLogs.entityId, started.ids.provider!),
          ),
        ),
    ).toEqual([]);
  });

  it('answers a malformed or unknown picture path with 400 or 404', async () => {
    expect((await fetchFile('/media/avatars/not-a-uuid/x.webp')).statusCode).toBe(400);
    expect(
      (await fetchFile(`/media/avatars/${started.ids.member}/../../secrets`)).statusCode,
    ).not.toBe(200);
    const unknown = `/media/avatars/${started.ids.member}/${started.ids.member}-512.webp`;
    expect((await fetchFile(unknown)).statusCode).toBe(404);
  });
});
