import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ClamdUnavailableError, scanWithClamd, verdictOf } from './clamd';
import { clamdUnderTest, EICAR } from './testing';

/** Against a real clamd (scripts/clamav.sh): CI starts it and sets CLAMAV_HOST. */
describe('scanning with clamd over INSTREAM', () => {
  const address = { host: clamdUnderTest.host, port: clamdUnderTest.port };

  it('finds the EICAR test file, also when it arrives in small pieces', async () => {
    expect(await scanWithClamd(address, Readable.from([EICAR]))).toEqual({
      clean: false,
      signature: expect.stringMatching(/^Eicar-Test-Signature/),
    });
    const pieces = [EICAR.subarray(0, 10), EICAR.subarray(10, 11), EICAR.subarray(11)];
    expect((await scanWithClamd(address, Readable.from(pieces))).clean).toBe(false);
  });

  it('passes a clean file larger than one chunk, and an empty one', async () => {
    const model = Buffer.alloc(200 * 1024, 'solid cube\n');
    expect(await scanWithClamd(address, Readable.from([model]))).toEqual({ clean: true });
    expect(await scanWithClamd(address, Readable.from([]))).toEqual({ clean: true });
  });

  it('says clamd is unavailable when nothing listens at the address', async () => {
    await expect(
      scanWithClamd({ host: '127.0.0.1', port: 9 }, Readable.from([EICAR])),
    ).rejects.toBeInstanceOf(ClamdUnavailableError);
  });

  it('reads clamd’s answers: clean, a signature, and a failure that is neither', () => {
    expect(verdictOf('stream: OK')).toEqual({ clean: true });
    expect(verdictOf('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({
      clean: false,
      signature: 'Win.Test.EICAR_HDB-1',
    });
    expect(() => verdictOf('INSTREAM size limit exceeded. ERROR')).toThrow(ClamdUnavailableError);
  });
});
