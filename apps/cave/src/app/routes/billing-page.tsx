import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { EmptyState, ShieldIcon } from '@makrx/ui';
import { useParams } from 'react-router-dom';
import { usePlans, useInvoices, useSubscriptions } from '../../features/billing/api';
import { InvoiceList } from '../../features/billing/components/invoice-list';
import { PlansPanel } from '../../features/billing/components/plans-panel';
import { SubscriptionsPanel } from '../../features/billing/components/subscriptions-panel';
import { useMakerspace } from '../../features/makerspaces/api';
import { useMakerspaceAccess } from '../../features/memberships/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { useMembers } from '../../features/members/api';
import { MakerspaceFrame } from '../makerspace-frame';
import { listLoading, Section } from './page-sections';

function Invoices({ slug, canManage }: { slug: string; canManage: boolean }) {
  const invoices = useInvoices(slug);
  if (invoices.isPending) return listLoading('invoices');
  if (invoices.isError)
    return (
      <ServiceErrorState
        error={invoices.error}
        subject="the invoices"
        onRetry={() => void invoices.refetch()}
      />
    );
  if (invoices.data.length === 0)
    return (
      <EmptyState
        icon={<ShieldIcon />}
        title="No invoices yet"
        description={
          canManage
            ? 'Each month’s invoices appear here once they are issued.'
            : 'Your plan’s invoices appear here at the start of each month.'
        }
      />
    );
  return <InvoiceList slug={slug} invoices={invoices.data} canManage={canManage} />;
}

function Plans({ slug }: { slug: string }) {
  const plans = usePlans(slug);
  if (plans.isPending) return listLoading('plans');
  if (plans.isError)
    return (
      <ServiceErrorState
        error={plans.error}
        subject="the plans"
        onRetry={() => void plans.refetch()}
      />
    );
  return <PlansPanel slug={slug} plans={plans.data.items} currency={plans.data.currency} />;
}

function Subscriptions({
  slug,
  makerspaceId,
  timeZone,
}: {
  slug: string;
  makerspaceId: string;
  timeZone: string;
}) {
  const subscriptions = useSubscriptions(slug);
  const plans = usePlans(slug);
  const members = useMembers(makerspaceId);
  if (subscriptions.isPending || plans.isPending || members.isPending)
    return listLoading('subscriptions');
  const failed = subscriptions.error ?? plans.error ?? members.error;
  if (failed || !subscriptions.data || !plans.data || !members.data)
    return (
      <ServiceErrorState
        error={failed ?? new Error('The subscriptions could not be loaded.')}
        subject="the subscriptions"
        onRetry={() =>
          void Promise.all([subscriptions.refetch(), plans.refetch(), members.refetch()])
        }
      />
    );
  return (
    <SubscriptionsPanel
      slug={slug}
      subscriptions={subscriptions.data}
      plans={plans.data.items}
      members={members.data.filter((member) => member.status === 'active')}
      timeZone={timeZone}
    />
  );
}

/**
 * A makerspace's billing: a member's own invoices with their PDFs; for its admins every
 * invoice (settled at the desk or voided here), the plans and who is on which.
 */
export function BillingPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const access = useMakerspaceAccess(slug);
  const canManage = access.status === 'known' && access.runMakerspace;
  const space = makerspace.data;
  useDocumentTitle(space ? `Billing · ${space.name}` : 'Billing');
  return (
    <MakerspaceFrame
      slug={slug}
      title="Billing"
      description={
        canManage
          ? 'Plans, who is on which, and every member’s invoices. Record payments made at the desk.'
          : 'Your membership invoices: what each month cost, and whether it is paid.'
      }
    >
      <MakerspaceGate
        slug={slug}
        needs="viewBilling"
        audience="members and admins of this makerspace"
      >
        <div className="space-y-10">
          <Section id="invoices-heading" title={canManage ? 'Invoices' : 'My invoices'}>
            <Invoices slug={slug} canManage={canManage} />
          </Section>
          {canManage && space ? (
            <>
              <Section id="subscriptions-heading" title="Subscriptions">
                <Subscriptions slug={slug} makerspaceId={space.id} timeZone={space.timeZone} />
              </Section>
              <Section id="plans-heading" title="Plans">
                <Plans slug={slug} />
              </Section>
            </>
          ) : null}
        </div>
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
