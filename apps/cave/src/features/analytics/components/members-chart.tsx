import type { MakerspaceAnalytics } from '@makrx/contracts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { monthLabel } from '../period';
import { DataTable, legendText } from './chart-card';

type MemberMonths = NonNullable<MakerspaceAnalytics['members']>;

/** Active and new members, month by month. */
export function MembersChart({ months }: { months: MemberMonths }) {
  const data = months.map((row) => ({ ...row, label: monthLabel(row.month) }));
  return (
    <>
      <div className="h-56" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            margin={{ left: -20, right: 8, top: 4, bottom: 0 }}
          >
            <CartesianGrid vertical={false} stroke="var(--color-ink-200)" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }} />
            <Tooltip cursor={{ fill: 'var(--color-ink-100)' }} />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            <Bar
              isAnimationActive={false}
              dataKey="activeMembers"
              name="Active"
              fill="var(--color-accent-600)"
              radius={[3, 3, 0, 0]}
              maxBarSize={40}
            />
            <Bar
              isAnimationActive={false}
              dataKey="newMembers"
              name="New"
              fill="var(--color-accent-300)"
              radius={[3, 3, 0, 0]}
              maxBarSize={40}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Members per month"
        head={['Month', 'Active members', 'New members']}
        rows={data.map((row) => [row.label, row.activeMembers, row.newMembers])}
      />
    </>
  );
}
