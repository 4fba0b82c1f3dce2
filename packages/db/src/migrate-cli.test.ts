import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase } from './testing';

const cli = fileURLToPath(new URL('./migrate-cli.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const runCli = (env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, ['--import', tsx, cli], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('npm run db:migrate', () => {
  it('refuses to run without DATABASE_URL and says why', () => {
    const run = runCli({ DATABASE_URL: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL');
  });

  // Over PostgreSQL only: PGlite is migrated on start and has no CLI step.
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return;

  it('creates the domain schemas and shared tables on PostgreSQL, and a second run changes nothing', async () => {
    const database = await createEmptyPostgresDatabase(server, 'makrx_migrate');
    const url = new URL(database.url);
    try {
      const first = runCli({ DATABASE_URL: url.toString() });
      expect(first.status, first.stderr).toBe(0);
      const again = runCli({ DATABASE_URL: url.toString() });
      expect(again.status, again.stderr).toBe(0);

      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const schemas = await client.query(`select schema_name from information_schema.schemata`);
      const tables = await client.query(
        `select table_schema || '.' || table_name as name from information_schema.tables`,
      );
      await client.end();
      expect(schemas.rows.map((r) => r.schema_name)).toEqual(
        expect.arrayContaining(['auth', 'makrcave', 'store']),
      );
      expect(tables.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining([
          'public.users',
          'public.feature_flags',
          'public.audit_logs',
          'store.products',
        ]),
      );
    } finally {
      await database.drop();
    }
  });
});
