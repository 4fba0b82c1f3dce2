import { formatPrice } from '@makrx/ui';

/**
 * An amount in minor units of its currency, written the way the viewer's browser writes money
 * ("₹1,000.00" in en-IN, "25,00 €" in pt-PT). The currency is always the makerspace's own, as
 * every answer carrying money says; only the number's shape follows the viewer.
 */
export function formatMoney(cents: number, currency: string): string {
  return formatPrice(cents, currency, viewerLocale());
}

function viewerLocale(): string {
  return typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';
}
