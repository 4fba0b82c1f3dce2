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

/** One filter's select: "any" first, then each value with how many makers have it. */
function FacetSelect(props: {
  label: string;
  anyLabel: string;
  options: DirectoryFacet[];
  value: string;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <FormField label={props.label} className="sm:w-64">
      {(field) => (
        <select
          {...field}
          className={inputClasses}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value || undefined)}
        >
          <option value="">{props.anyLabel}</option>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.value}
              {option.count ? ` (${option.count})` : ''}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
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
      <FacetSelect
        label="Skill"
        anyLabel="Any skill"
        options={skills}
        value={selected(filter.skill, skills)}
        onChange={(skill) => onChange({ ...filter, skill })}
      />
      <FacetSelect
        label="City"
        anyLabel="Any city"
        options={cities}
        value={selected(filter.city, cities)}
        onChange={(city) => onChange({ ...filter, city })}
      />
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
