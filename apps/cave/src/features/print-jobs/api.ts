import type {
  AcceptJobBody,
  JobStatusChange,
  ModelAnalysis,
  OfferingInput,
  ProviderEarnings,
  ProviderJob,
  ProviderOfferingRow,
  ProviderSettings,
  ProviderSettingsUpdate,
  ProjectPrintOrders,
} from '@makrx/contracts';
import { ApiError, apiUrl, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

const providerPath = (slug: string) => `${spacePath(slug)}/provider`;
const providerKey = (slug: string) => ['provider', slug] as const;

/** How the makerspace takes print jobs. */
export function useProviderSettings(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...providerKey(slug), 'settings'],
    queryFn: ({ signal }) => api<ProviderSettings>(`${providerPath(slug)}/settings`, { signal }),
  });
}

/** The makerspace's offerings: material, quality, machine, prices. */
export function useOfferings(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...providerKey(slug), 'offerings'],
    queryFn: ({ signal }) =>
      api<{ items: ProviderOfferingRow[] }>(`${providerPath(slug)}/offerings`, { signal }),
    select: (list) => list.items,
  });
}

/** The jobs offered to the makerspace, newest first; refreshed every half minute. */
export function useProviderJobs(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...providerKey(slug), 'jobs'],
    queryFn: ({ signal }) =>
      api<{ items: ProviderJob[] }>(`${providerPath(slug)}/jobs`, { signal }),
    select: (list) => list.items,
    refetchInterval: 30_000,
  });
}

export function useProviderJob(slug: string, jobId: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...providerKey(slug), 'jobs', jobId],
    queryFn: ({ signal }) => api<ProviderJob>(`${providerPath(slug)}/jobs/${jobId}`, { signal }),
  });
}

/** The store's analysis of the job's model (fetched by the cave from the store). */
export function useJobAnalysis(slug: string, jobId: string, enabled = true) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...providerKey(slug), 'jobs', jobId, 'analysis'],
    queryFn: ({ signal }) =>
      api<ModelAnalysis>(`${providerPath(slug)}/jobs/${jobId}/analysis`, { signal }),
    enabled,
    // The analysis of a stored file does not change.
    staleTime: Infinity,
  });
}

/**
 * Saves the job's model file. It is asked for with the signed-in provider's token (it is not
 * a public address), then handed to the browser as a download under the customer's file name.
 */
export function useModelDownload(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useMutation({
    mutationFn: async (job: { id: string; file: { name: string } }) => {
      const response = await send(
        apiUrl(caveApiUrl, `/api/v1${providerPath(slug)}/jobs/${job.id}/model`),
      );
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { code?: string; message?: string };
        } | null;
        throw new ApiError(
          response.status,
          'DOWNLOAD_FAILED',
          body?.error?.code === 'STORE_UNREACHABLE'
            ? 'The store, which keeps the model, could not be reached. Try again in a moment.'
            : 'The model could not be downloaded.',
        );
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = job.file.name;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    },
  });
}

export function useEarnings(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...providerKey(slug), 'earnings'],
    queryFn: ({ signal }) => api<ProviderEarnings>(`${providerPath(slug)}/earnings`, { signal }),
  });
}

/** Every change the provider makes: settings, offerings, answers to jobs, job status. */
export function useProviderActions(slug: string) {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: providerKey(slug) });
  const base = providerPath(slug);
  return {
    saveSettings: useMutation({
      mutationFn: (update: ProviderSettingsUpdate) =>
        api<ProviderSettings>(`${base}/settings`, { method: 'PUT', body: update }),
      onSuccess,
    }),
    saveOffering: useMutation({
      mutationFn: ({ id, ...offering }: OfferingInput & { id?: string }) =>
        api<ProviderOfferingRow>(id ? `${base}/offerings/${id}` : `${base}/offerings`, {
          method: id ? 'PUT' : 'POST',
          body: offering,
        }),
      onSuccess,
    }),
    deleteOffering: useMutation({
      mutationFn: (id: string) => api<null>(`${base}/offerings/${id}`, { method: 'DELETE' }),
      onSuccess,
    }),
    accept: useMutation({
      mutationFn: ({ jobId, ...body }: AcceptJobBody & { jobId: string }) =>
        api<ProviderJob>(`${base}/jobs/${jobId}/accept`, { method: 'POST', body }),
      onSuccess,
    }),
    reject: useMutation({
      mutationFn: ({ jobId, reason }: { jobId: string; reason: string }) =>
        api<ProviderJob>(`${base}/jobs/${jobId}/reject`, { method: 'POST', body: { reason } }),
      onSuccess,
    }),
    changeStatus: useMutation({
      mutationFn: ({ jobId, ...change }: JobStatusChange & { jobId: string }) =>
        api<ProviderJob>(`${base}/jobs/${jobId}/status`, { method: 'POST', body: change }),
      onSuccess,
    }),
  };
}

/** The 3D prints ordered for a project (its owner and editors read them). */
export function useProjectPrintOrders(projectSlug: string, enabled = true) {
  const api = useCaveApi();
  return useQuery({
    queryKey: ['projects', projectSlug, 'print-orders'],
    enabled,
    queryFn: ({ signal }) =>
      api<ProjectPrintOrders>(`/projects/${encodeURIComponent(projectSlug)}/print-orders`, {
        signal,
      }),
  });
}
