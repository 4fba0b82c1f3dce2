import type { PortalUrls } from '@makrx/ui';
import { createContext, use } from 'react';

/** Set by /config.js, which the launcher (or the dev server) serves before the app loads. */
export interface RuntimeConfig {
  gatewayUrl: string;
  caveUrl: string;
  storeUrl: string;
  authApiUrl: string;
  caveApiUrl: string;
  storeApiUrl: string;
  /** The OpenID Connect issuer every app signs in with: the embedded provider or a Keycloak realm. */
  oidcIssuer: string;
}

declare global {
  interface Window {
    __MAKRX_CONFIG__?: Partial<Record<keyof RuntimeConfig, unknown>>;
  }
}

const configKeys = [
  'gatewayUrl',
  'caveUrl',
  'storeUrl',
  'authApiUrl',
  'caveApiUrl',
  'storeApiUrl',
  'oidcIssuer',
] as const satisfies readonly (keyof RuntimeConfig)[];

export class RuntimeConfigError extends Error {
  constructor(readonly missingKeys: string[]) {
    super(`window.__MAKRX_CONFIG__ is missing or incomplete: ${missingKeys.join(', ')}`);
    this.name = 'RuntimeConfigError';
  }
}

export function readRuntimeConfig(source = window.__MAKRX_CONFIG__): RuntimeConfig {
  const missing = configKeys.filter((key) => {
    const value = source?.[key];
    return typeof value !== 'string' || value.length === 0;
  });
  if (!source || missing.length > 0) throw new RuntimeConfigError([...missing]);
  const config = {} as RuntimeConfig;
  for (const key of configKeys) config[key] = String(source[key]).replace(/\/+$/, '');
  return config;
}

export function portalUrlsOf(config: RuntimeConfig): PortalUrls {
  return { gateway: config.gatewayUrl, cave: config.caveUrl, store: config.storeUrl };
}

export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

export function useRuntimeConfig(): RuntimeConfig {
  const config = use(RuntimeConfigContext);
  if (!config) throw new Error('useRuntimeConfig() needs a RuntimeConfigContext above it');
  return config;
}
