import type { DirectoryFacet } from '@makrx/contracts';
import { FormField, inputClasses } from '@makrx/ui';
import type { DirectoryFilter } from '../api';

export interface DirectoryFiltersProps {
  filter: DirectoryFilter;
  facets: { skills: DirectoryFacet[]; cities: DirectoryFacet[] } | undefined;
  onChange: (filter: DirectoryFilter) => void;
}

/** Options for one filter: the makers' values, most common first, and the chosen one always. */
function optionsOf(facets: DirectoryFacet[] | undefined, chosen: string | undefined) {
  const options = facets ?? [];
  return chosen && !options.some((o) => o.value.toLowerCase() === chosen.toLowerCase())
    ? [{ value: chosen, count: 0 }, ...options]
    : options;
}

/** Narrows the directory to a skill and a city (the page's `?skill=` and `?city=`). */
export function DirectoryFilters({ filter, facets, onChange }: DirectoryFiltersProps) {
  const selected = (chosen: string | undefined, options: DirectoryFacet[]) =>
    options.find((o) => o.value.toLowerCase() === chosen?.toLowerCase())?.value ?? '';
  const skills = optionsOf(facets?.skills, filter.skill);
  const cities = optionsOf(facets?.cities, filter.city);
  return (
    <form
      aria-label="Filter makers"
      className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end"
      onSubmit={(event) => event.preventDefault()}
    >
      <FormField label="Skill" className="sm:w-64">
        {(field) => (
          <select
            {...field}
            className={inputClasses}
            value={selected(filter.skill, skills)}
            onChange={(event) => onChange({ ...filter, skill: event.target.value || undefined })}
          >
            <option value="">Any skill</option>
            {skills.map((option) => (
              <option key={option.value} value={option.value}>
                {option.value}
                {option.count ? ` (${option.count})` : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="City" className="sm:w-64">
        {(field) => (
          <select
            {...field}
            className={inputClasses}
            value={selected(filter.city, cities)}
            onChange={(event) => onChange({ ...filter, city: event.target.value || undefined })}
          >
            <option value="">Any city</option>
            {cities.map((option) => (
              <option key={option.value} value={option.value}>
                {option.value}
                {option.count ? ` (${option.count})` : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {filter.skill || filter.city ? (
        <button
          type="button"
          className="h-10 self-start rounded-lg px-3 text-sm font-semibold text-accent-700 hover:bg-accent-50 sm:self-auto"
          onClick={() => onChange({})}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
