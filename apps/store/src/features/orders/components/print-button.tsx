'use client';

import { Button } from '@makrx/ui';

/** Prints the invoice; without JavaScript the browser's own Print does the same. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      Print invoice
    </Button>
  );
}
