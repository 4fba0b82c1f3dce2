import { describe, expect, it } from 'vitest';
import { baseServiceEnv, ConfigError, loadConfig, servicePorts } from './config';

const schema = baseServiceEnv.extend({ PORT: servicePorts.store });

describe('loadConfig', () => {
  it('fills the embedded defaults when nothing is set', () => {
    const config = loadConfig(schema, {});
    expect(config).toMatchObject({
      PORT: 8003,
      MAKRX_DATA_DIR: './.makrx',
      STORE_URL: 'http://localhost:3003',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://db/makrx', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('LOG_LEVEL');
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('accepts a PostgreSQL URL', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://makrx@db:5432/makrx' });
    expect(config.DATABASE_URL).toBe('postgres://makrx@db:5432/makrx');
  });

  it('trusts no proxy unless told, and takes addresses, CIDR ranges and loopback', () => {
    expect(loadConfig(schema, {}).TRUSTED_PROXIES).toEqual([]);
    const config = loadConfig(schema, { TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/16,loopback,::1' });
    expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.5', '192.168.0.0/16', 'loopback', '::1']);
    expect(() => loadConfig(schema, { TRUSTED_PROXIES: '10.0.0.5,*' })).toThrow('TRUSTED_PROXIES');
    expect(() => loadConfig(schema, { TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(ConfigError);
  });
});
