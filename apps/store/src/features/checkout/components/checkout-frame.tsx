import type { ReactNode } from 'react';
import type { CheckoutQuote } from '@makrx/contracts';
import { Container } from '@makrx/ui';
import { Notice } from '../../../components/form-field';
import type { Cart } from '../../cart/api';
import { orderRefusalMessage, refusalTitle } from '../checkout-messages';
import { CheckoutCartSummary } from './cart-summary';
import { CheckoutSteps, type CheckoutStep } from './checkout-steps';

export function CheckoutFrame({
  step,
  onePage = false,
  title,
  cart,
  shipping,
  quote,
  refused,
  discount,
  quoteRefused,
  savedToFix = false,
  children,
}: {
  step: CheckoutStep;
  onePage?: boolean;
  title: string;
  cart: Cart;
  shipping?: { name: string; cents: number };
  /** Tax and total for the address and method chosen, once both are. */
  quote?: CheckoutQuote;
  /** The service's code when it refused the order or its address. */
  refused?: string;
  /** The discount code kept for this checkout, or why it was not accepted. */
  discount?: { applied?: string; problem?: string };
  /** The service's code when it would not price the order (a destination it cannot tax). */
  quoteRefused?: string;
  /** A saved address the service refused opened in the form, to be fixed. */
  savedToFix?: boolean;
  children: ReactNode;
}) {
  const problem = refused ?? quoteRefused;
  return (
    <Container className="py-8 sm:py-12">
      <CheckoutSteps current={step} onePage={onePage} />
      <h1 className="mt-6 text-3xl font-extrabold tracking-tight text-ink-950">{title}</h1>
      {problem ? (
        <Notice tone="danger" className="mt-6" title={refusalTitle(problem)}>
          {orderRefusalMessage(problem)}
        </Notice>
      ) : null}
      {savedToFix ? (
        <Notice tone="warning" className="mt-6" title="Your saved address needs a fix">
          The address you keep on MakrX.org can’t be used as it is. Correct the fields marked below
          to ship there; update it on MakrX.org too, so it is right next time.
        </Notice>
      ) : null}
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_24rem] lg:gap-12">
        <div>{children}</div>
        <aside aria-label="Order summary">
          <CheckoutCartSummary
            cart={cart}
            shipping={shipping}
            quote={quote}
            discount={discount}
            returnTo={onePage ? '/checkout' : `/checkout/${step}`}
            unpriced={quoteRefused !== undefined}
          />
        </aside>
      </div>
    </Container>
  );
}
