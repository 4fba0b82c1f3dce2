/** `MM/YY`, `MM / YYYY` or `MMYY`, as people type an expiry date. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\/?(\d{2}|\d{4})$/.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/** Stripe's test cards, shown as a hint while the store pays through the offline gateway. */
export const testCards = [
  { number: '4242 4242 4242 4242', outcome: 'Succeeds' },
  { number: '4000 0000 0000 0002', outcome: 'Declined' },
  { number: '4000 0025 0000 3155', outcome: 'Asks for an extra confirmation step' },
];
