import { randomUUID } from 'node:crypto';
import type { PrintQuote, SavedAddress } from '@makrx/contracts';
import { Button, Card, formatPrice } from '@makrx/ui';
import { Notice } from '../../../components/form-field';
import { AddressFields } from '../../checkout/components/checkout-fields';
import { SavedAddressPicker } from '../../checkout/components/saved-address-picker';
import { orderPrint } from '../actions';

/** Why the store refused the order, in words the customer can act on. */
const refusals: Record<string, string> = {
  QUOTE_UNAVAILABLE:
    'The provider withdrew this offer or changed its printer, so it no longer makes your part. Choose another quote.',
  PROVIDERS_UNREACHABLE:
    'The providers could not be reached to price your print just now. Try again in a minute.',
  MODEL_HAS_NO_VOLUME: 'This model encloses no volume, so it cannot be printed.',
  NOT_FOUND: 'This model is no longer in your uploads. Upload it again to order a print.',
};

/**
 * Where the print goes and the button that orders it: a saved MakrX.org address or a typed one.
 * The store prices the order again; paying is the order's ordinary payment page.
 */
export function PrintOrderForm({
  uploadId,
  quote,
  savedAddresses,
  showSaved,
  anotherHref,
  manageUrl,
  invalid,
  refused,
  projectId,
}: {
  uploadId: string;
  /** The MakrCave project the print is for, if the customer came from one. */
  projectId?: string | undefined;
  quote: PrintQuote;
  savedAddresses: SavedAddress[];
  showSaved: boolean;
  anotherHref: string;
  manageUrl: string;
  invalid: string[];
  refused?: string;
}) {
  return (
    <Card className="p-5 sm:p-6" id="order">
      <h2 className="text-lg font-bold text-ink-950">
        Where should {quote.provider.name} send it?
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        The provider posts your parts when they pass its quality check; you can follow every step on
        the order&rsquo;s page.
      </p>
      {projectId ? (
        <Notice tone="info" className="mt-4" title="For your MakrCave project">
          This print will be listed on the project you came from, with its progress.
        </Notice>
      ) : null}
      {refused ? (
        <Notice tone="danger" className="mt-4" title="The print was not ordered">
          {refusals[refused] ?? 'The store refused this order. Check the quote and try again.'}
        </Notice>
      ) : null}
      <form action={orderPrint} className="mt-5 space-y-6">
        <input type="hidden" name="uploadId" value={uploadId} />
        {projectId ? <input type="hidden" name="projectId" value={projectId} /> : null}
        <input type="hidden" name="offeringId" value={quote.offeringId} />
        <input type="hidden" name="quantity" value={quote.quantity} />
        <input type="hidden" name="idempotencyKey" value={randomUUID()} />
        {showSaved ? (
          <SavedAddressPicker
            addresses={savedAddresses}
            selected={savedAddresses.find((a) => a.isDefault)?.id ?? savedAddresses[0]?.id}
            invalid={invalid}
            anotherHref={anotherHref}
            manageUrl={manageUrl}
          />
        ) : (
          <AddressFields values={{}} invalid={invalid} />
        )}
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-ink-600">
            Tax is added for your address on the next page, before you pay.
          </p>
          <Button type="submit" size="lg">
            Order and pay {formatPrice(quote.total, quote.currency)}
          </Button>
        </div>
      </form>
    </Card>
  );
}
