import { describe, expect, it } from 'vitest';
import { addedOn, ceremonyFailure, lastUse, suggestedName } from './presentation';

describe('how a passkey is described', () => {
  const now = new Date(2026, 11, 6, 12, 0);

  it('says when it was added and last used, in days', () => {
    expect(addedOn({ createdAt: new Date(2026, 11, 3, 9).toISOString() })).toBe(
      'Added Dec 3, 2026',
    );
    expect(lastUse({ lastUsedAt: null }, now)).toBe('Never used to sign in');
    expect(lastUse({ lastUsedAt: new Date(2026, 11, 6, 8).toISOString() }, now)).toBe(
      'Last used today',
    );
    expect(lastUse({ lastUsedAt: new Date(2026, 11, 5, 23).toISOString() }, now)).toBe(
      'Last used yesterday',
    );
    expect(lastUse({ lastUsedAt: new Date(2026, 11, 1).toISOString() }, now)).toBe(
      'Last used 5 days ago',
    );
    expect(lastUse({ lastUsedAt: new Date(2026, 5, 1).toISOString() }, now)).toBe(
      'Last used Jun 1, 2026',
    );
  });

  it('suggests the browser and system as the name of a new passkey', () => {
    expect(
      suggestedName(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux');
    expect(
      suggestedName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(suggestedName('curl/8.0')).toBe('My passkey');
  });

  it('explains a cancelled or repeated ceremony in words', () => {
    const cancelled = Object.assign(
      new Error('The operation either timed out or was not allowed.'),
      {
        name: 'NotAllowedError',
      },
    );
    expect(ceremonyFailure(cancelled)).toMatch(/cancelled or timed out/);
    const twice = Object.assign(new Error('x'), {
      name: 'InvalidStateError',
      code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
    });
    expect(ceremonyFailure(twice)).toBe('This device already holds a passkey for your account.');
    expect(ceremonyFailure('???')).toBe('The passkey was not added. Try again.');
  });
});
