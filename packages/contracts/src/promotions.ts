import { z } from 'zod';

/** What a buyer types: letters, digits, dashes and underscores; case does not matter. */
export const discountCodeText = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,40}$/, '3 to 40 letters, digits, dashes or underscores');

export const promotionKind = z.enum(['percent', 'fixed']);
export type PromotionKind = z.infer<typeof promotionKind>;
export const promotionStatus = z.enum(['active', 'archived']);

const categorySlug = z
  .string()
  .regex(/^[a-z0-9-]+$/, 'a category slug: lowercase letters, digits and dashes')
  .max(120);

const promotionFields = z.object({
  code: discountCodeText,
  kind: promotionKind,
  /** Per cent off (1–100) for `percent`; cents off for `fixed`. */
  value: z.number().int().min(1).max(10_000_000),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a currency code such as USD')
    .default('USD'),
  minSubtotalCents: z.number().int().min(0).max(100_000_000).default(0),
  validFrom: z.iso.datetime({ offset: true }).optional(),
  validUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Null: no limit. */
  usageLimit: z.number().int().min(1).max(10_000_000).nullable().default(null),
  perBuyerLimit: z.number().int().min(1).max(1000).default(1),
  /** Empty: the whole order; else the lines in these categories and their subcategories. */
  categorySlugs: z.array(categorySlug).max(50).default([]),
});

type Fields = Partial<z.infer<typeof promotionFields>>;
const consistent = (value: Fields, ctx: z.RefinementCtx) => {
  if (value.kind === 'percent' && value.value !== undefined && value.value > 100) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage is at most 100' });
  }
  if (value.validFrom && value.validUntil && value.validUntil <= value.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be after validFrom' });
  }
};

export const promotionCreate = promotionFields.strict().superRefine(consistent);
export type PromotionCreate = z.infer<typeof promotionCreate>;

/** Any field may change; archived codes are refused at checkout but keep their history. */
export const promotionUpdate = promotionFields
  .extend({ status: promotionStatus })
  .partial()
  .strict()
  .superRefine(consistent);
export type PromotionUpdate = z.infer<typeof promotionUpdate>;

export const adminPromotion = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: promotionKind,
  value: z.number().int(),
  currency: z.string(),
  minSubtotalCents: z.number().int(),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }).nullable(),
  usageLimit: z.number().int().nullable(),
  perBuyerLimit: z.number().int(),
  used: z.number().int(),
  status: promotionStatus,
  categories: z.array(z.object({ slug: z.string(), name: z.string() })),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type AdminPromotion = z.infer<typeof adminPromotion>;

export const adminPromotionList = z.object({ items: z.array(adminPromotion) });
export type AdminPromotionList = z.infer<typeof adminPromotionList>;
