import { describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { requireSupportedRuntime, SUPPORTED_NODE_MAJOR } from './runtime';

describe('the Node.js runtime', () => {
  it('is the supported line inside the test run, whatever the machine has installed', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(SUPPORTED_NODE_MAJOR);
    expect(() => requireSupportedRuntime()).not.toThrow();
  });

  it('refuses an end-of-life Node.js, saying how to start on the supported one', () => {
    expect(() => requireSupportedRuntime('20.20.2')).toThrow(ConfigError);
    expect(() => requireSupportedRuntime('20.20.2')).toThrow(
      /Node\.js 24 or later, not 20\.20\.2.*npm start/s,
    );
  });
});
