import type { AnalyticsTable, MakerspaceAnalytics } from '@makrx/contracts';
import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { ArrowLeftIcon, Container, EmptyState, Skeleton, SparkIcon } from '@makrx/ui';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCsvDownload, useMakerspaceAnalytics } from '../api';
import { describePeriod, periodProblem, type Period } from '../period';
import { BusiestHours } from './busiest-hours';
import { ChartCard } from './chart-card';
import { formatHours } from './format';
import { MembersChart } from './members-chart';
import { NoShowPanel } from './no-shows';
import { PeriodPicker } from './period-picker';
import { RevenueChart } from './revenue-chart';
import { UtilisationChart } from './utilisation-chart';

/**
 * The period in the address (?from=&to=), so a view can be shared; without one the service
 * answers its last 30 days, counted in the makerspace's time zone.
 */
function usePeriod(): [Period | undefined, (period: Period) => void] {
  const [params, setParams] = useSearchParams();
  const asked = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  return [
    periodProblem(asked) ? undefined : asked,
    (next) => setParams({ ...next }, { replace: true }),
  ];
}

/** A makerspace's analytics: how its machines were used, by whom, when, and what it earned. */
export function AnalyticsPage() {
  const { slug = '' } = useParams();
  const [asked, setPeriod] = usePeriod();
  const analytics = useMakerspaceAnalytics(slug, asked);
  const shown = analytics.data;
  const period = shown ? { from: shown.from, to: shown.to } : asked;
  const download = useCsvDownload(slug, period);
  const name = analytics.data?.makerspace.name;
  useDocumentTitle(name ? `Analytics · ${name}` : 'Analytics');
  const refused =
    analytics.error instanceof ApiError && [403, 404].includes(analytics.error.status);

  return (
    <Container className="py-8 sm:py-12">
      <Link
        to={`/makerspaces/${encodeURIComponent(slug)}`}
        className="mb-6 inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-ink-600 hover:text-ink-950"
      >
        <ArrowLeftIcon className="size-4" />
        {name ?? 'Back to the makerspace'}
      </Link>
      <header className="max-w-2xl">
        <p className="text-sm font-semibold text-accent-700">Analytics</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-ink-950">
          How {name ?? 'the makerspace'} is used
        </h1>
        <p className="mt-3 min-h-7 text-base leading-7 text-ink-600">
          {period ? describePeriod(period) : null}
          {analytics.data ? `, in ${analytics.data.timeZone} time.` : null}
        </p>
      </header>
      <div className="mt-6">
        {analytics.data ? (
          <PeriodPicker
            key={`${analytics.data.from}:${analytics.data.to}`}
            period={analytics.data}
            today={analytics.data.today}
            onChange={setPeriod}
          />
        ) : (
          <Skeleton className="h-8 w-full max-w-md rounded-lg" />
        )}
      </div>
      {download.isError ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          The CSV could not be downloaded. Please try again.
        </p>
      ) : null}
      <div className="mt-8">
        {analytics.isPending ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Skeleton className="h-80 rounded-2xl lg:col-span-2" />
            <Skeleton className="h-64 rounded-2xl" />
            <Skeleton className="h-64 rounded-2xl" />
          </div>
        ) : refused ? (
          <EmptyState
            title="Analytics are for the people who run this makerspace"
            description="Its admins and service providers see them here. Ask an admin if you need the numbers."
          />
        ) : analytics.isError ? (
          <ServiceErrorState
            error={analytics.error}
            subject="the analytics"
            onRetry={() => void analytics.refetch()}
          />
        ) : (
          <AnalyticsBoard
            data={analytics.data}
            onDownload={(table) => download.mutate(table)}
            downloading={download.isPending}
          />
        )}
      </div>
    </Container>
  );
}

interface BoardProps {
  data: MakerspaceAnalytics;
  onDownload: (table: AnalyticsTable) => void;
  downloading: boolean;
}

function AnalyticsBoard({ data, onDownload, downloading }: BoardProps) {
  const booked = data.utilisation.reduce((sum, row) => sum + row.bookedHours, 0);
  const used = data.utilisation.reduce((sum, row) => sum + row.usedHours, 0);
  const csv = { onDownload, downloading };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {data.scope === 'own-bookings' ? (
        <p className="rounded-xl bg-accent-50 px-4 py-3 text-sm text-accent-900 ring-1 ring-accent-200 lg:col-span-2">
          You see your own work here: the machine time you booked. The makerspace’s admins see
          everyone’s.
        </p>
      ) : null}
      <ChartCard
        id="utilisation"
        title="Utilisation per machine"
        description={
          booked === 0
            ? `Share of the ${formatHours(data.openHours)} the makerspace was open.`
            : `${formatHours(booked)} booked and ${formatHours(used)} used, as shares of the ${formatHours(data.openHours)} each machine was open.`
        }
        table="utilisation"
        className="lg:col-span-2"
        {...csv}
      >
        {booked === 0 && used === 0 ? (
          <EmptyState
            titleAs="h3"
            title="No machine time booked in this period"
            description="Bookings and check-ins show up here as members use the machines."
            className="py-8 sm:py-10"
          />
        ) : (
          <UtilisationChart rows={data.utilisation} />
        )}
      </ChartCard>
      {data.members ? (
        <ChartCard
          id="members"
          title="Members"
          description="Active: booked or checked in during the month. New: joined during it."
          table="members"
          {...csv}
        >
          <MembersChart months={data.members} />
        </ChartCard>
      ) : null}
      <ChartCard
        id="no-shows"
        title="No-shows"
        description="Bookings nobody checked in to, of those that ended in the period."
        table="no-shows"
        {...csv}
      >
        <NoShowPanel noShows={data.noShows} />
      </ChartCard>
      {data.advanced ? (
        <>
          <ChartCard
            id="busiest-hours"
            title="Busiest hours"
            description={`Booked hours in each hour of the week, added up over the period${data.busiestHours?.length ? '' : ' — none booked in this period'}.`}
            table="busiest-hours"
            {...csv}
          >
            <BusiestHours cells={data.busiestHours ?? []} timeZone={data.timeZone} />
          </ChartCard>
          <ChartCard
            id="revenue"
            title="Revenue"
            description="What was invoiced, month by month."
            table="revenue"
            {...csv}
          >
            <RevenueChart months={data.revenue ?? []} />
          </ChartCard>
        </>
      ) : (
        <AdvancedAnalyticsOff slug={data.makerspace.slug} canManage={data.scope === 'makerspace'} />
      )}
    </div>
  );
}

/** What advanced analytics would add, while the feature is off for the makerspace. */
function AdvancedAnalyticsOff({ slug, canManage }: { slug: string; canManage: boolean }) {
  return (
    <EmptyState
      className="lg:col-span-2"
      icon={<SparkIcon className="size-6" />}
      title="Advanced analytics is off for this makerspace"
      description={
        <>
          With it on, this page also shows the busiest hours of the week, no-shows per machine and
          revenue by month.
          {canManage ? ' Its admins switch it on under Features.' : ''}
        </>
      }
      action={
        canManage ? (
          <Link
            to={`/makerspaces/${encodeURIComponent(slug)}/manage/features`}
            className="text-sm font-semibold text-accent-700 hover:text-accent-800"
          >
            Manage features
          </Link>
        ) : undefined
      }
    />
  );
}
