import { useFlag } from '@makrx/spa-kit';
import { useMemo } from 'react';
import { sectionsShown, type AccountSection } from './sections';

/** The flags the account's sections may depend on, read once for the area. */
export function useAccountFlagsOn(): ReadonlySet<string> {
  const passkeys = useFlag('ENABLE_NEW_AUTHENTICATION_FLOW', false);
  return useMemo(() => new Set(passkeys ? ['ENABLE_NEW_AUTHENTICATION_FLOW'] : []), [passkeys]);
}

/** The account's sections this person sees. */
export function useAccountSections(): AccountSection[] {
  return sectionsShown(useAccountFlagsOn());
}
