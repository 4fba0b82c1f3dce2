import type {
  MembershipInvoice,
  MembershipInvoiceList,
  MembershipPlan,
  MembershipPlanList,
  Subscription,
} from '@makrx/contracts';
import { ApiError, apiUrl, useAuthenticatedFetch, useRuntimeConfig } from '@makrx/spa-kit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

const billingPath = (slug: string) => `${spacePath(slug)}/billing`;
const billingKey = (slug: string) => ['billing', slug] as const;

/** The plans (archived ones too for the makerspace's admins) and the currency they are in. */
export function usePlans(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...billingKey(slug), 'plans'],
    queryFn: ({ signal }) => api<MembershipPlanList>(`${billingPath(slug)}/plans`, { signal }),
  });
}

/** Every member's subscriptions (the makerspace's admins). */
export function useSubscriptions(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...billingKey(slug), 'subscriptions'],
    queryFn: ({ signal }) =>
      api<{ items: Subscription[] }>(`${billingPath(slug)}/subscriptions`, { signal }),
    select: (list) => list.items,
  });
}

/** Invoices, newest first: my own, or every member's for the makerspace's admins. */
export function useInvoices(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...billingKey(slug), 'invoices'],
    queryFn: ({ signal }) =>
      api<MembershipInvoiceList>(`${billingPath(slug)}/invoices`, { signal }),
    select: (list) => list.items,
  });
}

/**
 * Saves an invoice's PDF. The file is asked for with the signed-in person's token (it is not
 * a public address), then handed to the browser as a download.
 */
export function useInvoicePdf(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useMutation({
    mutationFn: async (invoice: Pick<MembershipInvoice, 'id' | 'number'>) => {
      const response = await send(
        apiUrl(caveApiUrl, `/api/v1${billingPath(slug)}/invoices/${invoice.id}.pdf`),
        { headers: { Accept: 'application/pdf' } },
      );
      if (!response.ok)
        throw new ApiError(response.status, 'DOWNLOAD_FAILED', 'The PDF could not be downloaded.');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `${invoice.number}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    },
  });
}

export interface PlanDraft {
  name: string;
  interval: 'monthly' | 'yearly';
  priceCents: number;
  includedHours: number;
  discountPercent: number;
  premium: boolean;
}

/** The admins' changes: plans, subscriptions, desk payments and voids. */
export function useBillingAdmin(slug: string) {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: billingKey(slug) });
  const base = billingPath(slug);
  return {
    createPlan: useMutation({
      mutationFn: (plan: PlanDraft) =>
        api<MembershipPlan>(`${base}/plans`, { method: 'POST', body: plan }),
      onSuccess,
    }),
    archivePlan: useMutation({
      mutationFn: (planId: string) =>
        api<MembershipPlan>(`${base}/plans/${planId}`, {
          method: 'PATCH',
          body: { archived: true },
        }),
      onSuccess,
    }),
    subscribe: useMutation({
      mutationFn: (input: { userId: string; planId: string; startsOn: string }) =>
        api<Subscription>(`${base}/subscriptions`, { method: 'POST', body: input }),
      onSuccess,
    }),
    recordPayment: useMutation({
      mutationFn: ({
        invoiceId,
        ...payment
      }: {
        invoiceId: string;
        method: 'cash' | 'upi' | 'bank_transfer' | 'card_terminal';
        reference: string;
      }) =>
        api<MembershipInvoice>(`${base}/invoices/${invoiceId}/payments`, {
          method: 'POST',
          body: payment,
        }),
      onSuccess,
    }),
    voidInvoice: useMutation({
      mutationFn: (invoiceId: string) =>
        api<MembershipInvoice>(`${base}/invoices/${invoiceId}/void`, { method: 'POST' }),
      onSuccess,
    }),
  };
}
