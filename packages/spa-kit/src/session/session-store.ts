import type { SessionUser } from '@makrx/contracts/session-user';

/** What a signed-in tab keeps; sessionStorage, so it is this tab's and this origin's alone. */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  idToken: string;
  /** When the access token stops being accepted, in milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
}

/** A sign-in on its way through the identity provider, kept until /auth/callback. */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  returnTo: string;
  /** `prompt=none`: only pick up an existing session; never show the sign-in page. */
  silent: boolean;
}

const keys = {
  tokens: 'makrx.auth.tokens',
  pending: 'makrx.auth.pending-sign-in',
  silentTried: 'makrx.auth.silent-sign-in-tried',
};

const isString = (value: unknown): value is string => typeof value === 'string';

function isStoredTokens(value: unknown): value is StoredTokens {
  const tokens = value as Partial<StoredTokens> | null;
  return (
    !!tokens &&
    isString(tokens.accessToken) &&
    isString(tokens.refreshToken) &&
    isString(tokens.idToken) &&
    typeof tokens.expiresAt === 'number' &&
    !!tokens.user &&
    isString(tokens.user.name)
  );
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  const pending = value as Partial<PendingSignIn> | null;
  return (
    !!pending &&
    isString(pending.state) &&
    isString(pending.codeVerifier) &&
    isString(pending.returnTo) &&
    typeof pending.silent === 'boolean'
  );
}

/** The tab's sign-in state in sessionStorage; anything unreadable counts as absent. */
export class SessionStore {
  constructor(private readonly storage: Storage) {}

  readTokens(): StoredTokens | null {
    const tokens = this.read(keys.tokens);
    return isStoredTokens(tokens) ? tokens : null;
  }

  writeTokens(tokens: StoredTokens): void {
    this.storage.setItem(keys.tokens, JSON.stringify(tokens));
  }

  clearTokens(): void {
    this.storage.removeItem(keys.tokens);
  }

  savePendingSignIn(pending: PendingSignIn): void {
    this.storage.setItem(keys.pending, JSON.stringify(pending));
  }

  /** Reads and forgets the pending sign-in, so a callback URL cannot be replayed. */
  takePendingSignIn(): PendingSignIn | null {
    const pending = this.read(keys.pending);
    this.storage.removeItem(keys.pending);
    return isPendingSignIn(pending) ? pending : null;
  }

  hasTriedSilentSignIn(): boolean {
    return this.storage.getItem(keys.silentTried) === 'yes';
  }

  markSilentSignInTried(): void {
    this.storage.setItem(keys.silentTried, 'yes');
  }

  private read(key: string): unknown {
    const raw = this.storage.getItem(key);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
}
