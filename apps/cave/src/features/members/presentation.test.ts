import { describe, expect, it } from 'vitest';
import { expiryText, isOpenInvite } from './presentation';

const now = new Date('2026-12-05T10:00:00Z');

describe('invites', () => {
  it('says how long a pending invite still works', () => {
    expect(expiryText('2026-12-06T09:40:00Z', now)).toBe('expires in 24 hours');
    expect(expiryText('2026-12-05T10:40:00Z', now)).toBe('expires in 40 minutes');
    expect(expiryText('2026-12-05T10:01:00Z', now)).toBe('expires in 1 minute');
    expect(expiryText('2026-12-05T09:00:00Z', now)).toBe('expired');
  });

  it('offers resend and revoke only for invites nobody accepted or withdrew', () => {
    expect(isOpenInvite({ status: 'pending' })).toBe(true);
    expect(isOpenInvite({ status: 'expired' })).toBe(true);
    expect(isOpenInvite({ status: 'used' })).toBe(false);
    expect(isOpenInvite({ status: 'revoked' })).toBe(false);
  });
});
