import { cx } from '@makrx/ui';
import type { ReactNode } from 'react';
import type { CityCount } from '../api';

export interface CityFilterProps {
  cities: CityCount[];
  selected?: string;
  hrefFor: (city?: string) => string;
}

interface CityLinkProps {
  href: string;
  current: boolean;
  label: ReactNode;
  count: number;
}

function CityLink({ href, current, label, count }: CityLinkProps) {
  return (
    <a
      href={href}
      aria-current={current ? 'true' : undefined}
      className={cx(
        'inline-flex h-9 items-center gap-2 rounded-full px-4 text-sm font-medium whitespace-nowrap ring-1 transition-colors ring-inset',
        current
          ? 'bg-accent-600 text-white ring-accent-600'
          : 'bg-white text-ink-700 ring-ink-200 hover:bg-ink-50 hover:text-ink-950 hover:ring-ink-300',
      )}
    >
      {label}
      <span className={cx('tabular-nums', current ? 'text-accent-100' : 'text-ink-500')}>
        {count}
      </span>
    </a>
  );
}

export function CityFilter({ cities, selected, hrefFor }: CityFilterProps) {
  const selectedKey = selected?.toLowerCase();
  const knows = cities.some(({ city }) => city.toLowerCase() === selectedKey);
  const shown = selected && !knows ? [...cities, { city: selected, count: 0 }] : cities;
  const total = cities.reduce((sum, { count }) => sum + count, 0);

  return (
    <nav aria-label="Filter by city">
      <ul className="flex flex-wrap gap-2">
        <li>
          <CityLink
            href={hrefFor(undefined)}
            current={!selected}
            label="All cities"
            count={total}
          />
        </li>
        {shown.map(({ city, count }) => (
          <li key={city}>
            <CityLink
              href={hrefFor(city)}
              current={city.toLowerCase() === selectedKey}
              label={city}
              count={count}
            />
          </li>
        ))}
      </ul>
    </nav>
  );
}
