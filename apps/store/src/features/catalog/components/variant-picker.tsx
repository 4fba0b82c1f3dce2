import { Button, cx } from '@makrx/ui';
import type { Product, ProductVariant } from '@makrx/contracts';
import { optionField, optionGroups } from '../variant-selection';
import { specLabel } from '../product-details';
import { AutoSubmit } from './auto-submit';

export interface VariantPickerProps {
  product: Pick<Product, 'slug' | 'variants'>;
  selected: ProductVariant;
}

/**
 * The options of a product (colour, spool size, …) as radio groups in a GET form: without
 * JavaScript the shopper presses "Show", with it the form sends itself on every change. The
 * page answers with the matching variant in the URL (`?variant=SKU`).
 */
export function VariantPicker({ product, selected }: VariantPickerProps) {
  const groups = optionGroups(product.variants);
  if (groups.length === 0) return null;
  const available = (name: string, value: string) =>
    product.variants.some((variant) => variant.options[name] === value && variant.inStock);
  return (
    <form
      method="get"
      action={`/products/${encodeURIComponent(product.slug)}`}
      aria-label="Choose an option"
      className="mt-7 space-y-5"
      data-variant-picker
    >
      <AutoSubmit />
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
                    defaultChecked={selected.options[group.name] === value}
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
      <Button type="submit" variant="secondary">
        Show this option
      </Button>
    </form>
  );
}
