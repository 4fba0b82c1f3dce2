import { cx } from '@makrx/ui';
import { changesOf } from '../audit-changes';

/** The before and after of one entry as a small table; changed fields stand out. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const changes = changesOf(before, after);
  if (changes.length === 0) return <p className="text-sm text-ink-600">No details recorded.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="text-xs text-ink-600 uppercase">
          <th scope="col" className="py-1 pr-3 font-semibold">
            Field
          </th>
          <th scope="col" className="py-1 pr-3 font-semibold">
            Before
          </th>
          <th scope="col" className="py-1 font-semibold">
            After
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-ink-100">
        {changes.map((change) => (
          <tr key={change.field} className="align-top">
            <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-medium text-ink-800">
              {change.field}
            </th>
            <td
              className={cx(
                'px-1 py-1.5 font-mono text-xs wrap-break-word',
                change.changed ? 'bg-red-50 text-red-900' : 'text-ink-700',
              )}
            >
              {change.before}
            </td>
            <td
              className={cx(
                'px-1 py-1.5 font-mono text-xs wrap-break-word',
                change.changed ? 'bg-emerald-50 font-semibold text-emerald-900' : 'text-ink-700',
              )}
            >
              {change.after}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
