import { formatDateTime, timeAgo } from '../time-labels';

export function LastSignIn({ at, now }: { at: string | null; now: Date }) {
  if (!at) return <span className="text-ink-500">Never</span>;
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatDateTime(date)} className="text-ink-700">
      {timeAgo(date, now)}
    </time>
  );
}
