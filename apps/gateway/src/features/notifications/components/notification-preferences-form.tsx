import type { NotificationPreference } from '@makrx/contracts';
import { notificationKindInfo } from '@makrx/contracts/notification-kinds';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Button, Skeleton } from '@makrx/ui';
import { useState, type FormEvent } from 'react';
import { usePreferences, useSavePreferences } from '../api';

const channelLabels = { inApp: 'In the apps', email: 'By email' } as const;

function PreferencesTable({ initial }: { initial: NotificationPreference[] }) {
  const [draft, setDraft] = useState(initial);
  const save = useSavePreferences();
  const toggle = (kind: string, channel: 'inApp' | 'email') =>
    setDraft((rows) =>
      rows.map((row) => (row.kind === kind ? { ...row, [channel]: !row[channel] } : row)),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="overflow-x-auto rounded-2xl border border-ink-200 bg-white shadow-card">
        <table className="w-full text-left">
          <caption className="sr-only">Notification preferences by kind and channel</caption>
          <thead className="border-b border-ink-200 bg-ink-50">
            <tr>
              <th scope="col" className="px-4 py-3 text-xs font-semibold text-ink-600 uppercase">
                Kind
              </th>
              {Object.values(channelLabels).map((label) => (
                <th
                  key={label}
                  scope="col"
                  className="px-4 py-3 text-center text-xs font-semibold text-ink-600 uppercase"
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {draft.map((row) => {
              const info = notificationKindInfo[row.kind];
              return (
                <tr key={row.kind}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <span className="block font-medium text-ink-950">{info.label}</span>
                    <span className="block text-sm text-ink-600">{info.description}</span>
                  </th>
                  {(['inApp', 'email'] as const).map((channel) => (
                    <td key={channel} className="px-4 py-3 text-center">
                      <input
                        type="checkbox"
                        checked={row[channel]}
                        onChange={() => toggle(row.kind, channel)}
                        aria-label={`${info.label}: ${channelLabels[channel].toLowerCase()}`}
                        className="size-5 rounded border-ink-300 accent-accent-600"
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save preferences'}
        </Button>
        <p role="status" className="text-sm text-ink-700">
          {save.isSuccess ? 'Saved.' : save.isError ? 'Not saved: try again.' : ''}
        </p>
      </div>
    </form>
  );
}

/** Which kinds the user sees in the apps and gets by email. */
export function NotificationPreferencesForm() {
  const preferences = usePreferences();
  if (preferences.isPending) return <Skeleton className="h-64 w-full" />;
  if (preferences.isError)
    return (
      <ServiceErrorState
        error={preferences.error}
        subject="your notification preferences"
        onRetry={() => void preferences.refetch()}
      />
    );
  return <PreferencesTable initial={preferences.data.items} />;
}
