import type { Passkey } from '@makrx/contracts';

const DAY = 24 * 60 * 60 * 1000;

const dateFormat = new Intl.DateTimeFormat('en', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Added 3 Dec 2026", in the reader's words. */
export const addedOn = (passkey: Pick<Passkey, 'createdAt'>) =>
  `Added ${dateFormat.format(new Date(passkey.createdAt))}`;

/** When the passkey last signed its owner in: "Never used", "Used today", "Used 3 days ago". */
export function lastUse(passkey: Pick<Passkey, 'lastUsedAt'>, now: Date = new Date()): string {
  if (!passkey.lastUsedAt) return 'Never used to sign in';
  const used = new Date(passkey.lastUsedAt);
  const days = Math.floor(
    (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) -
      Date.UTC(used.getFullYear(), used.getMonth(), used.getDate())) /
      DAY,
  );
  if (days <= 0) return 'Last used today';
  if (days === 1) return 'Last used yesterday';
  if (days < 30) return `Last used ${days} days ago`;
  return `Last used ${dateFormat.format(used)}`;
}

/** A name the user can keep for a new passkey: the browser and system it was made on. */
export function suggestedName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : undefined;
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux|X11/.test(userAgent)
            ? 'Linux'
            : undefined;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'My passkey';
}

/**
 * What to tell the user when the browser's ceremony fails: the names are WebAuthn's
 * (DOMException), which @simplewebauthn/browser passes on.
 */
export function ceremonyFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : undefined;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    return 'This device already holds a passkey for your account.';
  }
  if (name === 'NotAllowedError' || code === 'ERROR_CEREMONY_ABORTED') {
    return 'No passkey was created: the request was cancelled or timed out. Try again when you are ready.';
  }
  if (name === 'NotSupportedError') return 'This browser or device cannot create passkeys.';
  return error instanceof Error && error.message
    ? error.message
    : 'The passkey was not added. Try again.';
}
