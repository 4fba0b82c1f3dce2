'use client';

import { useEffect, useState } from 'react';
import { SelectField } from '../../../components/form-field';
import type { RegionGroup } from '../regions';

/**
 * The state or province, picked from the country's ISO 3166-2 subdivisions. Without
 * JavaScript it lists every country's, grouped by country (the store refuses a region of
 * another country, naming the field); with it, only the country chosen above, and nothing at
 * all for a country whose addresses need none. Typing a name in the open list jumps to it.
 */
export function RegionSelect({
  groups,
  country: startingCountry,
  defaultValue,
  error,
}: {
  groups: RegionGroup[];
  country: string;
  defaultValue: string;
  error: string | null;
}) {
  const [country, setCountry] = useState<string | undefined>(undefined);
  useEffect(() => {
    const select = document.getElementById('country') as HTMLSelectElement | null;
    if (!select) return;
    const follow = () => setCountry(select.value);
    follow();
    select.addEventListener('change', follow);
    return () => select.removeEventListener('change', follow);
  }, []);
  const shown = country === undefined ? groups : groups.filter((g) => g.country === country);
  if (country !== undefined && shown.length === 0) {
    return <input type="hidden" name="region" value="" />;
  }
  const only = shown.length === 1 ? shown[0] : undefined;
  return (
    <SelectField
      // A new list is a new select: it starts on the kept state for the country the form
      // started with, and on nothing for another country.
      key={country ?? 'every-country'}
      id="region"
      label="State or province"
      autoComplete="address-level1"
      defaultValue={country === undefined || country === startingCountry ? defaultValue : ''}
      hint={
        only
          ? `Sets the sales tax for ${only.countryName}.`
          : 'For the United States, Canada, India and Australia; sets the sales tax.'
      }
      error={error}
      wrapperClassName="sm:col-span-3"
    >
      <option value="">{only ? 'Choose…' : 'Not needed for this country'}</option>
      {only
        ? only.regions.map((region) => (
            <option key={region.value} value={region.value}>
              {region.name}
            </option>
          ))
        : shown.map((group) => (
            <optgroup key={group.country} label={group.countryName}>
              {group.regions.map((region) => (
                <option key={region.value} value={region.value}>
                  {region.name}
                </option>
              ))}
            </optgroup>
          ))}
    </SelectField>
  );
}
