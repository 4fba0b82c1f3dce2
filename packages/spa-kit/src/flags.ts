import {
  MakrxWebFlagProvider,
  OpenFeature,
  ProviderEvents,
  type EvaluationContext,
} from '@makrx/flags/web';
import { useCallback, useSyncExternalStore } from 'react';
import type { BrowserSession, SessionState } from './session/browser-session';

const contextOf = (state: SessionState): EvaluationContext =>
  state.status === 'signed-in' ? { targetingKey: state.user.username } : {};

let provider: MakrxWebFlagProvider | undefined;

/** Asks for the flags now rather than at the next poll, after this page changed one. */
export async function refreshFlags(): Promise<void> {
  await provider?.refresh();
}

/**
 * Registers the flag provider for this page: flags evaluated by the auth service for whoever
 * is signed in, asked again every 5 s and whenever the user changes. Resolves once the first
 * answers are in (or could not be had: flags then answer their fallback until they are).
 */
export async function startFlags(authApiUrl: string, session: BrowserSession): Promise<void> {
  provider = new MakrxWebFlagProvider({ authApiUrl, accessToken: session.accessToken });
  let targetingKey = contextOf(session.getState()).targetingKey;
  // Interval timers sleep in background tabs; ask at once when the tab is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void provider?.refresh().catch(() => undefined);
  });
  session.subscribe(() => {
    const context = contextOf(session.getState());
    if (context.targetingKey === targetingKey) return;
    targetingKey = context.targetingKey;
    void OpenFeature.setContext(context);
  });
  await OpenFeature.setProviderAndWait(provider, contextOf(session.getState())).catch(
    () => undefined,
  );
}

let client: ReturnType<typeof OpenFeature.getClient> | undefined;
const flagClient = () => (client ??= OpenFeature.getClient());

const events = [
  ProviderEvents.Ready,
  ProviderEvents.ConfigurationChanged,
  ProviderEvents.ContextChanged,
  ProviderEvents.Error,
];

/**
 * Whether a feature flag is on for the signed-in user (or the guest), through OpenFeature.
 * `fallback` is the answer until the flags have arrived, and for a flag the service does not
 * know. The component renders again when the value changes.
 */
export function useFlag(key: string, fallback: boolean): boolean {
  const subscribe = useCallback((onChange: () => void) => {
    for (const event of events) OpenFeature.addHandler(event, onChange);
    return () => {
      for (const event of events) OpenFeature.removeHandler(event, onChange);
    };
  }, []);
  const read = () => flagClient().getBooleanValue(key, fallback);
  return useSyncExternalStore(subscribe, read, read);
}
