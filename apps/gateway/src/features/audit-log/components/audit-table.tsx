import type { AuditLogEntry } from '@makrx/contracts';
import { Badge, cx } from '@makrx/ui';
import { AuditChange } from './audit-change';

const columnHeader =
  'px-3 py-3 lg:px-4 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-ink-600 uppercase';
const cell = 'px-3 py-3 align-top lg:px-4';

const serviceNames: Record<string, string> = {
  auth: 'MakrX.org',
  cave: 'MakrCave',
  store: 'MakrX.Store',
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function EntryRow({ entry }: { entry: AuditLogEntry }) {
  return (
    <tr className="align-top">
      <td className={cx(cell, 'text-sm whitespace-nowrap text-ink-700')}>
        <time dateTime={entry.occurredAt}>{when.format(new Date(entry.occurredAt))}</time>
      </td>
      <th scope="row" className={cx(cell, 'text-left font-normal')}>
        <span className="font-mono text-sm font-semibold text-ink-900">{entry.action}</span>
        <span className="mt-1 block">
          <Badge tone="neutral">{serviceNames[entry.service] ?? entry.service}</Badge>
        </span>
      </th>
      <td className={cx(cell, 'text-sm text-ink-700')}>
        {entry.entityName ? (
          <span className="block font-medium text-ink-900">{entry.entityName}</span>
        ) : null}
        <span className={entry.entityName ? 'text-xs text-ink-600' : 'font-medium text-ink-900'}>
          {entry.entityType.replace(/_/g, ' ')}
        </span>
        {entry.entityName ? null : (
          <span className="block max-w-48 truncate font-mono text-xs" title={entry.entityId}>
            {entry.entityId}
          </span>
        )}
      </td>
      <td className={cx(cell, 'text-sm')}>
        {entry.actorName ? (
          <span className="font-medium text-ink-900">{entry.actorName}</span>
        ) : null}
        {entry.actorId === null ? (
          <span className="text-ink-600">System</span>
        ) : entry.actorName ? null : (
          <span className="text-ink-600">A removed account</span>
        )}
      </td>
      <td className={cx(cell, 'min-w-72')}>
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-accent-700 hover:text-accent-800">
            Show before and after
          </summary>
          <div className="mt-2 rounded-lg border border-ink-200 bg-ink-50 p-2">
            <AuditChange before={entry.before} after={entry.after} />
          </div>
        </details>
      </td>
    </tr>
  );
}

export function AuditTable({ entries, stale }: { entries: AuditLogEntry[]; stale: boolean }) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-ink-200 bg-white shadow-card">
      <table
        aria-busy={stale || undefined}
        className={cx(
          'w-full',
          stale && 'opacity-60 transition-opacity motion-reduce:transition-none',
        )}
      >
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="border-b border-ink-200 bg-ink-50">
          <tr>
            <th scope="col" className={columnHeader}>
              When
            </th>
            <th scope="col" className={columnHeader}>
              Action
            </th>
            <th scope="col" className={columnHeader}>
              Entity
            </th>
            <th scope="col" className={columnHeader}>
              Actor
            </th>
            <th scope="col" className={columnHeader}>
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
