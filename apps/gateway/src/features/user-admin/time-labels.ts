const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const steps = [
  { unit: 'minute', seconds: 60, below: 60 },
  { unit: 'hour', seconds: 3_600, below: 24 },
  { unit: 'day', seconds: 86_400, below: 30 },
] as const;

/** "Mar 3, 2026, 2:05 PM", in the browser's time zone. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** "just now", "5 minutes ago", "yesterday"; a month or more back, the date itself. */
export function timeAgo(date: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - date.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  for (const { unit, seconds: size, below } of steps) {
    const count = Math.floor(seconds / size);
    if (count < below) return relative.format(-count, unit);
  }
  return formatDateTime(date);
}
