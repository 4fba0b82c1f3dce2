import type { AnalyticsTable } from '@makrx/contracts';
import { Button, Card } from '@makrx/ui';
import type { ReactNode } from 'react';

export interface ChartCardProps {
  id: string;
  title: string;
  description: ReactNode;
  /** The table behind the chart, offered as a CSV download beside it. */
  table?: AnalyticsTable;
  onDownload?: (table: AnalyticsTable) => void;
  downloading?: boolean;
  children: ReactNode;
  className?: string;
}

/** One chart or table of the page, with its title, what it shows, and its CSV. */
export function ChartCard({
  id,
  title,
  description,
  table,
  onDownload,
  downloading = false,
  children,
  className,
}: ChartCardProps) {
  return (
    <Card className={className}>
      <section aria-labelledby={id} className="flex h-full flex-col p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 flex-1 basis-60">
            <h2 id={id} className="text-base font-semibold text-ink-950">
              {title}
            </h2>
            <p className="mt-1 text-sm text-ink-600">{description}</p>
          </div>
          {table && onDownload ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => onDownload(table)}
              disabled={downloading}
              aria-label={`Download CSV: ${title}`}
            >
              Download CSV
            </Button>
          ) : null}
        </div>
        <div className="mt-5 flex-1">{children}</div>
      </section>
    </Card>
  );
}

/** The numbers behind a chart, as a table one can open: for screen readers and exact values. */
export function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer font-medium text-ink-700 hover:text-ink-950">
        Show the numbers
      </summary>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-max text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-ink-200 text-ink-600">
              {head.map((cell, index) => (
                <th
                  key={cell}
                  scope="col"
                  className={`py-2 pr-4 font-medium ${index > 0 ? 'text-right' : ''}`}
                >
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row[0])} className="border-b border-ink-100 last:border-0">
                {row.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className="py-2 pr-4 font-normal text-ink-900">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="py-2 pr-4 text-right text-ink-700 tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A chart legend's label in the page's text colour, whatever the colour of its series. */
export const legendText = (label: string) => <span className="text-ink-700">{label}</span>;
