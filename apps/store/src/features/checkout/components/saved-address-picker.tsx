import type { SavedAddress } from '@makrx/contracts';
import { shippingCountries } from '../countries';

const countryName = (code: string) =>
  shippingCountries.find((country) => country.code === code)?.name ?? code;

/**
 * A signed-in buyer picks one of the addresses they keep on MakrX.org (the default is picked
 * for them); "another address" opens the typed form (`anotherHref`), so it works without
 * JavaScript and no hidden field is required.
 */
export function SavedAddressPicker({
  addresses,
  selected,
  invalid,
  anotherHref,
  manageUrl,
}: {
  addresses: SavedAddress[];
  selected: string | undefined;
  invalid: string[];
  anotherHref: string;
  manageUrl: string;
}) {
  const link = 'font-medium text-accent-700 underline-offset-4 hover:underline';
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="sr-only">Ship to one of your saved addresses</legend>
        {invalid.includes('savedAddress') ? (
          <p role="alert" className="mb-3 text-sm font-medium text-red-700">
            That address is no longer saved; choose another.
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {addresses.map((address) => (
            <label
              key={address.id}
              className="flex cursor-pointer items-start gap-3 rounded-xl border border-ink-200 bg-white p-4 has-checked:border-accent-600 has-checked:bg-accent-50 has-checked:ring-1 has-checked:ring-accent-600"
            >
              <input
                type="radio"
                name="savedAddress"
                value={address.id}
                required
                defaultChecked={selected === address.id}
                className="mt-1 size-4 shrink-0 accent-accent-600"
              />
              <span className="text-sm leading-6 text-ink-700">
                <span className="flex flex-wrap items-center gap-2 font-semibold text-ink-950">
                  {address.name}
                  {address.isDefault ? (
                    <span className="rounded-full bg-accent-100 px-2 text-xs font-medium text-accent-800">
                      Default
                    </span>
                  ) : null}
                </span>
                <span className="block">
                  {[address.line1, address.line2].filter(Boolean).join(', ')}
                </span>
                <span className="block">
                  {[address.city, address.region, address.postalCode].filter(Boolean).join(', ')}
                </span>
                <span className="block">{countryName(address.country)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <a href={anotherHref} className={link}>
          Ship to another address
        </a>
        <a href={manageUrl} className={link}>
          Manage your addresses on MakrX.org
        </a>
      </p>
    </div>
  );
}
