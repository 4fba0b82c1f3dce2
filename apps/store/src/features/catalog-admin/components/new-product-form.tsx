'use client';

import { useActionState } from 'react';
import { Button } from '@makrx/ui';
import { MoneyField, TextAreaField, TextField } from '../../../components/form-field';
import { FormSection } from '../../../components/form-section';
import { bindField, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import { createProduct } from '../actions';
import type { CategoryChoice } from '../category-choices';
import type { NewProductField } from '../new-product';
import { CategoryField } from './category-field';

/** The new-product form; the service checks every field, and says which ones it refused. */
export function NewProductForm({ categories }: { categories: CategoryChoice[] }) {
  const [outcome, send, pending] = useActionState<FormOutcome<NewProductField>, FormData>(
    createProduct,
    unsentForm,
  );
  const field = bindField('new-product', outcome);
  return (
    <form action={send} className="space-y-6" noValidate>
      {outcome.problem ? (
        <p
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-900"
        >
          {outcome.problem}
        </p>
      ) : null}
      {/* A new key per attempt: the fields start again from what was sent (a form reset would
          put the category back to its first option). */}
      <div key={outcome.attempt} className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <FormSection id="new-product-details" title="Product">
          <TextField label="Name" {...field('name')} />
          <TextField
            label="Slug"
            hint="Its address in the shop: /products/your-slug."
            {...field('slug')}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField label="Brand" {...field('brand')} />
            <CategoryField
              choices={categories}
              placeholder="Choose a category"
              {...field('categorySlug')}
            />
          </div>
          <TextField label="Summary" {...field('summary')} />
          <TextAreaField label="Description" rows={5} {...field('description')} />
          <TextAreaField
            label="Specifications"
            hint="One per line, as Name: value."
            rows={4}
            placeholder={'Diameter: 1.75 mm\nWeight: 1 kg'}
            {...field('specs')}
          />
        </FormSection>
        <FormSection
          id="new-product-variant"
          title="First variant"
          description="More variants, stock changes with a reason and photos are added on the product’s page once it exists."
        >
          <TextField
            label="SKU"
            hint="Capital letters, digits and dashes."
            className="font-mono"
            {...field('sku')}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <MoneyField label="Price" currency="USD" {...field('price')} />
            <TextField label="Stock" inputMode="numeric" placeholder="0" {...field('stock')} />
          </div>
          <TextField
            label="Options"
            hint="name=value, separated by semicolons: colour=Red; size=1 kg."
            {...field('options')}
          />
        </FormSection>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create product'}
      </Button>
    </form>
  );
}
