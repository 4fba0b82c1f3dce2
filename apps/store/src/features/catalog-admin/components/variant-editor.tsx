'use client';

import { useActionState } from 'react';
import type { AdminProduct } from '@makrx/contracts';
import { Button, cx, formatPrice } from '@makrx/ui';
import { MoneyField, TextField } from '../../../components/form-field';
import { FormStatus } from '../../../components/form-status';
import { bindField, freshFieldsKey, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import { adjustStock, saveVariant } from '../product-editor-actions';
import { savedVariant, type StockField, type VariantField } from '../product-editor';

type Variant = AdminProduct['variants'][number];

interface VariantEditorProps {
  productId: string;
  variant: Variant;
  currency: string;
}

/** One variant: its price and options, and its stock, changed only with a reason. */
export function VariantEditor({ productId, variant, currency }: VariantEditorProps) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-mono text-sm font-semibold text-ink-950">{variant.sku}</p>
        <p className="text-sm text-ink-600">
          {formatPrice(variant.priceCents, currency)} ·{' '}
          <span className={cx(variant.stock < 5 && 'font-semibold text-amber-800')}>
            {variant.stock} in stock
          </span>
        </p>
      </div>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <PriceAndOptionsForm productId={productId} variant={variant} currency={currency} />
        <StockForm productId={productId} variant={variant} />
      </div>
    </>
  );
}

function PriceAndOptionsForm({ productId, variant, currency }: VariantEditorProps) {
  const [outcome, send, pending] = useActionState<FormOutcome<VariantField>, FormData>(
    saveVariant,
    unsentForm,
  );
  const saved = savedVariant(variant);
  const field = bindField(`variant-${variant.sku}`, outcome, saved);
  return (
    <form action={send} noValidate>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="sku" value={variant.sku} />
      <div key={freshFieldsKey(outcome, saved)} className="grid gap-3 sm:grid-cols-[9rem_1fr]">
        <MoneyField label="Price" currency={currency} {...field('price')} />
        <TextField label="Options" placeholder="colour=Black; size=1 kg" {...field('options')} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          Save
        </Button>
        <FormStatus outcome={outcome} />
      </div>
    </form>
  );
}

function StockForm({ productId, variant }: Omit<VariantEditorProps, 'currency'>) {
  const [outcome, send, pending] = useActionState<FormOutcome<StockField>, FormData>(
    adjustStock,
    unsentForm,
  );
  const saved = { stock: String(variant.stock), reason: '' };
  const field = bindField(`stock-${variant.sku}`, outcome, saved);
  return (
    <form
      action={send}
      noValidate
      className="border-t border-ink-200 pt-4 md:border-t-0 md:border-l md:pt-0 md:pl-6"
    >
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="sku" value={variant.sku} />
      <div key={freshFieldsKey(outcome, saved)} className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <TextField label="Stock" inputMode="numeric" required {...field('stock')} />
        <TextField
          label="Reason"
          required
          placeholder="Stocktake, delivery, damage…"
          {...field('reason')}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" size="sm" disabled={pending}>
          Update stock
        </Button>
        <FormStatus outcome={outcome} />
      </div>
    </form>
  );
}
