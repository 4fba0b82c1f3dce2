'use client';

import { useEffect, useState, type ChangeEvent } from 'react';
import { Button, cx } from '@makrx/ui';
import type { SearchParams } from '../catalog-query';
import { optionField, optionGroups, variantFromOptions } from '../variant-selection';
import { specLabel } from '../product-details';
import { useChosenVariant } from './chosen-variant';

/**
 * The options of a product (colour, spool size, …) as radio groups in a GET form: without
 * JavaScript the shopper presses "Show this option" and the page answers with the matching
 * variant in the URL (`?variant=SKU`); with it every pick shows its variant in place.
 */
export function VariantPicker() {
  const { product, selected, choose } = useChosenVariant();
  // The button is for browsers without JavaScript; once this runs, a pick shows itself.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const groups = optionGroups(product.variants);
  if (groups.length === 0) return null;
  const available = (name: string, value: string) =>
    product.variants.some((variant) => variant.options[name] === value && variant.inStock);
  // The radio just picked is already checked in the form, so the form holds the whole choice.
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const form = event.currentTarget.form;
    if (!form) return;
    const params: SearchParams = Object.fromEntries(
      [...new FormData(form)].map(([name, value]) => [name, String(value)]),
    );
    const variant = variantFromOptions(product.variants, params);
    if (variant) choose(variant.sku);
  };
  return (
    <form
      method="get"
      action={`/products/${encodeURIComponent(product.slug)}`}
      aria-label="Choose an option"
      className="mt-7 space-y-5"
      data-variant-picker
    >
      {groups.map((group) => (
        <fieldset key={group.name}>
          <legend className="text-sm font-semibold text-ink-900">
            {specLabel(group.name)}:{' '}
            <span className="font-normal text-ink-700">{selected.options[group.name]}</span>
          </legend>
          <div className="mt-2.5 flex flex-wrap gap-2">
            {group.values.map((value) => {
              const id = `option-${group.name}-${value}`.replace(/[^A-Za-z0-9-]/g, '-');
              return (
                <div key={value}>
                  <input
                    type="radio"
                    id={id}
                    name={optionField(group.name)}
                    value={value}
                    checked={selected.options[group.name] === value}
                    onChange={pick}
                    className="peer sr-only"
                  />
                  <label
                    htmlFor={id}
                    className={cx(
                      'inline-flex min-h-11 cursor-pointer items-center rounded-xl border bg-white px-4 text-sm font-medium text-ink-800 transition',
                      'border-ink-300 hover:border-ink-500',
                      'peer-checked:border-accent-600 peer-checked:bg-accent-50 peer-checked:text-accent-900 peer-checked:ring-1 peer-checked:ring-accent-600',
                      'peer-focus-visible:ring-2 peer-focus-visible:ring-accent-600 peer-focus-visible:ring-offset-2',
                      !available(group.name, value) &&
                        'text-ink-500 line-through decoration-ink-400',
                    )}
                  >
                    {value}
                    {!available(group.name, value) ? (
                      <span className="sr-only"> (out of stock)</span>
                    ) : null}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {enhanced ? null : (
        <Button type="submit" variant="secondary">
          Show this option
        </Button>
      )}
    </form>
  );
}
