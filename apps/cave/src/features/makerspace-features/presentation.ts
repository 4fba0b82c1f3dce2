import type { FeatureFlagListItem } from '@makrx/contracts';

/** "ENABLE_ADVANCED_ANALYTICS" → "Advanced analytics". */
export function featureName(key: string): string {
  const words = key
    .replace(/^(ENABLE|SHOW)_/, '')
    .toLowerCase()
    .replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type HereState = 'on' | 'off' | 'default';

/** This makerspace's own choice for the flag, if it made one. */
export function hereStateOf(flag: FeatureFlagListItem, makerspaceId: string): HereState {
  const override = flag.makerspaceOverrides[makerspaceId];
  return override === undefined ? 'default' : override ? 'on' : 'off';
}

/** Whether the feature is on in this makerspace right now, for its members. */
export function isLiveHere(flag: FeatureFlagListItem, makerspaceId: string): boolean {
  if (!flag.enabled) return false;
  const here = hereStateOf(flag, makerspaceId);
  if (here !== 'default') return here === 'on';
  const targeted = flag.targeting.makerspaceIds ?? [];
  if (targeted.length > 0 && !targeted.includes(makerspaceId)) return false;
  return flag.rolloutPercentage >= 100 && !flag.targeting.roles?.length;
}
