'use client';

import { useActionState } from 'react';
import { Button } from '@makrx/ui';
import { SelectField, TextField } from '../../../components/form-field';
import { bindField, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import { labelClasses } from '../../catalog-admin/components/admin-frame';
import { savePromotion } from '../actions';
import type { CategoryOption, PromotionField } from '../promotion-form-values';

/**
 * Create or edit a discount code. The service checks every field; a refusal comes back with
 * what was typed and each refused field marked.
 */
export function PromotionForm({
  id,
  saved,
  categories,
}: {
  id?: string;
  saved?: Record<PromotionField, string>;
  categories: CategoryOption[];
}) {
  const [outcome, send, pending] = useActionState<FormOutcome<PromotionField>, FormData>(
    savePromotion,
    unsentForm,
  );
  const field = bindField('promotion', outcome, saved);
  const chosen = new Set(
    (outcome.values.categorySlugs ?? saved?.categorySlugs ?? '').split(',').filter(Boolean),
  );
  const categoriesError = outcome.errors.categorySlugs;
  return (
    <form action={send} className="space-y-6">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {outcome.problem ? (
        <p
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-900"
        >
          {outcome.problem}
        </p>
      ) : null}
      <div key={outcome.attempt} className="space-y-6">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Code"
            hint="3–40 letters, digits, - or _; buyers may type it in any case."
            required
            maxLength={40}
            autoComplete="off"
            className="font-mono uppercase"
            {...field('code')}
          />
          <SelectField
            label="Kind"
            {...field('kind')}
            defaultValue={field('kind').defaultValue || 'percent'}
          >
            <option value="percent">Percentage off</option>
            <option value="fixed">Fixed amount off</option>
          </SelectField>
          <TextField
            label="Value"
            hint="Per cent (1–100) for a percentage; an amount such as 5.00 for a fixed amount."
            required
            inputMode="decimal"
            {...field('value')}
          />
          <TextField
            label="Currency"
            hint="Of a fixed amount and the minimum."
            maxLength={3}
            className="uppercase"
            {...field('currency')}
            defaultValue={field('currency').defaultValue || 'USD'}
          />
          <TextField
            label="Minimum subtotal"
            hint="Leave empty for none."
            inputMode="decimal"
            {...field('minSubtotal')}
          />
          <div aria-hidden className="hidden sm:block" />
          <TextField
            label="Valid from (UTC)"
            hint="Leave empty to start now."
            type="datetime-local"
            {...field('validFrom')}
          />
          <TextField
            label="Valid until (UTC)"
            hint="Leave empty for no end."
            type="datetime-local"
            {...field('validUntil')}
          />
          <TextField
            label="Uses in total"
            hint="Leave empty for no limit."
            type="number"
            min={1}
            {...field('usageLimit')}
          />
          <TextField
            label="Uses per buyer"
            hint="Per account; a guest is known by their email."
            type="number"
            min={1}
            required
            {...field('perBuyerLimit')}
            defaultValue={field('perBuyerLimit').defaultValue || '1'}
          />
        </div>
        <fieldset aria-describedby={categoriesError ? 'promotion-categories-error' : undefined}>
          <legend className={labelClasses}>Only for these categories</legend>
          <p className="mt-1.5 text-xs text-ink-600">
            None ticked: the whole order. Ticked: the items in them and their subcategories.
          </p>
          <div className="mt-3 grid max-h-64 gap-2 overflow-y-auto rounded-lg border border-ink-200 p-3 sm:max-w-md">
            {categories.map((category) => (
              <label
                key={category.slug}
                className="flex items-center gap-2 text-sm text-ink-800"
                style={{ paddingLeft: `${category.depth}rem` }}
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
          {categoriesError ? (
            <p id="promotion-categories-error" className="mt-1.5 text-sm font-medium text-red-700">
              {categoriesError}
            </p>
          ) : null}
        </fieldset>
      </div>
      <Button type="submit" disabled={pending}>
        {id ? 'Save changes' : 'Create discount code'}
      </Button>
    </form>
  );
}
