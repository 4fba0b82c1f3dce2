import { iso31662 } from 'iso-3166/2';
import { shippingCountries } from './countries';

/** The countries whose addresses name a state or province: the buyer picks it from a list. */
const countriesWithRegions: ReadonlySet<string> = new Set(['US', 'CA', 'IN', 'AU']);

export interface RegionGroup {
  country: string;
  countryName: string;
  /** `value` is the full ISO 3166-2 code (`US-CA`): the store service keeps `CA`. */
  regions: { value: string; name: string }[];
}

/**
 * Each shipping country's top-level ISO 3166-2 subdivisions, by name, for the address form's
 * region select. Read on the server only: the list never ships in the page's scripts.
 */
export const regionGroups: RegionGroup[] = shippingCountries
  .filter((country) => countriesWithRegions.has(country.code))
  .map((country) => ({
    country: country.code,
    countryName: country.name,
    regions: iso31662
      .filter((region) => region.parent === country.code)
      .map((region) => ({ value: region.code, name: region.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  }));

/** The select's value for a kept address: `US-CA` for country US and region CA. */
export const regionValueOf = (country: string | undefined, region: string | undefined) =>
  !region ? '' : region.includes('-') || !country ? region : `${country}-${region}`;
