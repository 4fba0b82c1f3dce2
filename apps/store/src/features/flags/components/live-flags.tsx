'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { changedFlags, type FlagValues } from '../flag-values';

const POLL_MS = 5000;

/**
 * Keeps a server-rendered page in step with the feature flags: asks the store's /api/flags
 * every 5 s and re-renders the page on the server (router.refresh) when a value changed, so
 * an admin's change shows on an open page within seconds.
 */
export function LiveFlags({ rendered }: { rendered: FlagValues }) {
  const router = useRouter();
  const current = useRef(rendered);
  current.current = rendered;

  useEffect(() => {
    let stopped = false;
    const check = async () => {
      try {
        const response = await fetch('/api/flags', { cache: 'no-store' });
        if (!response.ok || stopped) return;
        const { flags } = (await response.json()) as { flags: FlagValues };
        // An empty answer means the flags could not be read: keep what is shown.
        if (Object.keys(flags).length === 0) return;
        if (changedFlags(current.current, flags).length > 0) {
          current.current = flags;
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next check tries again.
      }
    };
    const timer = setInterval(() => void check(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void check();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [router]);

  return null;
}
