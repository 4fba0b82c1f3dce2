'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { previewAddress } from '../actions';

const addressFields = new Set([
  'name',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
]);

/**
 * With JavaScript, a typed address that is complete and accepted prices the order summary
 * before the form is sent (one-page checkout). Without it, sending the form does.
 */
export function LiveAddress() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  const [, startTransition] = useTransition();
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const changed = (event: Event) => {
      const field = event.target as HTMLInputElement;
      if (!addressFields.has(field.name)) return;
      startTransition(async () => {
        await previewAddress(new FormData(form));
        router.refresh();
      });
    };
    form.addEventListener('change', changed);
    return () => form.removeEventListener('change', changed);
  }, [router]);
  return <span ref={marker} hidden />;
}
