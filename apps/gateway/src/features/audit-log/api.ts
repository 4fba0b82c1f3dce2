import type {
  AuditLogFilter,
  AuditLogPage,
  AuditSuggestionList,
  ParkedEventList,
  ReplayedEvent,
} from '@makrx/contracts';
import {
  apiUrl,
  ApiError,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
} from '@makrx/spa-kit';
import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

export const AUDIT_PAGE_SIZE = 25;

const auditKey = ['audit-log'] as const;
const parkedKey = ['parked-events'] as const;

export function useAuditLog(filter: AuditLogFilter, page: number) {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: [...auditKey, filter, page],
    queryFn: ({ signal }) =>
      requestJson<AuditLogPage>(send, authApiUrl, '/api/v1/admin/audit', {
        params: { ...filter, page, pageSize: AUDIT_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the current filter, fetched with the admin's token and handed to the browser. */
export function useAuditCsvDownload() {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useMutation({
    mutationFn: async (filter: AuditLogFilter) => {
      const response = await send(apiUrl(authApiUrl, '/api/v1/admin/audit.csv', { ...filter }));
      if (!response.ok)
        throw new ApiError(response.status, `HTTP_${response.status}`, 'The export failed.');
      // The service names the file too, but a cross-origin page cannot read that header.
      const name = `audit-log-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.csv`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    },
  });
}

export const eventServices = [
  { service: 'auth', label: 'MakrX.org', url: 'authApiUrl' },
  { service: 'cave', label: 'MakrCave', url: 'caveApiUrl' },
  { service: 'store', label: 'MakrX.Store', url: 'storeApiUrl' },
] as const;
export type EventService = (typeof eventServices)[number];

/** Each service's parked events, asked of each service (the outbox is delivered per service). */
export function useParkedEvents() {
  const config = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQueries({
    queries: eventServices.map((service) => ({
      queryKey: [...parkedKey, service.service],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        requestJson<ParkedEventList>(send, config[service.url], '/api/v1/admin/events/parked', {
          signal,
        }),
    })),
  });
}

export function useReplayEvent() {
  const config = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ service, id }: { service: EventService; id: number }) =>
      requestJson<ReplayedEvent>(send, config[service.url], `/api/v1/admin/events/${id}/replay`, {
        method: 'POST',
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: parkedKey }),
        queryClient.invalidateQueries({ queryKey: auditKey }),
      ]),
  });
}

/** The filters' type-ahead: people by name or email, entities by kind, id or name. */
export function useAuditSuggestions(kind: 'person' | 'entity', q: string) {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const query = q.trim();
  return useQuery({
    queryKey: [...auditKey, 'suggestions', kind, query],
    queryFn: ({ signal }) =>
      requestJson<AuditSuggestionList>(send, authApiUrl, '/api/v1/admin/audit/suggestions', {
        params: { kind, q: query },
        signal,
      }),
    enabled: query.length > 0,
    staleTime: 30_000,
  });
}
