import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig, publicConfig } from './config';
import { createStaticApp } from './static-app';

/**
 * The gateway and cave tell the browser what to trust on every answer: their own scripts only,
 * the services and identity provider of this deployment to call, and no framing by anyone.
 */

const dist = mkdtempSync(join(tmpdir(), 'makrx-static-'));
let app: FastifyInstance;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><script src="/config.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  const config = loadLauncherConfig({
    AUTH_API_URL: 'https://api.makrx.org',
    CAVE_API_URL: 'https://cave-api.makrx.org',
    STORE_API_URL: 'https://store-api.makrx.org',
    OIDC_ISSUER: 'https://id.makrx.org/realms/makrx',
    GATEWAY_URL: 'https://makrx.org',
    CAVE_URL: 'https://cave.makrx.org',
    STORE_URL: 'https://store.makrx.org',
  });
  app = await createStaticApp(dist, publicConfig(config));
});
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const policyOf = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name!, sources] as const;
      }),
  );

describe('a static app (gateway, cave)', () => {
  it('sends its Content-Security-Policy and no-framing headers with pages, deep links, assets and /config.js', async () => {
    for (const url of [
      '/',
      '/makerspaces/some/deep/link',
      '/assets/index-abc123.js',
      '/config.js',
    ]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      const policy = policyOf(response.headers['content-security-policy']);
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(policy.get('default-src'), url).toEqual(["'self'"]);
    }
  });

  it('runs only its own scripts, and calls only this deployment’s services and identity provider', async () => {
    const policy = policyOf((await app.inject('/')).headers['content-security-policy']);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://api.makrx.org',
      'https://cave-api.makrx.org',
      'https://store-api.makrx.org',
      'https://id.makrx.org',
    ]);
    expect(policy.get('img-src')).toEqual([
      "'self'",
      'data:',
      'https://api.makrx.org',
      'https://cave-api.makrx.org',
      'https://store-api.makrx.org',
    ]);
    expect(policy.get('form-action')).toEqual([
      "'self'",
      'https://makrx.org',
      'https://cave.makrx.org',
      'https://store.makrx.org',
      'https://id.makrx.org',
    ]);
  });
});
