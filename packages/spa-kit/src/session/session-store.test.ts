import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory-storage.test-support';
import { SessionStore, type StoredTokens } from './session-store';

const tokens: StoredTokens = {
  accessToken: 'access',
  refreshToken: 'refresh',
  idToken: 'id',
  expiresAt: 1_700_000_000_000,
  user: { name: 'Milo Member', email: 'member@demo.makrx.org', username: 'member', roles: [] },
};

describe('SessionStore', () => {
  it('keeps the tokens until they are cleared', () => {
    const store = new SessionStore(new MemoryStorage());
    store.writeTokens(tokens);
    expect(store.readTokens()).toEqual(tokens);
    store.clearTokens();
    expect(store.readTokens()).toBeNull();
  });

  it('treats tokens it cannot read as no tokens at all', () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(storage);
    storage.setItem('makrx.auth.tokens', '{not json');
    expect(store.readTokens()).toBeNull();
    storage.setItem('makrx.auth.tokens', JSON.stringify({ ...tokens, refreshToken: 42 }));
    expect(store.readTokens()).toBeNull();
  });

  it('hands out a pending sign-in once, so a callback cannot be replayed', () => {
    const store = new SessionStore(new MemoryStorage());
    const pending = { state: 's', codeVerifier: 'v', returnTo: '/makers', silent: true };
    store.savePendingSignIn(pending);
    expect(store.takePendingSignIn()).toEqual(pending);
    expect(store.takePendingSignIn()).toBeNull();
  });

  it('remembers that this tab already asked the provider for a session', () => {
    const store = new SessionStore(new MemoryStorage());
    expect(store.hasTriedSilentSignIn()).toBe(false);
    store.markSilentSignInTried();
    expect(store.hasTriedSilentSignIn()).toBe(true);
  });
});
