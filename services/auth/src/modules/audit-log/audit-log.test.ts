import type { TestIssuer } from '@makrx/auth/testing';
import type { AuditLogPage } from '@makrx/contracts';
import { recordAudit } from '@makrx/db';
import { testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';
import { csvField } from './service';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('csvField', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and leaves the rest alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('keeps a value that starts like a spreadsheet formula as text', () => {
    expect(csvField('=HYPERLINK("http://evil.example")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"")"',
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-1)).toBe('-1');
  });
});

describe.each(testDrivers)('the audit log viewer over %s', (driver) => {
  let issuer: TestIssuer;
  let auth: TestService;
  let superAdmin: string;
  let customer: string;
  const ids: Record<string, string> = {};
  let between: string;

  beforeAll(async () => {
    const started = await startAuthServiceWithDemoUsers(driver);
    ({ issuer, auth } = started);
    Object.assign(ids, started.ids);
    superAdmin = await issuer.userToken({
      id: ids.superadmin,
      username: 'superadmin',
      realmRoles: ['super_admin'],
    });
    customer = await issuer.userToken({
      id: ids.customer,
      username: 'customer',
      realmRoles: ['store_customer', 'admin:org'],
    });
    const db = auth.app.db;
    await recordAudit(db, {
      service: 'store',
      action: 'widget.created',
      entityType: 'widget',
      entityId: 'w-1',
      actorId: ids.admin,
      after: { name: 'Gear, large', note: 'the "best" one\nreally' },
    });
    await recordAudit(db, {
      service: 'cave',
      action: 'widget.renamed',
      entityType: 'widget',
      entityId: 'w-1',
      actorId: ids.spaceadmin,
      before: { name: 'Gear, large' },
      after: { name: 'Gear' },
    });
    await pause(30);
    between = new Date().toISOString();
    await pause(30);
    await recordAudit(db, {
      service: 'store',
      action: 'widget.created',
      entityType: 'widget',
      entityId: 'w-2',
      actorId: ids.spaceadmin,
      after: { name: 'Sprocket' },
    });
  });
  afterAll(async () => {
    await auth?.close();
    await issuer?.close();
  });

  const get = (url: string, token?: string) =>
    auth.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const page = async (query: string): Promise<AuditLogPage> => {
    const response = await get(`/api/v1/admin/audit?entityType=widget&${query}`, superAdmin);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const summary = (p: AuditLogPage) => p.items.map((e) => `${e.action} ${e.entityId}`);

  it('lists entries newest first, with paging', async () => {
    const all = await page('');
    expect(summary(all)).toEqual([
      'widget.created w-2',
      'widget.renamed w-1',
      'widget.created w-1',
    ]);
    expect(all.total).toBe(3);
    expect(all.items[1]).toMatchObject({
      service: 'cave',
      actorId: ids.spaceadmin,
      actorName: 'Maya Spaceadmin',
      before: { name: 'Gear, large' },
      after: { name: 'Gear' },
    });
    const second = await page('pageSize=2&page=2');
    expect(summary(second)).toEqual(['widget.created w-1']);
    expect(second).toMatchObject({ total: 3, totalPages: 2 });
  });

  it('filters by actor, action, entity and time range', async () => {
    expect(summary(await page(`actor=${ids.spaceadmin}`))).toEqual([
      'widget.created w-2',
      'widget.renamed w-1',
    ]);
    expect(summary(await page('action=widget.created'))).toEqual([
      'widget.created w-2',
      'widget.created w-1',
    ]);
    expect(summary(await page('entityId=w-1'))).toEqual([
      'widget.renamed w-1',
      'widget.created w-1',
    ]);
    expect(summary(await page(`from=${encodeURIComponent(between)}`))).toEqual([
      'widget.created w-2',
    ]);
    expect(summary(await page(`to=${encodeURIComponent(between)}`))).toEqual([
      'widget.renamed w-1',
      'widget.created w-1',
    ]);
    expect(summary(await page(`action=widget.created&to=${encodeURIComponent(between)}`))).toEqual([
      'widget.created w-1',
    ]);
  });

  it('answers 400 for a bad filter', async () => {
    expect((await get('/api/v1/admin/audit?from=yesterday', superAdmin)).statusCode).toBe(400);
    expect((await get('/api/v1/admin/audit?actor=nobody', superAdmin)).statusCode).toBe(400);
  });

  it('exports the same filters as a CSV download with a header and proper quoting', async () => {
    const response = await get(
      '/api/v1/admin/audit.csv?entityType=widget&entityId=w-1',
      superAdmin,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-log-.*\.csv"$/,
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'id,occurred_at,service,actor_id,action,entity_type,entity_id,before,after,request_id,hash',
    );
    expect(lines.at(-1)).toBe('');
    // The first entry's JSON holds a comma, quotes and a newline: one quoted field.
    expect(response.body).toContain(
      `,widget.created,widget,w-1,,"{""name"":""Gear, large"",""note"":""the \\""best\\"" one\\nreally""}",`,
    );
    expect(response.body).toContain(
      `,cave,${ids.spaceadmin},widget.renamed,widget,w-1,"{""name"":""Gear, large""}","{""name"":""Gear""}",`,
    );
    expect(lines.filter((l) => l.includes(',widget,')).length).toBe(2);
    expect(lines[1]).toContain('widget.renamed');
  });

  it('keeps a real newline inside a quoted CSV field', async () => {
    await recordAudit(auth.app.db, {
      service: 'auth',
      action: 'note.added',
      entityType: 'note',
      entityId: 'line one\nline "two", end',
      actorId: ids.superadmin,
    });
    const response = await get('/api/v1/admin/audit.csv?entityType=note', superAdmin);
    expect(response.body).toContain(',note,"line one\nline ""two"", end",');
  });

  it('refuses everyone but super admins: 401 for a guest, 403 for a domain admin', async () => {
    for (const url of ['/api/v1/admin/audit', '/api/v1/admin/audit.csv']) {
      expect((await get(url)).statusCode).toBe(401);
      expect((await get(url, customer)).statusCode).toBe(403);
    }
  });

  it('offers people and entities by name for the filters, and names entities in entries', async () => {
    await recordAudit(auth.app.db, {
      service: 'auth',
      action: 'role.granted',
      entityType: 'user',
      entityId: ids.customer!,
      actorId: ids.superadmin,
    });
    const suggest = async (query: string, token = superAdmin) =>
      get(`/api/v1/admin/audit/suggestions?${query}`, token);
    expect((await (await suggest('kind=person&q=maya')).json()).suggestions).toEqual([
      {
        id: ids.spaceadmin,
        entityType: null,
        label: 'Maya Spaceadmin',
        detail: 'spaceadmin@demo.makrx.org',
      },
    ]);
    const widgets = (await (await suggest('kind=entity&q=widg')).json()).suggestions;
    expect(widgets.map((s: { label: string }) => s.label)).toEqual(['Every widget']);
    const byId = (await (await suggest('kind=entity&q=w-')).json()).suggestions;
    expect(byId.map((s: { id: string }) => s.id)).toEqual(['w-1', 'w-2']);
    const byName = (await (await suggest('kind=entity&q=chris')).json()).suggestions;
    expect(byName).toEqual([
      {
        id: ids.customer,
        entityType: 'user',
        label: 'Chris Customer',
        detail: `user · ${ids.customer}`,
      },
    ]);
    const entries: AuditLogPage = (
      await get(`/api/v1/admin/audit?entityType=user&entityId=${ids.customer}`, superAdmin)
    ).json();
    expect(entries.items[0]).toMatchObject({
      entityName: 'Chris Customer',
      actorName: 'Sam Superadmin',
    });

    expect((await suggest('kind=person&q=')).statusCode).toBe(400);
    expect((await suggest('kind=everything&q=maya')).statusCode).toBe(400);
    expect((await get('/api/v1/admin/audit/suggestions?kind=person&q=maya')).statusCode).toBe(401);
    expect((await suggest('kind=person&q=maya', customer)).statusCode).toBe(403);
  });
});
