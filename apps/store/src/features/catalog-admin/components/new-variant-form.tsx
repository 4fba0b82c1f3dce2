'use client';

import { useActionState } from 'react';
import { Button } from '@makrx/ui';
import { MoneyField, TextField } from '../../../components/form-field';
import { FormStatus } from '../../../components/form-status';
import { bindField, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import { addVariant } from '../product-editor-actions';
import type { NewVariantField } from '../product-editor';

/** Another variant of the product: its SKU, options, price and the stock on the shelf. */
export function NewVariantForm({ productId, currency }: { productId: string; currency: string }) {
  const [outcome, send, pending] = useActionState<FormOutcome<NewVariantField>, FormData>(
    addVariant,
    unsentForm,
  );
  const field = bindField('new-variant', outcome);
  return (
    <form action={send} noValidate aria-labelledby="new-variant-title">
      <input type="hidden" name="productId" value={productId} />
      <h3 id="new-variant-title" className="text-sm font-semibold text-ink-900">
        Add a variant
      </h3>
      <div
        key={outcome.attempt}
        className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_1fr_9rem_7rem]"
      >
        <TextField
          label="SKU"
          required
          hint="Capital letters, digits and dashes."
          className="font-mono"
          {...field('sku')}
        />
        <TextField label="Options" placeholder="colour=Black; size=1 kg" {...field('options')} />
        <MoneyField label="Price" currency={currency} required {...field('price')} />
        <TextField label="Stock" inputMode="numeric" placeholder="0" {...field('stock')} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          Add variant
        </Button>
        <FormStatus outcome={outcome} />
      </div>
    </form>
  );
}
