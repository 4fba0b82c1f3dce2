import type { CurrencyCode } from './money.js';

/** The number of minor-unit digits of a currency (2 for EUR, 0 for JPY), as Intl knows it. */
export function minorUnitDigits(currency: CurrencyCode): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** "€12.50" from 1250 minor units of EUR. */
export function formatMoney(minorUnits: number, currency: CurrencyCode): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
    minorUnits / 10 ** digits,
  );
}

/** Up to `decimals` decimals, trailing zeros dropped: 9.92, 0.39, 12. */
export function formatNumber(value: number, decimals = 2): string {
  return new Intl.NumberFormat('en', { maximumFractionDigits: decimals }).format(value);
}

/** "14 min", "2 h 05 min": a print time as people read it, to the minute (at least 1). */
export function formatDuration(hours: number): string {
  const minutes = Math.max(1, Math.round(hours * 60));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "1 part", "10 parts", "1 working day". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
