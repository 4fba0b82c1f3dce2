'use client';

import { useActionState, type ReactNode } from 'react';
import { Button, cx } from '@makrx/ui';
import { createProduct, type NewProductState } from '../actions';
import type { NewProductField } from '../new-product';
import { inputClasses, labelClasses } from './admin-frame';

export interface CategoryChoice {
  slug: string;
  /** The name, indented by its depth in the tree: "— Filament". */
  label: string;
}

interface FieldProps {
  field: NewProductField;
  label: string;
  hint?: string;
  state: NewProductState;
  className?: string;
  control: (props: {
    id: string;
    name: string;
    defaultValue: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
    className: string;
  }) => ReactNode;
}

/** A labelled control with its hint and, after a refusal, what is wrong with it. */
function Field({ field, label, hint, state, className, control }: FieldProps) {
  const id = `new-product-${field}`;
  const error = state.errors[field];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      {control({
        id,
        name: field,
        defaultValue: state.values[field] ?? '',
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        className: cx('mt-1.5', inputClasses, 'aria-invalid:ring-red-500'),
      })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-ink-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
      <h2 id={id} className="text-lg font-bold text-ink-950">
        {title}
      </h2>
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}

/** The new-product form; the service checks every field, and says which ones it refused. */
export function NewProductForm({ categories }: { categories: CategoryChoice[] }) {
  const [state, send, pending] = useActionState<NewProductState, FormData>(createProduct, {
    attempt: 0,
    values: {},
    errors: {},
  });
  const input = (props: Parameters<FieldProps['control']>[0]) => <input {...props} />;
  const text = (rows: number) => (props: Parameters<FieldProps['control']>[0]) => (
    <textarea rows={rows} {...props} />
  );
  return (
    <form action={send} className="space-y-6" noValidate>
      {state.problem ? (
        <p
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-900"
        >
          {state.problem}
        </p>
      ) : null}
      {/* A new key per attempt: the fields start again from what was sent (a form reset would
          put the category back to its first option). */}
      <div key={state.attempt} className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Group id="new-product-details" title="Product">
          <Field field="name" label="Name" state={state} control={input} />
          <Field
            field="slug"
            label="Slug"
            hint="Its address in the shop: /products/your-slug."
            state={state}
            control={input}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field field="brand" label="Brand" state={state} control={input} />
            <Field
              field="categorySlug"
              label="Category"
              state={state}
              control={(props) => (
                <select {...props}>
                  <option value="">Choose a category</option>
                  {categories.map((category) => (
                    <option key={category.slug} value={category.slug}>
                      {category.label}
                    </option>
                  ))}
                </select>
              )}
            />
          </div>
          <Field field="summary" label="Summary" state={state} control={input} />
          <Field field="description" label="Description" state={state} control={text(5)} />
          <Field
            field="specs"
            label="Specifications"
            hint="One per line, as Name: value."
            state={state}
            control={(props) => (
              <textarea rows={4} placeholder={'Diameter: 1.75 mm\nWeight: 1 kg'} {...props} />
            )}
          />
        </Group>
        <Group id="new-product-variant" title="First variant">
          <p className="text-sm text-ink-600">
            More variants, stock changes with a reason and photos are added on the product’s page
            once it exists.
          </p>
          <Field
            field="sku"
            label="SKU"
            hint="Capital letters, digits and dashes."
            state={state}
            control={input}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field
              field="price"
              label="Price (USD)"
              state={state}
              control={(props) => <input inputMode="decimal" placeholder="24.99" {...props} />}
            />
            <Field
              field="stock"
              label="Stock"
              state={state}
              control={(props) => <input inputMode="numeric" placeholder="0" {...props} />}
            />
          </div>
          <Field
            field="options"
            label="Options"
            hint="name=value, separated by semicolons: colour=Red; size=1 kg."
            state={state}
            control={input}
          />
        </Group>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create product'}
      </Button>
    </form>
  );
}
