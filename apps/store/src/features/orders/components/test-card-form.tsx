'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, cx } from '@makrx/ui';
import { testCards, tokenForTypedCard } from '../card-input';

/** The choice that reads a typed test number (in the browser) instead of a listed card. */
const TYPED = 'typed';

const inputClasses =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-400 focus:ring-2 focus:ring-accent-600 focus:outline-none sm:text-sm aria-invalid:ring-red-500';

interface TestCardFormProps {
  /** The server action paying the order with the `paymentMethod` field. */
  action: (form: FormData) => Promise<never>;
  total: string;
  /** The email link's secret, carried to the action for a guest without the cookie. */
  linkToken?: string | undefined;
}

/**
 * The offline test gateway's payment form. What it posts is a Stripe test token (`tok_visa`),
 * never a card number: a listed card posts its token as it is, with or without JavaScript; a
 * test number typed in is checked and turned into its token here, in the browser, and the
 * typed fields have no names, so the browser never sends them.
 */
export function TestCardForm({ action, total, linkToken }: TestCardFormProps) {
  const [choice, setChoice] = useState<string>(testCards[0]!.token);
  const [scripted, setScripted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const typedToken = useRef<HTMLInputElement>(null);
  const number = useRef<HTMLInputElement>(null);
  const expiry = useRef<HTMLInputElement>(null);
  const cvc = useRef<HTMLInputElement>(null);
  // Typing a number needs the browser to turn it into a token: offered once scripts run.
  useEffect(() => setScripted(true), []);

  function readTypedCard(event: FormEvent<HTMLFormElement>) {
    if (choice !== TYPED) return;
    const read = tokenForTypedCard({
      number: number.current?.value ?? '',
      expiry: expiry.current?.value ?? '',
      cvc: cvc.current?.value ?? '',
    });
    if ('token' in read) {
      typedToken.current!.value = read.token;
      setProblem(null);
      return;
    }
    event.preventDefault();
    setProblem(read.message);
  }

  return (
    <form action={action} onSubmit={readTypedCard} className="mt-6">
      {linkToken ? <input type="hidden" name="token" value={linkToken} /> : null}
      <fieldset>
        <legend className="text-sm font-medium text-ink-900">Test card</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {testCards.map((card) => (
            <label
              key={card.token}
              className={cx(
                'flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset transition-colors',
                choice === card.token
                  ? 'bg-accent-50 ring-2 ring-accent-600'
                  : 'bg-white ring-ink-200 hover:bg-ink-50',
              )}
            >
              <input
                type="radio"
                name="paymentMethod"
                value={card.token}
                checked={choice === card.token}
                onChange={() => setChoice(card.token)}
                className="mt-1 size-4 accent-accent-600"
              />
              <span className="min-w-0">
                <span className="block text-sm font-semibold text-ink-950">
                  {card.brand} <span className="font-mono">•••• {card.last4}</span>
                </span>
                <span className="block text-xs text-ink-600">{card.outcome}</span>
              </span>
            </label>
          ))}
          {scripted ? (
            <label
              className={cx(
                'flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset transition-colors sm:col-span-2',
                choice === TYPED
                  ? 'bg-accent-50 ring-2 ring-accent-600'
                  : 'bg-white ring-ink-200 hover:bg-ink-50',
              )}
            >
              <input
                ref={typedToken}
                type="radio"
                name="paymentMethod"
                value=""
                checked={choice === TYPED}
                onChange={() => setChoice(TYPED)}
                className="mt-1 size-4 accent-accent-600"
              />
              <span className="min-w-0">
                <span className="block text-sm font-semibold text-ink-950">
                  Type a Stripe test card number
                </span>
                <span className="block text-xs text-ink-600">
                  Checked in your browser and sent only as its test token.
                </span>
              </span>
            </label>
          ) : null}
        </div>
      </fieldset>

      {scripted && choice === TYPED ? (
        <div className="mt-5 grid gap-4 sm:grid-cols-[1fr_8rem_7rem]">
          <div>
            <label htmlFor="test-card-number" className="block text-sm font-medium text-ink-900">
              Card number
            </label>
            <input
              id="test-card-number"
              ref={number}
              inputMode="numeric"
              autoComplete="off"
              placeholder="4242 4242 4242 4242"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'test-card-problem' : undefined}
              className={cx(inputClasses, 'mt-1.5 font-mono')}
            />
          </div>
          <div>
            <label htmlFor="test-card-expiry" className="block text-sm font-medium text-ink-900">
              Expiry
            </label>
            <input
              id="test-card-expiry"
              ref={expiry}
              autoComplete="off"
              placeholder="MM/YY"
              className={cx(inputClasses, 'mt-1.5')}
            />
          </div>
          <div>
            <label htmlFor="test-card-cvc" className="block text-sm font-medium text-ink-900">
              Security code
            </label>
            <input
              id="test-card-cvc"
              ref={cvc}
              inputMode="numeric"
              autoComplete="off"
              placeholder="123"
              className={cx(inputClasses, 'mt-1.5')}
            />
          </div>
          {problem ? (
            <p
              id="test-card-problem"
              role="alert"
              className="text-sm font-medium text-red-700 sm:col-span-3"
            >
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}

      <Button type="submit" size="lg" className="mt-6 w-full sm:w-auto">
        Pay {total}
      </Button>
    </form>
  );
}
