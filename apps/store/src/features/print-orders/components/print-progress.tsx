'use client';

import type { PrintOrderView } from '@makrx/contracts';
import { Card, formatPrice } from '@makrx/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { formatOrderDate } from '../../orders/order-status';
import {
  currentStep,
  isPrintMoving,
  printHeadline,
  printSteps,
  timelineText,
} from '../print-status';

/** How often a page with a print on its way asks where it is. */
const FOLLOW_EVERY_MS = 4000;

/**
 * The print behind an order: its steps, the provider, and every change, followed without a
 * reload while something can still change (the page's own parts refresh with it).
 */
export function PrintProgress({ initial, token }: { initial: PrintOrderView; token?: string }) {
  const [print, setPrint] = useState(initial);
  const router = useRouter();
  const status = useRef(initial.status);

  useEffect(() => {
    if (!isPrintMoving(print.status)) return;
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    const timer = setInterval(async () => {
      const response = await fetch(`/api/orders/${print.orderId}/print${query}`, {
        cache: 'no-store',
      }).catch(() => null);
      if (!response?.ok) return;
      const next = (await response.json()) as PrintOrderView;
      setPrint(next);
      if (next.status !== status.current) {
        status.current = next.status;
        router.refresh();
      }
    }, FOLLOW_EVERY_MS);
    return () => clearInterval(timer);
  }, [print.orderId, print.status, router, token]);

  const step = currentStep(print.status);
  const failed = print.status === 'unroutable' || print.status === 'cancelled';
  return (
    <Card className="p-6" aria-labelledby="print-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="print-title" className="text-lg font-semibold text-ink-950">
          Your 3D print
        </h2>
        <p className="text-sm text-ink-600">
          {print.upload.originalName} · {print.quote.materialName}, {print.quote.quality} ·{' '}
          {print.quote.quantity} {print.quote.quantity === 1 ? 'part' : 'parts'} ·{' '}
          {formatPrice(print.quote.total, print.quote.currency)}
        </p>
      </div>
      <p
        role="status"
        aria-live="polite"
        data-print-status={print.status}
        className={`mt-3 text-sm font-medium ${failed ? 'text-red-800' : 'text-ink-900'}`}
      >
        {printHeadline(print)}
      </p>
      {failed ? null : (
        <ol className="mt-5 grid grid-cols-3 gap-2 sm:grid-cols-6" aria-label="Print steps">
          {printSteps.map((s, index) => {
            const done = index < step || print.status === 'delivered';
            const now = index === step && print.status !== 'delivered';
            return (
              <li
                key={s.status}
                aria-current={now ? 'step' : undefined}
                className={`rounded-lg border px-2 py-2 text-center text-xs font-semibold ${
                  done
                    ? 'border-emerald-200 bg-emerald-50 text-emerald-900'
                    : now
                      ? 'border-accent-600 bg-accent-50 text-accent-900'
                      : 'border-ink-200 text-ink-500'
                }`}
              >
                {s.label}
              </li>
            );
          })}
        </ol>
      )}
      <dl className="mt-5 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-ink-600">Made by</dt>
          <dd className="font-medium text-ink-950">{print.provider?.name ?? 'Not yet chosen'}</dd>
        </div>
        <div>
          <dt className="text-ink-600">Printed by</dt>
          <dd className="font-medium text-ink-950">
            <time dateTime={print.dueBy}>{formatOrderDate(print.dueBy)}</time>
          </dd>
        </div>
        {print.trackingUrl ? (
          <div className="sm:col-span-2">
            <dt className="text-ink-600">Tracking</dt>
            <dd>
              <a
                href={print.trackingUrl}
                className="font-medium text-accent-700 underline underline-offset-4"
                rel="noopener noreferrer"
                target="_blank"
              >
                Follow the parcel
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {print.timeline.length > 0 ? (
        <ol className="mt-5 space-y-1.5 border-t border-ink-100 pt-4 text-sm" aria-label="History">
          {print.timeline.map((entry) => (
            <li key={`${entry.at}-${entry.status}`} className="flex gap-3">
              <time dateTime={entry.at} className="w-36 shrink-0 text-ink-500 tabular-nums">
                {formatOrderDate(entry.at, true)}
              </time>
              <span className="text-ink-800">{timelineText(entry)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
