import { postalCodeShape, type ShippingMethod } from '@makrx/contracts';
import { cx, formatPrice } from '@makrx/ui';
import { SelectField, TextField } from '../../../components/form-field';
import { fieldMessages } from '../checkout-input';
import { shippingCountries } from '../countries';
import { regionGroups, regionValueOf } from '../regions';
import { LiveShippingMethod } from './live-shipping-method';
import { RegionSelect } from './region-select';

const errorFor = (invalid: string[], field: string) =>
  invalid.includes(field) ? (fieldMessages[field] ?? 'Check this field.') : null;

export function ContactFields({ email, invalid }: { email?: string; invalid: string[] }) {
  return (
    <TextField
      id="email"
      label="Email"
      type="email"
      autoComplete="email"
      defaultValue={email}
      required
      hint="We send your order confirmation and a link to follow it here."
      error={errorFor(invalid, 'email')}
    />
  );
}

export function AddressFields({
  values,
  invalid,
}: {
  values: Partial<Record<string, string>>;
  invalid: string[];
}) {
  const country = values.country || 'US';
  const postalExample = postalCodeShape(country)?.example;
  return (
    <div className="grid gap-5 sm:grid-cols-6">
      <TextField
        id="name"
        label="Full name"
        autoComplete="name"
        defaultValue={values.name}
        required
        error={errorFor(invalid, 'name')}
        wrapperClassName="sm:col-span-6"
      />
      <TextField
        id="line1"
        label="Street address"
        autoComplete="address-line1"
        defaultValue={values.line1}
        required
        error={errorFor(invalid, 'line1')}
        wrapperClassName="sm:col-span-6"
      />
      <TextField
        id="line2"
        label="Apartment, suite, etc. (optional)"
        autoComplete="address-line2"
        defaultValue={values.line2}
        wrapperClassName="sm:col-span-6"
      />
      <SelectField
        id="country"
        label="Country"
        autoComplete="country"
        defaultValue={country}
        error={errorFor(invalid, 'country')}
        wrapperClassName="sm:col-span-3"
      >
        {shippingCountries.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </SelectField>
      <RegionSelect
        groups={regionGroups}
        country={country}
        defaultValue={regionValueOf(country, values.region)}
        error={errorFor(invalid, 'region')}
      />
      <TextField
        id="city"
        label="City"
        autoComplete="address-level2"
        defaultValue={values.city}
        required
        error={errorFor(invalid, 'city')}
        wrapperClassName="sm:col-span-3"
      />
      <TextField
        id="postalCode"
        label="Postal code"
        autoComplete="postal-code"
        defaultValue={values.postalCode}
        required
        hint={postalExample ? `For example ${postalExample}.` : undefined}
        error={
          invalid.includes('postalCode')
            ? `Enter the postal code as it is written in that country${postalExample ? `, such as ${postalExample}` : ''}.`
            : null
        }
        wrapperClassName="sm:col-span-3"
      />
      <TextField
        id="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        defaultValue={values.phone}
        hint="With the country code, such as +1 415 555 0100; only for the courier."
        error={errorFor(invalid, 'phone')}
        wrapperClassName="sm:col-span-6"
      />
    </div>
  );
}

/** The rate a method costs for this subtotal: free above its threshold. */
export const rateFor = (method: ShippingMethod, subtotalCents: number) =>
  method.freeFromCents !== null && subtotalCents >= method.freeFromCents ? 0 : method.rateCents;

export function ShippingOptions({
  methods,
  selected,
  subtotalCents,
  currency,
  invalid,
}: {
  methods: ShippingMethod[];
  selected?: string;
  subtotalCents: number;
  currency: string;
  invalid: string[];
}) {
  const chosen = selected ?? methods[0]?.code;
  const error = errorFor(invalid, 'shippingMethod');
  return (
    <fieldset aria-describedby={error ? 'shipping-error' : undefined}>
      <legend className="text-sm font-medium text-ink-900">Shipping method</legend>
      {error ? (
        <p id="shipping-error" className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <LiveShippingMethod />
      <div className="mt-3 space-y-3">
        {methods.map((method) => {
          const rate = rateFor(method, subtotalCents);
          return (
            <label
              key={method.code}
              className={cx(
                'flex cursor-pointer items-start gap-3 rounded-xl border border-ink-200 bg-white p-4 transition-colors',
                'has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50/60 has-[:checked]:ring-1 has-[:checked]:ring-accent-600',
                'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-600',
              )}
            >
              <input
                type="radio"
                name="shippingMethod"
                value={method.code}
                defaultChecked={method.code === chosen}
                className="mt-1 size-4 accent-accent-600"
              />
              <span className="flex-1">
                <span className="flex items-center justify-between gap-4">
                  <span className="font-semibold text-ink-950">{method.name}</span>
                  <span className="font-semibold text-ink-950 tabular-nums">
                    {rate === 0 ? 'Free' : formatPrice(rate, currency)}
                  </span>
                </span>
                <span className="mt-0.5 block text-sm text-ink-600">{method.description}</span>
                {method.pickupAt ? (
                  <span className="mt-1 block text-sm text-ink-800">
                    At <span className="font-medium">{method.pickupAt.name}</span>,{' '}
                    {method.pickupAt.address}
                  </span>
                ) : null}
                {method.freeFromCents !== null && rate > 0 ? (
                  <span className="mt-0.5 block text-xs text-ink-500">
                    Free from {formatPrice(method.freeFromCents, currency)}
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
