'use server';

import { redirect } from 'next/navigation';
import {
  formValues,
  refusedForm,
  type FormOutcome,
  type RefusalFields,
} from '../../lib/form-outcome';
import { ServiceError } from '../../lib/service-client';
import {
  addAdminVariant,
  adjustVariantStock,
  deleteProductImage,
  updateAdminProduct,
  updateAdminVariant,
  updateProductImage,
  uploadProductImage,
} from './api';
import {
  detailsBody,
  detailsFields,
  detailsRefusals,
  imageBody,
  imageFields,
  imageRefusals,
  newVariantBody,
  newVariantFields,
  newVariantRefusals,
  stockBody,
  stockFields,
  stockRefusals,
  uploadRefusals,
  variantBody,
  variantFields,
  variantRefusals,
  type DetailsField,
  type ImageField,
  type NewVariantField,
  type StockField,
  type UploadField,
  type VariantField,
} from './product-editor';

const hidden = (form: FormData, name: string) => String(form.get(name) ?? '');

/**
 * Sends one of the editor's forms. A refusal comes back beside the fields it is about, with
 * what was typed kept. On success the browser is sent to the product's page again with a
 * notice (post, redirect, get): reloading it then sends nothing twice, which matters most for
 * a stock adjustment. A failure on the service's side is the error page's.
 */
async function sendForm<Field extends string>(
  previous: FormOutcome<Field>,
  form: FormData,
  values: FormOutcome<Field>['values'],
  refusals: RefusalFields<Field>,
  outcome: { done: string; notDone: string },
  work: () => Promise<unknown>,
): Promise<FormOutcome<Field>> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    const summary = `${outcome.notDone}: check the fields marked.`;
    return refusedForm(previous, values, error, refusals, summary);
  }
  const productId = encodeURIComponent(hidden(form, 'productId'));
  redirect(`/admin/products/${productId}?notice=${encodeURIComponent(outcome.done)}`);
}

export async function saveProductDetails(
  previous: FormOutcome<DetailsField>,
  form: FormData,
): Promise<FormOutcome<DetailsField>> {
  const values = formValues(form, detailsFields);
  return sendForm(
    previous,
    form,
    values,
    detailsRefusals,
    { done: 'Product saved.', notDone: 'Not saved' },
    () => updateAdminProduct(hidden(form, 'productId'), detailsBody(values)),
  );
}

export async function saveVariant(
  previous: FormOutcome<VariantField>,
  form: FormData,
): Promise<FormOutcome<VariantField>> {
  const values = formValues(form, variantFields);
  const sku = hidden(form, 'sku');
  return sendForm(
    previous,
    form,
    values,
    variantRefusals,
    { done: `Variant ${sku} saved.`, notDone: 'Not saved' },
    () => updateAdminVariant(sku, variantBody(values)),
  );
}

export async function adjustStock(
  previous: FormOutcome<StockField>,
  form: FormData,
): Promise<FormOutcome<StockField>> {
  const values = formValues(form, stockFields);
  const sku = hidden(form, 'sku');
  return sendForm(
    previous,
    form,
    values,
    stockRefusals,
    { done: `Stock of ${sku} updated.`, notDone: 'Stock not changed' },
    () => adjustVariantStock(sku, stockBody(values)),
  );
}

export async function addVariant(
  previous: FormOutcome<NewVariantField>,
  form: FormData,
): Promise<FormOutcome<NewVariantField>> {
  const values = formValues(form, newVariantFields);
  return sendForm(
    previous,
    form,
    values,
    newVariantRefusals,
    { done: `Variant ${values.sku.toUpperCase()} added.`, notDone: 'No variant added' },
    () => addAdminVariant(hidden(form, 'productId'), newVariantBody(values)),
  );
}

export async function uploadImage(
  previous: FormOutcome<UploadField>,
  form: FormData,
): Promise<FormOutcome<UploadField>> {
  const values = { alt: String(form.get('alt') ?? '').trim() };
  const file = form.get('image');
  const outcome = { done: 'Image uploaded.', notDone: 'Not uploaded' };
  if (!(file instanceof File) || file.size === 0) {
    // The service's own answer to an empty upload, given without sending one.
    return sendForm(previous, form, values, uploadRefusals, outcome, async () => {
      throw new ServiceError(400, 'EMPTY_UPLOAD', 'Choose an image file to upload.');
    });
  }
  return sendForm(previous, form, values, uploadRefusals, outcome, () =>
    uploadProductImage(hidden(form, 'productId'), file, values.alt),
  );
}

export async function saveImage(
  previous: FormOutcome<ImageField>,
  form: FormData,
): Promise<FormOutcome<ImageField>> {
  const values = formValues(form, imageFields);
  return sendForm(
    previous,
    form,
    values,
    imageRefusals,
    { done: 'Image saved.', notDone: 'Not saved' },
    () => updateProductImage(hidden(form, 'imageId'), imageBody(values)),
  );
}

/** Removes an image; the list of images, which outlives the removed one, says so. */
export async function deleteImage(
  previous: FormOutcome<never>,
  form: FormData,
): Promise<FormOutcome<never>> {
  const noFields: RefusalFields<never> = { fieldOf: () => undefined };
  return sendForm(
    previous,
    form,
    {},
    noFields,
    { done: 'Image removed.', notDone: 'Not removed' },
    () => deleteProductImage(hidden(form, 'imageId')),
  );
}
