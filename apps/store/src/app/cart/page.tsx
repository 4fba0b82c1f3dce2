import type { Metadata } from 'next';
import Link from 'next/link';
import { MAX_UNITS_PER_LINE } from '@makrx/contracts';
import { Button, buttonClasses, Card, Container, EmptyState, formatPrice } from '@makrx/ui';
import { Notice } from '../../components/form-field';
import { removeCartLine, updateCartLine } from '../../features/cart/actions';
import { quoteCartDiscount, readCart, type CartLine } from '../../features/cart/api';
import { readDraft } from '../../features/checkout/checkout-draft';
import { DiscountCodeForm } from '../../features/promotions/components/discount-code-form';
import { discountProblemMessage } from '../../features/promotions/discount-messages';
import { ServiceError } from '../../lib/service-client';
import { canCheckOut, stockWarning } from '../../features/cart/cart-checks';
import { cartProblemMessage } from '../../features/cart/cart-messages';
import { optionsText } from '@makrx/contracts/line-names';
import { currentSession } from '../../features/session/current-session';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

interface CartPageProps {
  searchParams: Promise<{
    added?: string;
    removed?: string;
    reordered?: string;
    problem?: string;
    discount?: string;
    discountProblem?: string;
  }>;
}

function CartLineRow({ line, currency }: { line: CartLine; currency: string }) {
  const warning = stockWarning(line);
  const quantityId = `quantity-${line.variantId}`;
  return (
    <li className="flex gap-4 py-6 sm:gap-6">
      <div className="size-20 shrink-0 overflow-hidden rounded-xl bg-ink-100 ring-1 ring-ink-900/5 ring-inset sm:size-24">
        {line.imageUrl ? (
          <img
            src={line.imageUrl}
            alt=""
            width={96}
            height={96}
            className="size-full object-cover"
          />
        ) : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:justify-between">
        <div className="min-w-0">
          <h2 className="font-semibold text-ink-950">
            <Link
              href={`/products/${line.productSlug}`}
              className="underline-offset-4 hover:underline"
            >
              {line.productName}
            </Link>
          </h2>
          {Object.keys(line.options).length > 0 ? (
            <p className="mt-0.5 text-sm text-ink-600">{optionsText(line.options)}</p>
          ) : null}
          <p className="mt-0.5 text-sm text-ink-600">
            {formatPrice(line.unitPriceCents, currency)} each ·{' '}
            <span className="font-mono text-xs">{line.sku}</span>
          </p>
          {warning ? (
            <p className="mt-2 text-sm font-medium text-amber-800" role="status">
              {warning}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2 sm:flex-col sm:flex-nowrap sm:items-end sm:justify-between">
          <p className="order-2 font-semibold text-ink-950 tabular-nums sm:order-1">
            {formatPrice(line.lineTotalCents, currency)}
          </p>
          <div className="order-1 flex items-end gap-2 sm:order-2">
            <form action={updateCartLine} className="flex items-end gap-2">
              <input type="hidden" name="variantId" value={line.variantId} />
              <div>
                <label htmlFor={quantityId} className="sr-only">
                  Quantity of {line.productName}
                </label>
                <input
                  id={quantityId}
                  name="quantity"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_UNITS_PER_LINE}
                  defaultValue={line.quantity}
                  className="block h-9 w-16 rounded-lg border-0 bg-white px-2 text-sm text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset focus:ring-2 focus:ring-accent-600 focus:outline-none"
                />
              </div>
              <Button type="submit" variant="secondary" size="sm" className="h-9">
                Update<span className="sr-only"> quantity of {line.productName}</span>
              </Button>
            </form>
            <form action={removeCartLine}>
              <input type="hidden" name="variantId" value={line.variantId} />
              <Button
                type="submit"
                variant="ghost"
                size="sm"
                className="h-9 text-red-700 hover:bg-red-50 hover:text-red-800"
              >
                Remove<span className="sr-only"> {line.productName}</span>
              </Button>
            </form>
          </div>
        </div>
      </div>
    </li>
  );
}

export default async function CartPage({ searchParams }: CartPageProps) {
  const query = await searchParams;
  const [cart, session] = await Promise.all([readCart(), currentSession()]);
  const problem = cartProblemMessage(query.problem);
  const ready = canCheckOut(cart.lines);
  const { discountCode } = await readDraft();
  // The code kept for checkout, tried on the cart as it is now: it may no longer apply.
  let discountProblem = discountProblemMessage(query.discountProblem);
  const discount =
    discountCode && cart.lines.length > 0
      ? await quoteCartDiscount(discountCode).catch((error: unknown) => {
          if (!(error instanceof ServiceError) || error.status >= 500) throw error;
          discountProblem = discountProblemMessage(error.code);
          return undefined;
        })
      : undefined;

  return (
    <Container className="py-10 sm:py-14">
      <h1 className="text-3xl font-extrabold tracking-tight text-ink-950">Your cart</h1>
      {query.added ? (
        <Notice tone="success" className="mt-6">
          Added to your cart.
        </Notice>
      ) : null}
      {query.reordered ? (
        <Notice tone="success" className="mt-6">
          The items of your order are back in your cart, at today’s prices.
        </Notice>
      ) : null}
      {query.removed ? (
        <Notice tone="info" className="mt-6">
          Removed from your cart.
        </Notice>
      ) : null}
      {problem ? (
        <Notice tone="warning" className="mt-6">
          {problem}
        </Notice>
      ) : null}

      {cart.lines.length === 0 ? (
        <EmptyState
          className="mt-8"
          title="Your cart is empty"
          description="Filament, electronics, tools and parts are one click away."
          action={
            <Link href="/" className={buttonClasses({ size: 'lg' })}>
              Browse the catalog
            </Link>
          }
        />
      ) : (
        <div className="mt-8 grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-12">
          <section aria-label="Items in your cart">
            <ul className="divide-y divide-ink-200 border-y border-ink-200">
              {cart.lines.map((line) => (
                <CartLineRow key={line.variantId} line={line} currency={cart.currency} />
              ))}
            </ul>
          </section>
          <aside aria-labelledby="cart-summary-title">
            <Card className="p-6 lg:sticky lg:top-6">
              <h2 id="cart-summary-title" className="text-lg font-semibold text-ink-950">
                Summary
              </h2>
              <dl className="mt-4 grid grid-cols-[1fr_auto] gap-y-2 text-sm">
                <dt className="text-ink-600">
                  Subtotal ({cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'})
                </dt>
                <dd
                  className="text-right font-semibold text-ink-950 tabular-nums"
                  data-testid="cart-subtotal"
                >
                  {formatPrice(cart.subtotalCents, cart.currency)}
                </dd>
                {discount ? (
                  <>
                    <dt className="text-ink-600">Discount ({discount.discountCode})</dt>
                    <dd
                      className="text-right font-semibold text-emerald-700 tabular-nums"
                      data-testid="cart-discount"
                    >
                      −{formatPrice(discount.discountCents, discount.currency)}
                    </dd>
                  </>
                ) : null}
              </dl>
              {query.discount === 'applied' && discount ? (
                <p role="status" className="mt-3 text-sm text-emerald-800">
                  Discount code applied.
                </p>
              ) : null}
              <DiscountCodeForm
                applied={discount?.discountCode}
                problem={discountProblem}
                returnTo="/cart"
              />
              <p className="mt-2 text-xs text-ink-600">
                Shipping and tax are worked out at checkout for your address.
              </p>
              {ready ? (
                <Link
                  href="/checkout"
                  className={buttonClasses({ size: 'lg', className: 'mt-6 w-full' })}
                >
                  Check out
                </Link>
              ) : (
                <p className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  Fix the items marked above to check out.
                </p>
              )}
              {!session ? (
                <p className="mt-4 text-center text-sm text-ink-600">
                  Have a MakrX account?{' '}
                  <a
                    href="/auth/login?returnTo=%2Fcart"
                    className="font-medium text-accent-700 underline-offset-4 hover:underline"
                  >
                    Sign in
                  </a>{' '}
                  — your cart comes with you.
                </p>
              ) : null}
            </Card>
          </aside>
        </div>
      )}
    </Container>
  );
}
