'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { chooseShippingMethod } from '../actions';

/**
 * With JavaScript, choosing a shipping method keeps it for the checkout and prices the order
 * summary again at once, without sending the form. Without it, the next step shows the price.
 */
export function LiveShippingMethod() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  const [, startTransition] = useTransition();
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const chosen = (event: Event) => {
      const input = event.target as HTMLInputElement;
      if (input.name !== 'shippingMethod' || !input.checked) return;
      startTransition(async () => {
        await chooseShippingMethod(input.value);
        router.refresh();
      });
    };
    form.addEventListener('change', chosen);
    return () => form.removeEventListener('change', chosen);
  }, [router]);
  return <span ref={marker} hidden />;
}
