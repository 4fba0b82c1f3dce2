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

/** How many digits a currency's minor unit has: 2 for INR and EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  return currencyFormatter(currency.toUpperCase(), 'en-US').resolvedOptions()
    .maximumFractionDigits!;
}

/**
 * A currency as a form's label names it, symbol and code: "₹, INR", "£, GBP"; the code alone
 * where it is its own symbol ("CHF").
 */
export function currencyLabel(currency: string, locale = 'en-US'): string {
  const code = currency.toUpperCase();
  const symbol = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: 'narrowSymbol',
  })
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value;
  return symbol && symbol !== code ? `${symbol}, ${code}` : code;
}
