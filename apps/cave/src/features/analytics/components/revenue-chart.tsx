import type { MakerspaceAnalytics } from '@makrx/contracts';
import { EmptyState } from '@makrx/ui';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../money';
import { monthLabel } from '../period';
import { DataTable } from './chart-card';

type Revenue = NonNullable<MakerspaceAnalytics['revenue']>;

/** What was invoiced month by month. */
export function RevenueChart({ months }: { months: Revenue }) {
  if (months.length === 0) {
    return (
      <EmptyState
        titleAs="h3"
        title="No invoices in this period"
        description="Invoices issued for plans and machine time will add up here, month by month."
        className="py-8 sm:py-10"
      />
    );
  }
  const data = months.map((row) => ({
    label: monthLabel(row.month),
    amount: row.invoicedCents / 100,
    text: formatMoney(row.invoicedCents, row.currency),
  }));
  return (
    <>
      <div className="h-56" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            margin={{ left: 0, right: 8, top: 4, bottom: 0 }}
          >
            <CartesianGrid vertical={false} stroke="var(--color-ink-200)" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }} />
            <YAxis tick={{ fontSize: 12, fill: 'var(--color-ink-600)' }} />
            <Tooltip cursor={{ fill: 'var(--color-ink-100)' }} />
            <Bar
              isAnimationActive={false}
              dataKey="amount"
              name="Invoiced"
              fill="var(--color-accent-600)"
              radius={[3, 3, 0, 0]}
              maxBarSize={40}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Invoiced per month"
        head={['Month', 'Invoiced']}
        rows={data.map((row) => [row.label, row.text])}
      />
    </>
  );
}
