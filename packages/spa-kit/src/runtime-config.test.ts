import { describe, expect, it } from 'vitest';
import { readRuntimeConfig, RuntimeConfigError } from './runtime-config';

const complete = {
  gatewayUrl: 'http://localhost:3000/',
  caveUrl: 'http://localhost:3001',
  storeUrl: 'http://localhost:3003',
  authApiUrl: 'http://localhost:8001',
  caveApiUrl: 'http://localhost:8002//',
  storeApiUrl: 'http://localhost:8003',
  oidcIssuer: 'http://localhost:8080/realms/makrx/',
};

describe('readRuntimeConfig', () => {
  it('reads every URL without its trailing slashes', () => {
    const config = readRuntimeConfig(complete);
    expect(config.gatewayUrl).toBe('http://localhost:3000');
    expect(config.caveApiUrl).toBe('http://localhost:8002');
    expect(config.oidcIssuer).toBe('http://localhost:8080/realms/makrx');
  });

  it('names each key that is missing or empty', () => {
    const read = () => readRuntimeConfig({ ...complete, caveUrl: '', oidcIssuer: undefined });
    expect(read).toThrow(RuntimeConfigError);
    expect(read).toThrow('caveUrl, oidcIssuer');
  });
});
