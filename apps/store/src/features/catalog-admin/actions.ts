'use server';

import type { AdminProduct, CatalogImportReport } from '@makrx/contracts';
import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { formValues, refusedForm, type FormOutcome } from '../../lib/form-outcome';
import {
  addAdminVariant,
  adjustVariantStock,
  createAdminCategory,
  createAdminProduct,
  deleteProductImage,
  importCatalogCsv,
  updateAdminCategory,
  updateAdminProduct,
  updateAdminVariant,
  updateProductImage,
  uploadProductImage,
} from './api';
import {
  newProductBody,
  newProductFields,
  newProductRefusals,
  type NewProductField,
} from './new-product';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const editPage = (id: string) => `/admin/products/${encodeURIComponent(id)}`;

/** Runs one change and comes back to the edit page saying what happened (works without JS). */
async function change(back: string, done: string, work: () => Promise<unknown>): Promise<never> {
  let outcome = `notice=${encodeURIComponent(done)}`;
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    outcome = `problem=${encodeURIComponent(error.message)}`;
  }
  redirect(`${back}?${outcome}`);
}

/** "24.99" → 2499; anything else is left for the service to refuse. */
function cents(value: string): number {
  return /^\d+(\.\d{1,2})?$/.test(value) ? Math.round(Number(value) * 100) : Number.NaN;
}

function optionsOf(value: string): Record<string, string> {
  return Object.fromEntries(
    value
      .split(';')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && Boolean(pair[0] && pair[1])),
  );
}

export async function saveProduct(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  return change(editPage(id), 'Product saved.', () =>
    updateAdminProduct(id, {
      name: text(form, 'name'),
      brand: text(form, 'brand'),
      summary: text(form, 'summary'),
      description: text(form, 'description'),
      categorySlug: text(form, 'categorySlug'),
      archived: form.get('archived') === 'on',
    }),
  );
}

export async function adjustStock(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  const sku = text(form, 'sku');
  return change(editPage(id), `Stock of ${sku} updated.`, () =>
    adjustVariantStock(sku, { setTo: Number(text(form, 'stock')), reason: text(form, 'reason') }),
  );
}

export async function saveVariant(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  const sku = text(form, 'sku');
  return change(editPage(id), `Variant ${sku} saved.`, () =>
    updateAdminVariant(sku, {
      priceCents: cents(text(form, 'price')),
      options: optionsOf(text(form, 'options')),
    }),
  );
}

export async function addVariant(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  return change(editPage(id), 'Variant added.', () =>
    addAdminVariant(id, {
      sku: text(form, 'sku').toUpperCase(),
      options: optionsOf(text(form, 'options')),
      priceCents: cents(text(form, 'price')),
      stock: Number(text(form, 'stock') || '0'),
    }),
  );
}

export async function uploadImage(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  const file = form.get('image');
  return change(editPage(id), 'Image uploaded.', async () => {
    if (!(file instanceof File) || file.size === 0)
      throw new ServiceError(400, 'EMPTY_UPLOAD', 'Choose an image file to upload.');
    await uploadProductImage(id, file, text(form, 'alt'));
  });
}

export async function saveImage(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  return change(editPage(id), 'Image saved.', () =>
    updateProductImage(text(form, 'imageId'), {
      alt: text(form, 'alt'),
      position: Number(text(form, 'position')),
    }),
  );
}

export async function deleteImage(form: FormData): Promise<never> {
  const id = text(form, 'productId');
  return change(editPage(id), 'Image removed.', () => deleteProductImage(text(form, 'imageId')));
}

export interface ImportState {
  report?: CatalogImportReport;
  problem?: string;
  /** The pasted rows, kept in the form for a second go (a real import after a dry run). */
  csv?: string;
}

/** The CSV import page's form: a file or pasted text, checked only or imported. */
export async function importCatalog(_previous: ImportState, form: FormData): Promise<ImportState> {
  const file = form.get('file');
  const pasted = text(form, 'csv');
  const csv = file instanceof File && file.size > 0 ? await file.text() : pasted;
  if (!csv) return { problem: 'Choose a CSV file or paste its contents.' };
  const kept = pasted ? { csv: pasted } : {};
  const dryRun = form.get('dryRun') === 'on';
  try {
    const report = await importCatalogCsv(csv, dryRun);
    return { report, ...kept };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    const details = error.details as { missing?: string[]; unknown?: string[] } | undefined;
    const extra = [
      details?.missing?.length ? `missing: ${details.missing.join(', ')}` : '',
      details?.unknown?.length ? `not known: ${details.unknown.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return { problem: extra ? `${error.message} (${extra})` : error.message, ...kept };
  }
}

export async function createCategory(form: FormData): Promise<never> {
  const parentSlug = text(form, 'parentSlug');
  return change('/admin/categories', `Category ${text(form, 'name')} created.`, () =>
    createAdminCategory({
      slug: text(form, 'slug').toLowerCase(),
      name: text(form, 'name'),
      description: text(form, 'description'),
      parentSlug: parentSlug || null,
    }),
  );
}

/** Moves a category under another one, or to the top; the service refuses loops. */
export async function moveCategory(form: FormData): Promise<never> {
  const slug = text(form, 'slug');
  const parentSlug = text(form, 'parentSlug');
  return change('/admin/categories', `Category ${slug} moved.`, () =>
    updateAdminCategory(slug, { parentSlug: parentSlug || null }),
  );
}

/** Creates a product with its first variant; a refusal comes back beside the fields. */
export async function createProduct(
  previous: FormOutcome<NewProductField>,
  form: FormData,
): Promise<FormOutcome<NewProductField>> {
  const values = formValues(form, newProductFields);
  let created: AdminProduct;
  try {
    created = await createAdminProduct(newProductBody(values));
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    const summary = 'The product was not created: check the fields marked below.';
    return refusedForm(previous, values, error, newProductRefusals, summary);
  }
  redirect(`${editPage(created.id)}?notice=${encodeURIComponent('Product created.')}`);
}
