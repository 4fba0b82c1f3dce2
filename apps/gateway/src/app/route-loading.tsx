import { Container } from '@makrx/ui';

/** What a page loaded on demand shows while its code arrives. */
export function RouteLoading() {
  return (
    <Container className="py-16 sm:py-24">
      <p role="status" className="text-center text-ink-600">
        Loading…
      </p>
    </Container>
  );
}
