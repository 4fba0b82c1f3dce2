import type { Weekday } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';

export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * The field messages of a VALIDATION_FAILED answer by field path ("name",
 * "openingHours.mon.0.closes", "closures.1.endsOn"), to show each beside its field. The first
 * message for a field wins. A currency the makerspace's plans or invoices hold in place
 * (CURRENCY_IN_USE) is the currency field's message.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.code === 'CURRENCY_IN_USE') {
    return { currency: error.message };
  }
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  if (!Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details as { field?: unknown; message?: unknown }[]) {
    if (typeof detail?.field === 'string' && typeof detail.message === 'string')
      errors[detail.field] ??= detail.message;
  }
  return errors;
}

/**
 * The message for a field, or for anything inside it: a day's row shows what is wrong with any
 * of its intervals when the field itself has nothing.
 */
export function errorAt(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${field}.`));
  return inside ? errors[inside] : undefined;
}

/** The currencies most makerspaces charge in, offered first. */
const commonCurrencies = ['INR', 'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'SGD', 'JPY', 'CHF'];

export interface CurrencyOption {
  code: string;
  /** "INR · Indian Rupee" */
  label: string;
}

/**
 * The currencies a makerspace may charge in, as the settings' select lists them: the common
 * ones first, then every other code the browser knows (the service checks against the same
 * list), each with its name; the makerspace's own is kept even if the browser does not know it.
 */
export function currencyOptions(current: string): {
  common: CurrencyOption[];
  others: CurrencyOption[];
} {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  const option = (code: string) => ({ code, label: `${code} · ${names.of(code) ?? code}` });
  const known = Intl.supportedValuesOf('currency');
  const all = known.includes(current) ? known : [current, ...known];
  return {
    common: commonCurrencies.filter((code) => all.includes(code)).map(option),
    others: all.filter((code) => !commonCurrencies.includes(code)).map(option),
  };
}

/** A new interval after a day's last one: an hour after it closes, or 10:00–18:00. */
export function nextInterval(intervals: { opens: string; closes: string }[]) {
  const last = intervals.at(-1);
  if (!last) return { opens: '10:00', closes: '18:00' };
  const hour = Math.min(Number(last.closes.slice(0, 2)) + 1, 22);
  const at = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return { opens: at(hour), closes: at(Math.min(hour + 2, 23)) };
}

/**
 * Zones browsers still name by their old spelling (their time zone data keeps CLDR's canonical
 * names): "Asia/Calcutta" is offered and stored as "Asia/Kolkata", as the demo makerspaces are.
 */
const renamedZones: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
};

const currentName = (zone: string) => renamedZones[zone] ?? zone;

/** Every zone the browser knows by its current name, with `current` first if it is not among them. */
export function zonesWith(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone').map(currentName);
  return known.includes(current) ? known : [current, ...known];
}

/** The zone this browser is in, for a new makerspace's default; UTC if it cannot tell. */
export function browserTimeZone(): string {
  return currentName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}
