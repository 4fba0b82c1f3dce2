import type { AnalyticsTable, MakerspaceAnalytics } from '@makrx/contracts';
import {
  ApiError,
  apiUrl,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
} from '@makrx/spa-kit';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Period } from './period';

const analyticsPath = (slug: string) => `/api/v1/makerspaces/${encodeURIComponent(slug)}/analytics`;

/**
 * The makerspace's analytics over the period (the last 30 days when none is asked for), as far
 * as the signed-in person may see them.
 */
export function useMakerspaceAnalytics(slug: string, period: Period | undefined) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: ['analytics', slug, period ?? 'default'],
    queryFn: ({ signal }) =>
      requestJson<MakerspaceAnalytics>(send, caveApiUrl, analyticsPath(slug), {
        params: period ? { from: period.from, to: period.to } : {},
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The file name the service gave the download, or a plain one. */
function fileNameOf(response: Response, table: AnalyticsTable) {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${table}.csv`;
}

/**
 * Downloads one table as CSV. The file is asked for with the signed-in person's token (a plain
 * link would carry none), then handed to the browser as a download.
 */
export function useCsvDownload(slug: string, period: Period | undefined) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useMutation({
    mutationFn: async (table: AnalyticsTable) => {
      if (!period) throw new Error('The period is not known yet.');
      const response = await send(
        apiUrl(caveApiUrl, `${analyticsPath(slug)}/${table}.csv`, {
          from: period.from,
          to: period.to,
        }),
        { headers: { Accept: 'text/csv' } },
      );
      if (!response.ok) {
        throw new ApiError(response.status, 'DOWNLOAD_FAILED', 'The download could not be made.');
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = fileNameOf(response, table);
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    },
  });
}
