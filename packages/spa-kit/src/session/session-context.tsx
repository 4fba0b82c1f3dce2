import {
  createContext,
  use,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { authenticatedFetch, type AuthenticatedFetch } from './authenticated-fetch';
import type { BrowserSession } from './browser-session';
import type { SessionUser } from '@makrx/contracts/session-user';

const BrowserSessionContext = createContext<BrowserSession | null>(null);

export function SessionProvider({
  session,
  children,
}: {
  session: BrowserSession;
  children: ReactNode;
}) {
  useEffect(() => {
    // Timers sleep in background tabs; catch up as soon as the tab is looked at again.
    const refreshWhenVisible = () => {
      if (document.visibilityState === 'visible') session.refreshIfDue();
    };
    document.addEventListener('visibilitychange', refreshWhenVisible);
    return () => document.removeEventListener('visibilitychange', refreshWhenVisible);
  }, [session]);
  return <BrowserSessionContext value={session}>{children}</BrowserSessionContext>;
}

export function useBrowserSession(): BrowserSession {
  const session = use(BrowserSessionContext);
  if (!session) throw new Error('useSession() needs a SessionProvider above it');
  return session;
}

export interface Session {
  status: 'loading' | 'signed-in' | 'signed-out';
  user?: SessionUser;
  /** To the provider's sign-in page; back to the current page afterwards. */
  signIn(): void;
  /**
   * Sign-in for a makerspace invite's holder: the token goes along, so the provider offers
   * sign-up for the invited address without a second confirmation mail.
   */
  signInWithInvite(token: string): void;
  /** Out of every MakrX app, then to this app's "signed out" page. */
  signOut(): void;
}

const reportUnavailable = (error: unknown) =>
  console.error('The sign-in service could not be reached.', error);

/** Who is signed in, and the two ways to change it. */
export function useSession(): Session {
  const session = useBrowserSession();
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  return useMemo(
    () => ({
      status: state.status,
      user: state.status === 'signed-in' ? state.user : undefined,
      signIn: () => void session.signIn().catch(reportUnavailable),
      signInWithInvite: (invite) =>
        void session.signIn(undefined, { invite }).catch(reportUnavailable),
      signOut: () => void session.signOut(),
    }),
    [session, state],
  );
}

/** `fetch` that carries the signed-in user's access token, for protected API calls. */
export function useAuthenticatedFetch(): AuthenticatedFetch {
  const session = useBrowserSession();
  return useMemo(() => authenticatedFetch(session), [session]);
}
