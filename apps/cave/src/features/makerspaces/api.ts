import type { Makerspace, MakerspacePage } from '@makrx/contracts';
import { getJson, useRuntimeConfig } from '@makrx/spa-kit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export const MAKERSPACES_PAGE_SIZE = 9;
/** The service's largest page; the city list is drawn from one page of every makerspace. */
const CITY_SCAN_PAGE_SIZE = 100;

export interface MakerspaceDirectoryQuery {
  page: number;
  city?: string;
}

export function useMakerspaceDirectory({ page, city }: MakerspaceDirectoryQuery) {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makerspaces', 'directory', { page, city }],
    queryFn: ({ signal }) =>
      getJson<MakerspacePage>(
        caveApiUrl,
        '/api/v1/makerspaces',
        { page, pageSize: MAKERSPACES_PAGE_SIZE, city },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export interface CityCount {
  city: string;
  count: number;
}

export function citiesOf(page: MakerspacePage): CityCount[] {
  const counts = new Map<string, number>();
  for (const space of page.items) counts.set(space.city, (counts.get(space.city) ?? 0) + 1);
  return [...counts]
    .map(([city, count]) => ({ city, count }))
    .sort((a, b) => a.city.localeCompare(b.city));
}

export function useMakerspaceCities() {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makerspaces', 'cities'],
    queryFn: ({ signal }) =>
      getJson<MakerspacePage>(
        caveApiUrl,
        '/api/v1/makerspaces',
        { page: 1, pageSize: CITY_SCAN_PAGE_SIZE },
        signal,
      ),
    select: citiesOf,
    staleTime: 5 * 60_000,
  });
}

export function useMakerspace(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['makerspaces', 'detail', slug],
    queryFn: ({ signal }) =>
      getJson<Makerspace>(
        caveApiUrl,
        `/api/v1/makerspaces/${encodeURIComponent(slug)}`,
        undefined,
        signal,
      ),
  });
}
