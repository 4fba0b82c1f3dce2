import type { SavedAddress, SavedAddressInput } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import { Button } from '@makrx/ui';
import { useId, useState, type FormEvent } from 'react';
import { useSaveAddress } from '../api';
import { countries } from './countries';

type Field = 'name' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country' | 'phone';

const labels: Record<Field, string> = {
  name: 'Full name',
  line1: 'Address',
  line2: 'Apartment, suite, floor (optional)',
  city: 'City',
  region: 'State or region code (optional)',
  postalCode: 'Postal code',
  country: 'Country',
  phone: 'Phone (optional)',
};
const required: Field[] = ['name', 'line1', 'city', 'postalCode', 'country'];
const autoComplete: Record<Field, string> = {
  name: 'shipping name',
  line1: 'shipping address-line1',
  line2: 'shipping address-line2',
  city: 'shipping address-level2',
  region: 'shipping address-level1',
  postalCode: 'shipping postal-code',
  country: 'shipping country',
  phone: 'shipping tel',
};

/** The field errors the service named (`details: [{ field, message }]`). */
function fieldErrorsOf(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const found: Partial<Record<Field, string>> = {};
  for (const detail of error.details as Array<{ field?: string; message?: string }>) {
    if (detail.field && detail.field in labels)
      found[detail.field as Field] = detail.message ?? 'Check this field.';
  }
  return found;
}

const inputClasses =
  'mt-1.5 block h-10 w-full rounded-lg border border-ink-300 bg-white px-3 text-sm text-ink-900 shadow-sm aria-invalid:border-red-600';

export interface AddressFormProps {
  /** The address being edited; a new one when left out. */
  address?: SavedAddress;
  /** Whether this will be the user's first address (which becomes the default anyway). */
  first: boolean;
  onDone: () => void;
  onCancel?: () => void;
}

export function AddressForm({ address, first, onDone, onCancel }: AddressFormProps) {
  const id = useId();
  const save = useSaveAddress();
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const errors = { ...fieldErrorsOf(save.error), ...missing };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (field: Field) => String(form.get(field) ?? '').trim();
    const blank: Partial<Record<Field, string>> = {};
    for (const field of required)
      if (!value(field)) blank[field] = `Enter the ${labels[field].toLowerCase()}.`;
    setMissing(blank);
    if (Object.keys(blank).length > 0) return;
    const input: SavedAddressInput = {
      name: value('name'),
      line1: value('line1'),
      line2: value('line2') || undefined,
      city: value('city'),
      region: value('region') || undefined,
      postalCode: value('postalCode'),
      country: value('country'),
      phone: value('phone') || undefined,
      isDefault: form.get('isDefault') === 'on' || undefined,
    };
    save.mutate({ id: address?.id, address: input }, { onSuccess: onDone });
  };

  const field = (name: Field, className = '') => {
    const error = errors[name];
    const inputId = `${id}-${name}`;
    const common = {
      id: inputId,
      name,
      autoComplete: autoComplete[name],
      required: required.includes(name),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${inputId}-error` : undefined,
      className: inputClasses,
    };
    return (
      <div className={className}>
        <label htmlFor={inputId} className="block text-sm font-semibold text-ink-900">
          {labels[name]}
        </label>
        {name === 'country' ? (
          <select {...common} defaultValue={address?.country ?? ''}>
            <option value="" disabled>
              Choose a country…
            </option>
            {countries().map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={name === 'phone' ? 'tel' : 'text'}
            defaultValue={address?.[name] ?? ''}
          />
        )}
        {error ? (
          <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const otherError =
    save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? save.error : null;
  return (
    <form noValidate onSubmit={submit} className="grid gap-4 sm:grid-cols-6">
      {field('name', 'sm:col-span-6')}
      {field('line1', 'sm:col-span-6')}
      {field('line2', 'sm:col-span-6')}
      {field('city', 'sm:col-span-3')}
      {field('region', 'sm:col-span-3')}
      {field('postalCode', 'sm:col-span-2')}
      {field('country', 'sm:col-span-4')}
      {field('phone', 'sm:col-span-6')}
      {first || address?.isDefault ? null : (
        <label className="flex items-center gap-2 text-sm text-ink-800 sm:col-span-6">
          <input type="checkbox" name="isDefault" className="size-4 accent-accent-600" />
          Use this address by default at checkout
        </label>
      )}
      {otherError ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-6">
          {otherError.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3 sm:col-span-6">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : address ? 'Save changes' : 'Save address'}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
