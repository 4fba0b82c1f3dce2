import { z } from 'zod';

/** Every flag the spec names (section 5): 4 global, 3 org, 5 cave, 5 store. */
export const flagKeys = [
  'ENABLE_CROSS_DOMAIN_NOTIFICATIONS',
  'MAINTENANCE_MODE',
  'ENABLE_NEW_AUTHENTICATION_FLOW',
  'ENABLE_UNIFIED_SEARCH',
  'ENABLE_COMMUNITY_FEATURES',
  'SHOW_MAKER_SPOTLIGHT',
  'ENABLE_PORTAL_NAVIGATION_V2',
  'ENABLE_ADVANCED_ANALYTICS',
  'ENABLE_BOM_ORDERING',
  'ENABLE_REAL_TIME_EQUIPMENT_STATUS',
  'ENABLE_AUTOMATED_BILLING',
  'ENABLE_PROJECT_COLLABORATION',
  'ENABLE_STL_UPLOAD',
  'ENABLE_QUICK_REORDER',
  'ENABLE_NEW_CHECKOUT_FLOW',
  'ENABLE_SERVICE_MARKETPLACE',
  'ENABLE_ADVANCED_SEARCH',
] as const;
export type FlagKey = (typeof flagKeys)[number];

export const flagTargeting = z.object({
  roles: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  makerspaceIds: z.array(z.uuid()).max(200).optional(),
});
export type FlagTargeting = z.infer<typeof flagTargeting>;

/** Why a flag changes (spec 5, "change process"): required, at least 10 characters. */
export const flagJustification = z.string().trim().min(10).max(2000);

export const featureFlag = z.object({
  key: z.string(),
  scope: z.enum(['global', 'domain', 'makerspace']),
  domain: z.enum(['org', 'cave', 'store']).nullable(),
  description: z.string(),
  enabled: z.boolean(),
  rolloutPercentage: z.number().int().min(0).max(100),
  targeting: flagTargeting,
  makerspaceOverrides: z.record(z.string(), z.boolean()),
  updatedAt: z.iso.datetime(),
  updatedBy: z.uuid().nullable(),
});
export type FeatureFlag = z.infer<typeof featureFlag>;

/**
 * A flag as the admin screens list it, with what the caller may do to it (spec 5, "Flag
 * Governance"): whether they may change its settings for everyone, and if not, why.
 */
export const featureFlagListItem = featureFlag.extend({
  mayChange: z.boolean(),
  readOnlyReason: z.string().nullable(),
});
export type FeatureFlagListItem = z.infer<typeof featureFlagListItem>;

export const featureFlagList = z.object({ flags: z.array(featureFlagListItem) });
export type FeatureFlagList = z.infer<typeof featureFlagList>;

export const flagEvaluationQuery = z.object({ makerspaceId: z.uuid().optional() });
export type FlagEvaluationQuery = z.infer<typeof flagEvaluationQuery>;

export const flagEvaluation = z.object({ flags: z.record(z.string(), z.boolean()) });
export type FlagEvaluation = z.infer<typeof flagEvaluation>;

export const featureFlagUpdate = z.object({
  enabled: z.boolean().optional(),
  rolloutPercentage: z.number().int().min(0).max(100).optional(),
  targeting: flagTargeting.optional(),
  justification: flagJustification,
});
export type FeatureFlagUpdate = z.infer<typeof featureFlagUpdate>;

export const makerspaceOverrideUpdate = z.object({
  enabled: z.boolean(),
  justification: flagJustification,
});
export type MakerspaceOverrideUpdate = z.infer<typeof makerspaceOverrideUpdate>;

export const featureFlagChange = z.object({
  id: z.number().int(),
  flagKey: z.string(),
  changedAt: z.iso.datetime(),
  changedBy: z.uuid().nullable(),
  /** The display name of who made the change, for the history panels. */
  changedByName: z.string().nullable(),
  justification: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FeatureFlagChange = z.infer<typeof featureFlagChange>;

/** A makerspace's own changes only (makerspace admins see no other). */
export const flagHistoryQuery = z.object({ makerspaceId: z.uuid().optional() });
export type FlagHistoryQuery = z.infer<typeof flagHistoryQuery>;

export const featureFlagHistory = z.object({ changes: z.array(featureFlagChange) });
export type FeatureFlagHistory = z.infer<typeof featureFlagHistory>;
