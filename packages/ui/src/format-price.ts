const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an amount held in the currency's minor unit ("cents"), honouring currencies
 * without one (JPY) or with three (KWD). The locale is fixed by default so server and
 * browser render the same string.
 */
export function formatPrice(cents: number, currency: string, locale = 'en-US'): string {
  const formatter = currencyFormatter(currency.toUpperCase(), locale);
  const fractionDigits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** fractionDigits);
}
