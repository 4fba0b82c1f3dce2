'use client';

import { useActionState } from 'react';
import type { AdminProduct } from '@makrx/contracts';
import { Button } from '@makrx/ui';
import { CheckboxField, TextAreaField, TextField } from '../../../components/form-field';
import { FormStatus } from '../../../components/form-status';
import { bindField, freshFieldsKey, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import type { CategoryChoice } from '../category-choices';
import { saveProductDetails } from '../product-editor-actions';
import { savedDetails, type DetailsField } from '../product-editor';
import { CategoryField } from './category-field';

/** The product's own fields: name, brand, category, texts, and whether the shop shows it. */
export function ProductDetailsForm({
  product,
  categories,
}: {
  product: AdminProduct;
  categories: CategoryChoice[];
}) {
  const [outcome, send, pending] = useActionState<FormOutcome<DetailsField>, FormData>(
    saveProductDetails,
    unsentForm,
  );
  const saved = savedDetails(product);
  const field = bindField('product', outcome, saved);
  return (
    <form action={send} noValidate>
      <input type="hidden" name="productId" value={product.id} />
      <div key={freshFieldsKey(outcome, saved)} className="space-y-4">
        <TextField label="Name" required {...field('name')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Brand" {...field('brand')} />
          <CategoryField choices={categories} {...field('categorySlug')} />
        </div>
        <TextField label="Summary" {...field('summary')} />
        <TextAreaField label="Description" rows={5} {...field('description')} />
        <CheckboxField label="Archived (hidden from the shop)" {...field('archived')} />
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save details'}
        </Button>
        <FormStatus outcome={outcome} />
      </div>
    </form>
  );
}
