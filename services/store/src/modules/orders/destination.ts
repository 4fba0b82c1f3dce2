import { postalCodeShape, tidyPostalCode, type ShippingAddressInput } from '@makrx/contracts';
import { badRequest } from '@makrx/service-kit';
import { iso31661 } from 'iso-3166';
import { iso31662 } from 'iso-3166/2';

const countryCodes = new Set(iso31661.map((c) => c.alpha2));

/** A name compared without case, accents or punctuation: "Île-de-France" is "ile de france". */
const folded = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

/** Each country's subdivisions (ISO 3166-2), by code without the country prefix and by name. */
const subdivisionsOf = new Map<string, Map<string, string>>();
for (const { code, name } of iso31662) {
  const [country, region] = code.split('-') as [string, string];
  const lookup = subdivisionsOf.get(country) ?? new Map<string, string>();
  lookup.set(region.toLowerCase(), region);
  lookup.set(folded(name), region);
  subdivisionsOf.set(country, lookup);
}

/**
 * The ISO 3166-2 code (without the country prefix) of a region typed as its code, its full
 * code or its name: "California", "ca" and "US-CA" are all `CA`. Undefined when the country has
 * no such subdivision.
 */
export function regionCodeOf(country: string, typed: string): string | undefined {
  const lookup = subdivisionsOf.get(country);
  if (!lookup) return undefined;
  const key = typed.trim();
  const prefix = `${country}-`;
  const bare = key.toUpperCase().startsWith(prefix) ? key.slice(prefix.length) : key;
  return lookup.get(bare.toLowerCase()) ?? lookup.get(folded(key));
}

/**
 * A shipping address as the store keeps it, or a 400 naming the field: the country is an
 * ISO 3166-1 code, the region its ISO 3166-2 code, the postal code shaped as the country's
 * are, the phone number its digits with the leading +.
 */
export function checkedDestination(address: ShippingAddressInput): ShippingAddressInput {
  const { country } = address;
  if (!countryCodes.has(country)) {
    throw badRequest('VALIDATION_FAILED', `There is no country "${country}".`, [
      { field: 'country', message: 'not an ISO 3166-1 country code' },
    ]);
  }
  let region: string | undefined;
  if (address.region) {
    region = regionCodeOf(country, address.region);
    if (!region) {
      throw badRequest('UNKNOWN_REGION', `"${address.region}" is not a region of ${country}.`, [
        { field: 'region', message: `not one of the regions of ${country}` },
      ]);
    }
  }
  const postalCode = tidyPostalCode(address.postalCode);
  const shape = postalCodeShape(country);
  if (shape && !shape.pattern.test(postalCode)) {
    throw badRequest(
      'INVALID_POSTAL_CODE',
      `"${address.postalCode}" is not a ${country} postal code.`,
      [{ field: 'postalCode', message: `a postal code such as ${shape.example}` }],
    );
  }
  const phone = address.phone?.replace(/[\s().-]/g, '');
  const { region: _typed, phone: _phone, ...rest } = address;
  return {
    ...rest,
    postalCode,
    ...(region ? { region } : {}),
    ...(phone ? { phone } : {}),
  };
}
