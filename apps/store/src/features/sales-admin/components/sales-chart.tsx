'use client';

import type { SalesReport } from '@makrx/contracts';
import { formatPrice } from '@makrx/ui';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/**
 * Revenue per day as bars. Drawn for sighted users only: the same numbers are in the table
 * below it, which screen readers and browsers without JavaScript read instead. Imported by the
 * sales page alone, so the chart library loads with that page and no other.
 */
export function SalesChart({ report }: { report: SalesReport }) {
  const data = report.perDay.map((row) => ({
    label: shortDay(row.day),
    revenue: row.revenueCents / 100,
    orders: row.orders,
  }));
  return (
    <div className="h-64 sm:h-72" aria-hidden="true" data-testid="sales-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={data}
          margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        >
          <CartesianGrid vertical={false} stroke="var(--color-ink-200)" />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }}
            minTickGap={16}
          />
          <YAxis
            tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }}
            tickFormatter={(value: number) =>
              formatPrice(Math.round(value * 100), report.currency).replace(/\.00$/, '')
            }
            width={72}
          />
          <Tooltip
            cursor={{ fill: 'var(--color-ink-100)' }}
            formatter={(value) => [
              formatPrice(Math.round(Number(value) * 100), report.currency),
              'Revenue',
            ]}
          />
          <Bar
            isAnimationActive={false}
            dataKey="revenue"
            name="Revenue"
            fill="var(--color-accent-600)"
            radius={[3, 3, 0, 0]}
            maxBarSize={40}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
