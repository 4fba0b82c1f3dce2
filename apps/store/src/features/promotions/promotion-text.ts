import type { AdminPromotion } from '@makrx/contracts';
import { formatPrice } from '@makrx/ui';

/** "10% off" or "$5.00 off". */
export const offerText = (p: Pick<AdminPromotion, 'kind' | 'value' | 'currency'>) =>
  p.kind === 'percent' ? `${p.value}% off` : `${formatPrice(p.value, p.currency)} off`;

const day = (iso: string) => iso.slice(0, 10);

/** "From 2026-01-01", "2026-01-01 to 2026-02-01". */
export const validityText = (p: Pick<AdminPromotion, 'validFrom' | 'validUntil'>) =>
  p.validUntil ? `${day(p.validFrom)} to ${day(p.validUntil)}` : `From ${day(p.validFrom)}`;

/** Where a code stands now: archived, scheduled, expired, used up or active. */
export function statusText(p: AdminPromotion, now = new Date()): string {
  if (p.status === 'archived') return 'Archived';
  if (new Date(p.validFrom) > now) return 'Scheduled';
  if (p.validUntil && new Date(p.validUntil) <= now) return 'Expired';
  if (p.usageLimit !== null && p.used >= p.usageLimit) return 'Used up';
  return 'Active';
}
