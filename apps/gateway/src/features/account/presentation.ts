import type { AccountDeletion } from '@makrx/contracts';

/** Every IANA time zone the browser knows, UTC first (browsers list it apart, or not at all). */
export function timeZoneChoices(): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC');
  return ['UTC', ...zones];
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires". */
export const timeZoneLabel = (zone: string) => zone.replaceAll('_', ' ').replaceAll('/', ' / ');

/** The zone this browser is in, when it is one the service accepts. */
export function browserTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && timeZoneChoices().includes(zone) ? zone : undefined;
}

/** The file name a download was given (`content-disposition`), or a dated default. */
export function downloadFileName(contentDisposition: string | null, today: Date): string {
  const given = /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1];
  return given ?? `makrx-data-${today.toISOString().slice(0, 10)}.json`;
}

/** What the person is told once their deletion was accepted. */
export function deletionOutcome(deletion: AccountDeletion): string {
  if (deletion.status === 'done')
    return 'Your account is deleted. Your personal data was erased from MakrX.org, MakrCave and MakrX.Store.';
  const names = deletion.pendingServices.map((s) => (s === 'cave' ? 'MakrCave' : 'MakrX.Store'));
  return `Your account is deleted and you are signed out everywhere. ${names.join(' and ')} will finish erasing your data shortly; nothing more is needed from you.`;
}
