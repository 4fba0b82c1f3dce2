import type { MachineUtilisation } from '@makrx/contracts';
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
import { DataTable, legendText } from './chart-card';
import { formatHours, formatShare } from './format';

const BOOKED = 'var(--color-accent-600)';
const USED = 'var(--color-ink-500)';

/** Booked and used share of open hours, one pair of bars per machine, busiest first. */
export function UtilisationChart({ rows }: { rows: MachineUtilisation[] }) {
  const sorted = [...rows].sort((a, b) => b.bookedShare - a.bookedShare);
  const data = sorted.map((row) => ({
    name: row.machineName,
    booked: Math.round(row.bookedShare * 1000) / 10,
    used: Math.round(row.usedShare * 1000) / 10,
  }));
  // The axis ends at the next ten per cent above the busiest machine, so short bars stay readable.
  const busiest = Math.max(0, ...data.map((row) => Math.max(row.booked, row.used)));
  const scaleEnd = Math.max(10, Math.ceil(busiest / 10) * 10);
  return (
    <>
      <div style={{ height: Math.max(160, data.length * 44 + 60) }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ left: 0, right: 16, top: 0, bottom: 0 }}
            barGap={2}
          >
            <CartesianGrid horizontal={false} stroke="var(--color-ink-200)" />
            <XAxis
              type="number"
              unit="%"
              domain={[0, scaleEnd]}
              tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={132}
              tick={{ fontSize: 12, fill: 'var(--color-ink-700)' }}
              tickFormatter={(name: string) => (name.length > 20 ? `${name.slice(0, 19)}…` : name)}
            />
            <Tooltip
              formatter={(value) => `${String(value)}%`}
              cursor={{ fill: 'var(--color-ink-100)' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            <Bar
              isAnimationActive={false}
              dataKey="booked"
              name="Booked"
              fill={BOOKED}
              radius={[0, 3, 3, 0]}
              barSize={12}
            />
            <Bar
              isAnimationActive={false}
              dataKey="used"
              name="Used"
              fill={USED}
              radius={[0, 3, 3, 0]}
              barSize={12}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Utilisation per machine"
        head={['Machine', 'Booked', 'Used', 'Booked share', 'Used share']}
        rows={sorted.map((row) => [
          row.machineName,
          formatHours(row.bookedHours),
          formatHours(row.usedHours),
          formatShare(row.bookedShare),
          formatShare(row.usedShare),
        ])}
      />
    </>
  );
}
