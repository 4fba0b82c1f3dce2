import type { MakerspaceAnalytics } from '@makrx/contracts';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from './chart-card';
import { formatShare } from './format';

type NoShows = MakerspaceAnalytics['noShows'];

/** The overall no-show rate, and per machine when advanced analytics is on. */
export function NoShowPanel({ noShows }: { noShows: NoShows }) {
  const { overall, byMachine } = noShows;
  const missed = (byMachine ?? [])
    .filter((row) => row.endedBookings > 0)
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
  return (
    <>
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-4xl font-bold tracking-tight text-ink-950 tabular-nums">
          {formatShare(overall.rate)}
        </span>
        <span className="text-sm text-ink-600">
          {overall.endedBookings === 0
            ? 'No bookings ended in this period.'
            : `${overall.noShows} of ${overall.endedBookings} bookings that ended were missed.`}
        </span>
      </p>
      {missed.length > 0 ? (
        <>
          <div
            className="mt-5"
            style={{ height: Math.max(140, missed.length * 30 + 40) }}
            aria-hidden="true"
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                accessibilityLayer={false}
                data={missed.map((row) => ({
                  name: row.machineName,
                  rate: Math.round((row.rate ?? 0) * 1000) / 10,
                }))}
                layout="vertical"
                margin={{ left: 0, right: 16, top: 0, bottom: 0 }}
              >
                <CartesianGrid horizontal={false} stroke="var(--color-ink-200)" />
                <XAxis
                  type="number"
                  unit="%"
                  tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }}
                />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={132}
                  tick={{ fontSize: 12, fill: 'var(--color-ink-700)' }}
                  tickFormatter={(name: string) =>
                    name.length > 20 ? `${name.slice(0, 19)}…` : name
                  }
                />
                <Tooltip
                  formatter={(value) => `${String(value)}%`}
                  cursor={{ fill: 'var(--color-ink-100)' }}
                />
                <Bar
                  isAnimationActive={false}
                  dataKey="rate"
                  name="No-shows"
                  fill="var(--color-amber-500, #f59e0b)"
                  radius={[0, 3, 3, 0]}
                  barSize={12}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <DataTable
            caption="No-shows per machine"
            head={['Machine', 'Ended bookings', 'No-shows', 'Rate']}
            rows={missed.map((row) => [
              row.machineName,
              row.endedBookings,
              row.noShows,
              formatShare(row.rate),
            ])}
          />
        </>
      ) : null}
    </>
  );
}
