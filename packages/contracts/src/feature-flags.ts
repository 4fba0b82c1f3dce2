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
  /** What people call the flag; the key beneath it is what code reads. */
  name: z.string(),
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
  /** May approve proposals for it (the right level of the change process). */
  mayChange: z.boolean(),
  readOnlyReason: z.string().nullable(),
  /** May propose a change of it for everyone. */
  mayPropose: z.boolean(),
  /** May change it at once, as an emergency change (super admins). */
  mayChangeAtOnce: z.boolean(),
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
  /** Applied at once by a super admin, outside the change process. */
  emergency: z.boolean(),
  /** The approved proposal this change applied, when it came through the change process. */
  proposalId: z.uuid().nullable(),
});
export type FeatureFlagChange = z.infer<typeof featureFlagChange>;

/** A makerspace's own changes only (makerspace admins see no other). */
export const flagHistoryQuery = z.object({ makerspaceId: z.uuid().optional() });
export type FlagHistoryQuery = z.infer<typeof flagHistoryQuery>;

/** The settings a flag gives everyone, as a proposal shows them before and after. */
export const flagSettings = z.object({
  enabled: z.boolean(),
  rolloutPercentage: z.number().int().min(0).max(100),
  targeting: flagTargeting,
});
export type FlagSettings = z.infer<typeof flagSettings>;

export const flagProposalStatus = z.enum(['open', 'approved', 'rejected', 'withdrawn']);
export type FlagProposalStatus = z.infer<typeof flagProposalStatus>;

/**
 * A proposed change of a flag's settings for everyone (spec 5, "Flag Change Process"): why,
 * how many users it affects, and who decided it.
 */
export const flagChangeProposal = z.object({
  id: z.uuid(),
  flagKey: z.string(),
  flagName: z.string(),
  status: flagProposalStatus,
  proposedBy: z.uuid(),
  proposedByName: z.string().nullable(),
  proposedAt: z.iso.datetime(),
  justification: z.string(),
  before: flagSettings,
  after: flagSettings,
  /** Users whose answer for the flag may change, counted among `audienceUsers` accounts. */
  affectedUsers: z.number().int().min(0),
  audienceUsers: z.number().int().min(0),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  /** When the approved change took effect. */
  appliedAt: z.iso.datetime().nullable(),
  /** Whether the caller may approve or reject it: another admin of the right level. */
  mayDecide: z.boolean(),
  /** Whether the caller proposed it (and so may withdraw it while it is open). */
  mine: z.boolean(),
});
export type FlagChangeProposal = z.infer<typeof flagChangeProposal>;

export const flagChangeProposalList = z.object({ proposals: z.array(flagChangeProposal) });
export type FlagChangeProposalList = z.infer<typeof flagChangeProposalList>;

export const flagProposalQuery = z.object({
  status: flagProposalStatus.optional(),
  flagKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,79}$/)
    .optional(),
});
export type FlagProposalQuery = z.infer<typeof flagProposalQuery>;

/** A proposal's body: the new settings (what is left out stays) and why. */
export const flagChangeProposalInput = featureFlagUpdate;
export type FlagChangeProposalInput = FeatureFlagUpdate;

/** What an emergency change would touch, and what a proposal would, before sending it. */
export const flagImpact = z.object({
  affectedUsers: z.number().int().min(0),
  audienceUsers: z.number().int().min(0),
});
export type FlagImpact = z.infer<typeof flagImpact>;

export const flagProposalRejection = z.object({ reason: flagJustification });
export type FlagProposalRejection = z.infer<typeof flagProposalRejection>;

export const featureFlagHistory = z.object({
  changes: z.array(featureFlagChange),
  /** Every proposal for the flag, newest first: open, approved, rejected and withdrawn. */
  proposals: z.array(flagChangeProposal),
});
export type FeatureFlagHistory = z.infer<typeof featureFlagHistory>;
