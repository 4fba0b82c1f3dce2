import type {
  BomImportResult,
  BomItem,
  BomItemInput,
  BomItemPatch,
  BomPurchaseResult,
  BomQuickReorderResult,
  BomView,
} from '@makrx/contracts';
import {
  ApiError,
  apiUrl,
  useAuthenticatedFetch,
  useRuntimeConfig,
  useSession,
} from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCaveApi } from '../../cave-api';

const bomPath = (slug: string) => `/projects/${encodeURIComponent(slug)}/bom`;
const bomKey = (slug: string) => ['bom', slug] as const;

/** How often an open BOM asks again, so a Store stock or price warning shows within a minute. */
export const BOM_POLL_MS = 30_000;

/** A project's BOM with the Store's live prices, stock and warnings. */
export function useBom(slug: string) {
  const api = useCaveApi();
  const { user } = useSession();
  return useQuery({
    // Asked again as whoever signs in: a guest's refusal is not a member's answer.
    queryKey: [...bomKey(slug), user?.username ?? null],
    queryFn: ({ signal }) => api<BomView>(bomPath(slug), { signal }),
    // A refusal (signed out, not a member) does not change by asking again.
    refetchInterval: (query) =>
      query.state.error instanceof ApiError && query.state.error.status < 500 ? false : BOM_POLL_MS,
  });
}

/** Every change an editor makes to the BOM, and ordering from it. */
export function useBomActions(slug: string) {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: bomKey(slug) });
  const base = bomPath(slug);
  return {
    save: useMutation({
      mutationFn: ({ id, ...item }: (BomItemInput | BomItemPatch) & { id?: string }) =>
        api<BomItem>(id ? `${base}/items/${id}` : `${base}/items`, {
          method: id ? 'PATCH' : 'POST',
          body: item,
        }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<null>(`${base}/items/${id}`, { method: 'DELETE' }),
      onSuccess,
    }),
    importCsv: useMutation({
      mutationFn: (csv: string) =>
        api<BomImportResult>(`${base}/import`, { method: 'POST', body: { csv } }),
      onSuccess,
    }),
    quickReorder: useMutation({
      mutationFn: (itemIds: string[]) =>
        api<BomQuickReorderResult>(`${base}/quick-reorder`, {
          method: 'POST',
          body: { itemIds },
        }),
      onSuccess,
    }),
    purchase: useMutation({
      mutationFn: ({ makerspaceSlug, itemIds }: { makerspaceSlug: string; itemIds: string[] }) =>
        api<BomPurchaseResult>(
          `/makerspaces/${encodeURIComponent(makerspaceSlug)}${base}/purchase`,
          { method: 'POST', body: { itemIds } },
        ),
      onSuccess,
    }),
  };
}

/** Saves the BOM as a CSV file, asked for with the signed-in person's token. */
export function useBomExport(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useMutation({
    mutationFn: async () => {
      const response = await send(apiUrl(caveApiUrl, `/api/v1${bomPath(slug)}.csv`));
      if (!response.ok) {
        throw new ApiError(response.status, 'DOWNLOAD_FAILED', 'The BOM could not be exported.');
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `${slug}-bom.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    },
  });
}

/** Why a change was refused, in words for the person who tried it. */
export function refusalOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'That did not work. Try again in a moment.';
  if (error.code === 'SERVICE_UNREACHABLE') {
    return 'MakrCave could not be reached, so nothing changed. Try again in a moment.';
  }
  return error.message;
}
