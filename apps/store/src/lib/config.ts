import { connection } from 'next/server';
import type { PortalUrls } from '@makrx/ui';

export interface StoreConfig {
  /** Base URL of the store service, for server-side fetches and for product image URLs. */
  storeApiUrl: string;
  portalUrls: PortalUrls;
}

const defaults = {
  STORE_API_URL: 'http://localhost:8003',
  GATEWAY_URL: 'http://localhost:3000',
  CAVE_URL: 'http://localhost:3001',
  STORE_URL: 'http://localhost:3003',
} as const;

type ConfigKey = keyof typeof defaults;

function readUrl(key: ConfigKey): string {
  const value = process.env[key]?.trim() || defaults[key];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${key} must be an absolute URL such as ${defaults[key]}, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

let parsed: StoreConfig | undefined;

/**
 * The store's configuration, read from the environment of the running server. Awaiting
 * `connection()` first keeps every caller out of build-time prerendering, so one build
 * can be deployed anywhere and pointed at its services by environment alone.
 */
export async function storeConfig(): Promise<StoreConfig> {
  await connection();
  parsed ??= {
    storeApiUrl: readUrl('STORE_API_URL'),
    portalUrls: {
      gateway: readUrl('GATEWAY_URL'),
      cave: readUrl('CAVE_URL'),
      store: readUrl('STORE_URL'),
    },
  };
  return parsed;
}
