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
