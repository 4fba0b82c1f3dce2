import type { ReactNode } from 'react';
import Link from 'next/link';
import { Container, MakrXMark, PortalWordmark } from '@makrx/ui';

/**
 * The checkout's focused frame: the logo (back to the cart) and a word on where the buyer is,
 * without the shop's header, navigation and footer (the root layout leaves those out here).
 * Each step brings its progress steps and order summary (CheckoutFrame).
 */
export default function CheckoutLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-ink-200 bg-white">
        <Container className="flex h-16 items-center justify-between gap-4">
          <Link
            href="/cart"
            className="flex items-center gap-2.5 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-accent-600"
            aria-label="MakrX.Store: back to your cart"
          >
            <MakrXMark />
            <PortalWordmark portal="store" className="text-lg" />
          </Link>
          <p className="flex items-center gap-2 text-sm font-medium text-ink-700">
            <svg
              viewBox="0 0 20 20"
              className="size-4 text-ink-500"
              aria-hidden="true"
              focusable="false"
            >
              <path
                fill="currentColor"
                d="M10 1a4.5 4.5 0 0 0-4.5 4.5V8H5a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm2.5 7V5.5a2.5 2.5 0 0 0-5 0V8h5Z"
                clipRule="evenodd"
                fillRule="evenodd"
              />
            </svg>
            Secure checkout
          </p>
        </Container>
      </header>
      {children}
    </>
  );
}
