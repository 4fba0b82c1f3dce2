import type { Metadata } from 'next';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import { AdminFrame, NotAStoreAdmin } from '../../../features/catalog-admin/components/admin-frame';
import { ImportForm } from '../../../features/catalog-admin/components/import-form';

export const metadata: Metadata = { title: 'Import CSV · Store admin', robots: { index: false } };

const columns = [
  [
    'sku',
    'required',
    'The variant’s SKU: capital letters, digits and dashes. Existing SKUs are updated.',
  ],
  [
    'product_slug',
    'required',
    'The product the variant belongs to; rows with the same slug are one product.',
  ],
  ['price', 'required', 'In the store’s currency, like 24.99.'],
  ['stock', 'required', 'Units on the shelf, 0 or more.'],
  ['name', 'for new products', 'The product’s name.'],
  ['category_slug', 'for new products', 'An existing category, e.g. filament.'],
  ['options', 'optional', 'name=value pairs separated by semicolons: colour=Black;size=1 kg'],
  [
    'brand, summary, description, material',
    'optional',
    'Product details; material goes into the specifications.',
  ],
] as const;

export default async function ImportPage() {
  if (!(await requireStoreAdminPage('/admin/import'))) return <NotAStoreAdmin />;
  return (
    <AdminFrame title="Import a catalog" current="import">
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
        <div>
          <ImportForm />
        </div>
        <section
          aria-labelledby="columns-title"
          className="rounded-2xl border border-ink-200 bg-ink-50 p-5 sm:p-6"
        >
          <h2 id="columns-title" className="text-base font-bold text-ink-950">
            Columns
          </h2>
          <p className="mt-1 text-sm text-ink-600">
            One row per variant, the first line naming the columns. Valid rows are saved together;
            each rejected row is listed with its line and the reason.
          </p>
          <dl className="mt-4 space-y-3 text-sm">
            {columns.map(([name, need, meaning]) => (
              <div key={name}>
                <dt>
                  <code className="font-semibold text-ink-950">{name}</code>{' '}
                  <span className="text-xs text-ink-500">({need})</span>
                </dt>
                <dd className="text-ink-700">{meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </AdminFrame>
  );
}
