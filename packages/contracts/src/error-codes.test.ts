import { describe, expect, it } from 'vitest';
import { errorCodes, isErrorCode } from './error-codes';

describe('the error code catalogue', () => {
  it('knows the codes the services send, each with its meaning', () => {
    expect(isErrorCode('OUT_OF_STOCK')).toBe(true);
    expect(isErrorCode('VALIDATION_FAILED')).toBe(true);
    for (const meaning of Object.values(errorCodes)) expect(meaning.length).toBeGreaterThan(10);
  });

  it('refuses a code no service sends, and the property names every object has', () => {
    expect(isErrorCode('INSUFFICIENT_STOCK')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(409)).toBe(false);
  });
});
