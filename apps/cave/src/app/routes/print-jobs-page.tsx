import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { EmptyState, ShieldIcon } from '@makrx/ui';
import { useParams } from 'react-router-dom';
import { useMachines } from '../../features/equipment/api';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import {
  useEarnings,
  useOfferings,
  useProviderJobs,
  useProviderSettings,
} from '../../features/print-jobs/api';
import { EarningsPanel } from '../../features/print-jobs/components/earnings-panel';
import { JobQueue } from '../../features/print-jobs/components/job-queue';
import { OfferingsPanel } from '../../features/print-jobs/components/offerings-panel';
import { ProviderSettingsPanel } from '../../features/print-jobs/components/settings-panel';
import { MakerspaceFrame } from '../makerspace-frame';
import { listLoading, Section } from './page-sections';

/** A makerspace's 3D printers, which offerings and jobs are placed on. */
function usePrinters(slug: string) {
  return useMachines(slug, { type: '3d_printer' });
}

function Queue({ slug, timeZone }: { slug: string; timeZone: string }) {
  const jobs = useProviderJobs(slug);
  const printers = usePrinters(slug);
  if (jobs.isPending || printers.isPending) return listLoading('the job queue');
  if (jobs.isError || printers.isError)
    return (
      <ServiceErrorState
        error={(jobs.error ?? printers.error)!}
        subject="the print jobs"
        onRetry={() => void Promise.all([jobs.refetch(), printers.refetch()])}
      />
    );
  if (jobs.data.length === 0)
    return (
      <EmptyState
        icon={<ShieldIcon />}
        title="No print jobs yet"
        description="Paid orders from MakrX.Store that fit your printers are offered here; you accept or reject each one."
      />
    );
  return <JobQueue slug={slug} jobs={jobs.data} printers={printers.data} timeZone={timeZone} />;
}

function Offerings({ slug }: { slug: string }) {
  const offerings = useOfferings(slug);
  const printers = usePrinters(slug);
  const settings = useProviderSettings(slug);
  if (offerings.isPending || printers.isPending || settings.isPending)
    return listLoading('the offerings');
  if (offerings.isError || printers.isError || settings.isError)
    return (
      <ServiceErrorState
        error={(offerings.error ?? printers.error ?? settings.error)!}
        subject="the offerings"
        onRetry={() => void Promise.all([offerings.refetch(), printers.refetch()])}
      />
    );
  return (
    <OfferingsPanel
      slug={slug}
      offerings={offerings.data}
      printers={printers.data}
      currency={settings.data.currency}
    />
  );
}

function Settings({ slug }: { slug: string }) {
  const settings = useProviderSettings(slug);
  if (settings.isPending) return listLoading('the settings');
  if (settings.isError)
    return (
      <ServiceErrorState
        error={settings.error}
        subject="the print job settings"
        onRetry={() => void settings.refetch()}
      />
    );
  return <ProviderSettingsPanel slug={slug} settings={settings.data} />;
}

function Earnings({ slug }: { slug: string }) {
  const earnings = useEarnings(slug);
  if (earnings.isPending) return listLoading('the earnings');
  if (earnings.isError)
    return (
      <ServiceErrorState
        error={earnings.error}
        subject="the earnings"
        onRetry={() => void earnings.refetch()}
      />
    );
  return <EarningsPanel slug={slug} earnings={earnings.data} />;
}

/**
 * The makerspace's print service, for its service providers: the jobs offered to it, what it
 * offers on which printer, how it takes jobs, and what the accepted ones earned.
 */
export function PrintJobsPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const space = makerspace.data;
  useDocumentTitle(space ? `Print jobs · ${space.name}` : 'Print jobs');
  return (
    <MakerspaceFrame
      slug={slug}
      title="Print jobs"
      description="Orders from MakrX.Store routed to your printers: accept them into the calendar or pass them on, and keep your offerings and prices current."
    >
      <MakerspaceGate
        slug={slug}
        needs="providePrints"
        audience="this makerspace’s service providers"
      >
        <div className="space-y-10">
          <Section id="queue-heading" title="Job queue">
            {space ? <Queue slug={slug} timeZone={space.timeZone} /> : listLoading('the job queue')}
          </Section>
          <Section id="offerings-heading" title="Offerings">
            <Offerings slug={slug} />
          </Section>
          <Section id="settings-heading" title="Settings">
            <Settings slug={slug} />
          </Section>
          <Section id="earnings-heading" title="Earnings">
            <Earnings slug={slug} />
          </Section>
        </div>
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
