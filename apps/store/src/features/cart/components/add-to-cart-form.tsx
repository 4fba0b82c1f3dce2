import { Button } from '@makrx/ui';
import type { ProductVariant } from '@makrx/contracts';
import { MAX_UNITS_PER_LINE } from '@makrx/contracts/line-limits';
import { Notice } from '../../../components/form-field';
import { cartProblemMessage } from '../cart-messages';

export interface AddToCartFormProps {
  /** The variant picked on the product page. */
  variant: Pick<ProductVariant, 'id' | 'sku' | 'stock' | 'inStock'>;
  /** Where a refused add comes back to: the product page with its chosen variant. */
  returnTo: string;
  /** The service's reason when the last add was refused (`?cartError=`). */
  error?: string;
}

/** The form's id, for a button elsewhere on the page (the phone's bottom bar) to submit it. */
export const addToCartFormId = 'add-to-cart';

/** Adds the chosen variant to the cart; a plain form, so it works before (or without) JavaScript. */
export function AddToCartForm({ variant, returnTo, error }: AddToCartFormProps) {
  const problem = cartProblemMessage(error);
  const max = Math.max(1, Math.min(variant.stock, MAX_UNITS_PER_LINE));
  return (
    // A plain post, answered with the cart as a new page (see app/cart/add/route.ts).
    <form
      id={addToCartFormId}
      method="post"
      action="/cart/add"
      className="mt-5"
      aria-label="Add to cart"
    >
      <input type="hidden" name="variantId" value={variant.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {problem ? (
        <Notice tone="warning" className="mb-4">
          {problem}
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="add-quantity" className="block text-sm font-medium text-ink-900">
            Quantity
          </label>
          <input
            id="add-quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            defaultValue={1}
            disabled={!variant.inStock}
            className="mt-1.5 block h-12 w-24 rounded-xl border-0 bg-white px-3 text-base text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset focus:ring-2 focus:ring-accent-600 focus:outline-none disabled:bg-ink-100"
          />
        </div>
        <Button
          type="submit"
          size="lg"
          className="flex-1 sm:flex-none sm:px-8"
          disabled={!variant.inStock}
        >
          {variant.inStock ? 'Add to cart' : 'Out of stock'}
        </Button>
      </div>
    </form>
  );
}
