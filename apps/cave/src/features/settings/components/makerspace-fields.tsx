import { FormField, inputClasses } from '@makrx/ui';
import { currencyOptions, zonesWith } from '../presentation';

const visibilities = [
  ['public', 'Public', 'Listed in the MakrCave directory; anyone can read its page.'],
  ['unlisted', 'Unlisted', 'Left out of the directory; members reach it from their home.'],
] as const;

/** Public or unlisted, as the field `visibility`: the settings and the new makerspace form. */
export function VisibilityChoice({ isPublic }: { isPublic: boolean }) {
  return (
    <div role="radiogroup" aria-label="Who finds it" className="space-y-2">
      {visibilities.map(([value, label, hint]) => (
        <label key={value} className="flex items-start gap-3 text-sm">
          <input
            type="radio"
            name="visibility"
            value={value}
            defaultChecked={(value === 'public') === isPublic}
            className="mt-0.5 size-4"
          />
          <span>
            <span className="font-medium text-ink-950">{label}</span>
            <span className="block text-ink-600">{hint}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/** The makerspace's IANA zone, as the field `timeZone`, starting at `zone`. */
export function TimeZoneField({ zone, error }: { zone: string; error?: string }) {
  return (
    <FormField
      label="Time zone"
      hint="Opening hours, bookings and sessions are told in this zone."
      error={error}
    >
      {(field) => (
        <select {...field} name="timeZone" defaultValue={zone} className={inputClasses}>
          {zonesWith(zone).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Where it is, as the fields `city` and `country`, side by side from small screens up. */
export function CityAndCountry({
  city = '',
  country = '',
  errors,
}: {
  city?: string;
  country?: string;
  errors: Record<string, string>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="City" error={errors.city}>
        {(field) => (
          <input
            {...field}
            name="city"
            required
            maxLength={80}
            defaultValue={city}
            className={inputClasses}
          />
        )}
      </FormField>
      <FormField label="Country" error={errors.country}>
        {(field) => (
          <input
            {...field}
            name="country"
            required
            maxLength={80}
            autoComplete="country-name"
            defaultValue={country}
            className={inputClasses}
          />
        )}
      </FormField>
    </div>
  );
}

/**
 * The currency a makerspace charges in, as the field `currency`: the common currencies first,
 * then all the others. With no `current` (a new makerspace) the first choice is to follow the
 * country, which sends nothing and lets the service take the country's currency.
 */
export function CurrencyField({
  current,
  hint,
  error,
}: {
  current?: string;
  hint: string;
  error?: string;
}) {
  const { common, others } = currencyOptions(current ?? 'USD');
  const options = (list: typeof common) =>
    list.map(({ code, label }) => (
      <option key={code} value={code}>
        {label}
      </option>
    ));
  return (
    <FormField label="Currency" hint={hint} error={error}>
      {(field) => (
        <select {...field} name="currency" defaultValue={current ?? ''} className={inputClasses}>
          {current === undefined ? <option value="">The country’s currency</option> : null}
          <optgroup label="Common">{options(common)}</optgroup>
          <optgroup label="All currencies">{options(others)}</optgroup>
        </select>
      )}
    </FormField>
  );
}
