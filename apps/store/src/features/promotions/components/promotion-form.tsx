import type { AdminPromotion, Category } from '@makrx/contracts';
import { Button } from '@makrx/ui';
import { depthOf } from '../../catalog/category-tree';
import { inputClasses, labelClasses } from '../../catalog-admin/components/admin-frame';
import { createPromotionFromForm, updatePromotionFromForm } from '../actions';
import { asLocalInput, valueAsTyped } from '../promotion-form-values';

const hintClasses = 'mt-1.5 text-xs text-ink-600';

function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      <div className="mt-1.5">{children}</div>
      {hint ? (
        <p id={`${id}-hint`} className={hintClasses}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Create or edit a discount code: a plain form posted to a server action. */
export function PromotionForm({
  promotion,
  categories,
}: {
  promotion?: AdminPromotion;
  categories: Category[];
}) {
  const chosen = new Set(promotion?.categories.map((c) => c.slug) ?? []);
  return (
    <form
      action={promotion ? updatePromotionFromForm : createPromotionFromForm}
      className="space-y-6"
    >
      {promotion ? <input type="hidden" name="id" value={promotion.id} /> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="promotion-code"
          label="Code"
          hint="3–40 letters, digits, - or _; buyers may type it in any case."
        >
          <input
            id="promotion-code"
            name="code"
            required
            pattern="[A-Za-z0-9_\-]{3,40}"
            defaultValue={promotion?.code}
            aria-describedby="promotion-code-hint"
            className={`font-mono uppercase ${inputClasses}`}
          />
        </Field>
        <Field id="promotion-kind" label="Kind">
          <select
            id="promotion-kind"
            name="kind"
            defaultValue={promotion?.kind ?? 'percent'}
            className={inputClasses}
          >
            <option value="percent">Percentage off</option>
            <option value="fixed">Fixed amount off</option>
          </select>
        </Field>
        <Field
          id="promotion-value"
          label="Value"
          hint="Per cent (1–100) for a percentage; an amount such as 5.00 for a fixed amount."
        >
          <input
            id="promotion-value"
            name="value"
            required
            inputMode="decimal"
            defaultValue={promotion ? valueAsTyped(promotion) : ''}
            aria-describedby="promotion-value-hint"
            className={inputClasses}
          />
        </Field>
        <Field id="promotion-currency" label="Currency" hint="Of a fixed amount and the minimum.">
          <input
            id="promotion-currency"
            name="currency"
            defaultValue={promotion?.currency ?? 'USD'}
            maxLength={3}
            aria-describedby="promotion-currency-hint"
            className={`uppercase ${inputClasses}`}
          />
        </Field>
        <Field id="promotion-minimum" label="Minimum subtotal" hint="Leave empty for none.">
          <input
            id="promotion-minimum"
            name="minSubtotal"
            inputMode="decimal"
            defaultValue={
              promotion && promotion.minSubtotalCents > 0
                ? (promotion.minSubtotalCents / 100).toFixed(2)
                : ''
            }
            aria-describedby="promotion-minimum-hint"
            className={inputClasses}
          />
        </Field>
        <div aria-hidden className="hidden sm:block" />
        <Field id="promotion-from" label="Valid from (UTC)" hint="Leave empty to start now.">
          <input
            id="promotion-from"
            name="validFrom"
            type="datetime-local"
            defaultValue={asLocalInput(promotion?.validFrom ?? null)}
            aria-describedby="promotion-from-hint"
            className={inputClasses}
          />
        </Field>
        <Field id="promotion-until" label="Valid until (UTC)" hint="Leave empty for no end.">
          <input
            id="promotion-until"
            name="validUntil"
            type="datetime-local"
            defaultValue={asLocalInput(promotion?.validUntil ?? null)}
            aria-describedby="promotion-until-hint"
            className={inputClasses}
          />
        </Field>
        <Field id="promotion-limit" label="Uses in total" hint="Leave empty for no limit.">
          <input
            id="promotion-limit"
            name="usageLimit"
            type="number"
            min={1}
            defaultValue={promotion?.usageLimit ?? ''}
            aria-describedby="promotion-limit-hint"
            className={inputClasses}
          />
        </Field>
        <Field
          id="promotion-per-buyer"
          label="Uses per buyer"
          hint="Per account; a guest is known by their email."
        >
          <input
            id="promotion-per-buyer"
            name="perBuyerLimit"
            type="number"
            min={1}
            required
            defaultValue={promotion?.perBuyerLimit ?? 1}
            aria-describedby="promotion-per-buyer-hint"
            className={inputClasses}
          />
        </Field>
      </div>
      <fieldset>
        <legend className={labelClasses}>Only for these categories</legend>
        <p className={hintClasses}>
          None ticked: the whole order. Ticked: the items in them and their subcategories.
        </p>
        <div className="mt-3 grid max-h-64 gap-2 overflow-y-auto rounded-lg border border-ink-200 p-3 sm:max-w-md">
          {categories.map((category) => (
            <label
              key={category.slug}
              className="flex items-center gap-2 text-sm text-ink-800"
              style={{ paddingLeft: `${depthOf(categories, category.slug) * 1}rem` }}
            >
              <input
                type="checkbox"
                name="categorySlugs"
                value={category.slug}
                defaultChecked={chosen.has(category.slug)}
                className="size-4 rounded border-ink-300 text-accent-600"
              />
              {category.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit">{promotion ? 'Save changes' : 'Create discount code'}</Button>
    </form>
  );
}
