import { Container } from '@makrx/ui';

/**
 * On every page while payments go to the offline test gateway (no Stripe key; in production
 * only with MAKRX_PAYMENTS=offline): nobody should take this store for one that charges cards.
 */
export function TestModeBanner() {
  return (
    <div role="note" aria-label="Test mode" className="border-b border-violet-300 bg-violet-50">
      <Container className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm text-violet-950">
        <span className="rounded-full bg-violet-700 px-2.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
          Test mode
        </span>
        <span>
          Payments are simulated: only test cards are accepted and nothing is charged or shipped.
        </span>
      </Container>
    </div>
  );
}
