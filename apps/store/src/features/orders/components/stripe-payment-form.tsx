'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@makrx/ui';

/** Only the part of Stripe.js this form uses. */
interface StripeJs {
  elements(options: { clientSecret: string }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    confirmParams: { return_url: string };
    redirect: 'if_required';
  }): Promise<{ error?: { message?: string } }>;
}
interface StripeElements {
  create(type: 'payment'): { mount(element: HTMLElement): void; destroy(): void };
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

const STRIPE_JS = 'https://js.stripe.com/v3/';

/** Stripe.js, from Stripe itself (as Stripe requires), loaded on the pay page only. */
function loadStripeJs(): Promise<NonNullable<Window['Stripe']>> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error('no Stripe')));
    script.onerror = () => reject(new Error('Stripe.js did not load'));
    document.head.appendChild(script);
  });
}

interface StripePaymentFormProps {
  publishableKey: string;
  /** Starts the order's Payment Intent on the server: its secret, or why it cannot be paid. */
  start: () => Promise<{ clientSecret: string } | { problem: string }>;
  /** Where the buyer lands after paying (the order page, which shows how the payment ended). */
  returnPath: string;
  total: string;
}

/**
 * Stripe mode: Stripe's Payment Element collects the card in Stripe's own frame and Stripe.js
 * confirms the payment from the browser, so card details never reach MakrX. The store learns
 * how it ended from Stripe's webhook.
 */
export function StripePaymentForm({
  publishableKey,
  start,
  returnPath,
  total,
}: StripePaymentFormProps) {
  const mountPoint = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ js: StripeJs; elements: StripeElements } | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'paying'>('loading');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let element: { destroy(): void } | undefined;
    let gone = false;
    (async () => {
      const [Stripe, started] = await Promise.all([loadStripeJs(), start()]);
      if (gone) return;
      if ('problem' in started) {
        setProblem('This order cannot take a payment now. Reload the page to see why.');
        return;
      }
      const js = Stripe(publishableKey);
      const elements = js.elements({ clientSecret: started.clientSecret });
      const payment = elements.create('payment');
      payment.mount(mountPoint.current!);
      element = payment;
      stripe.current = { js, elements };
      setState('ready');
    })().catch(() => {
      if (!gone) setProblem('The card form could not load. Check your connection and reload.');
    });
    return () => {
      gone = true;
      element?.destroy();
    };
  }, [publishableKey, start]);

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe.current) return;
    setState('paying');
    setProblem(null);
    const returnUrl = new URL(returnPath, window.location.origin).toString();
    const { error } = await stripe.current.js.confirmPayment({
      elements: stripe.current.elements,
      confirmParams: { return_url: returnUrl },
      redirect: 'if_required',
    });
    if (error) {
      setProblem(error.message ?? 'The payment did not go through. Nothing was charged.');
      setState('ready');
      return;
    }
    window.location.assign(returnUrl);
  }

  return (
    <form onSubmit={pay} className="mt-6">
      <div ref={mountPoint} className="min-h-40" aria-busy={state === 'loading'} />
      {state === 'loading' && !problem ? (
        <p className="text-sm text-ink-600">Loading the secure card form…</p>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-4 text-sm font-medium text-red-700">
          {problem}
        </p>
      ) : null}
      <Button
        type="submit"
        size="lg"
        className="mt-6 w-full sm:w-auto"
        disabled={state !== 'ready'}
      >
        {state === 'paying' ? 'Paying…' : `Pay ${total}`}
      </Button>
    </form>
  );
}
