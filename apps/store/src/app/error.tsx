'use client';

import { useEffect } from 'react';
import { Button, Container, ErrorState } from '@makrx/ui';

function errorDigest(error: unknown): string | undefined {
  if (error instanceof Error && 'digest' in error && typeof error.digest === 'string') {
    return error.digest;
  }
  return undefined;
}

export default function StoreError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Container className="py-16 sm:py-24">
      <ErrorState
        titleAs="h1"
        title="The store is not answering right now"
        description="We couldn't reach the store service to load this page. Nothing on your side went wrong; please try again in a moment."
        code={errorDigest(error)}
        action={
          <>
            <Button size="lg" onClick={() => retry()}>
              Try again
            </Button>
            <a
              href="/"
              className="inline-flex h-12 items-center px-2 text-sm font-semibold text-ink-700 underline-offset-4 hover:text-ink-950 hover:underline"
            >
              Back to the catalog
            </a>
          </>
        }
        className="mx-auto max-w-2xl"
      />
    </Container>
  );
}
