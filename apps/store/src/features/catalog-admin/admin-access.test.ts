import { describe, expect, it } from 'vitest';
import { isStoreAdmin } from './admin-access';

describe('who sees the store admin pages', () => {
  it('lets in super admins and admins of the store domain only', () => {
    expect(isStoreAdmin(['super_admin'])).toBe(true);
    expect(isStoreAdmin(['admin', 'admin:store', 'store_customer'])).toBe(true);
    expect(isStoreAdmin(['admin', 'admin:cave'])).toBe(false);
    expect(isStoreAdmin(['admin:store'])).toBe(false);
    expect(isStoreAdmin(['store_customer'])).toBe(false);
  });
});
