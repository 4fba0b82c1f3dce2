'use server';

import type { AdminProduct, CatalogImportReport } from '@makrx/contracts';
import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { formValues, refusedForm, type FormOutcome } from '../../lib/form-outcome';
import {
  createAdminCategory,
  createAdminProduct,
  importCatalogCsv,
  updateAdminCategory,
} from './api';
import {
  newProductBody,
  newProductFields,
  newProductRefusals,
  type NewProductField,
} from './new-product';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const editPage = (id: string) => `/admin/products/${encodeURIComponent(id)}`;

/** Runs one change and comes back to `back` saying what happened (works without JS). */
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
