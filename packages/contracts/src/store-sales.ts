import { z } from 'zod';
import { orderStatus } from './orders';

/** The ranges the sales dashboard offers, in days ending today (UTC). */
export const salesRanges = [7, 30, 90] as const;

export const salesReportQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((days) => (salesRanges as readonly number[]).includes(days), {
      message: 'Choose 7, 30 or 90 days.',
    })
    .default(30),
});

const productSales = z.object({
  productSlug: z.string(),
  productName: z.string(),
  revenueCents: z.number().int(),
  units: z.number().int(),
});

/** Paid sales per day over a range, with the best sellers and the variants running low. */
export const salesReport = z.object({
  days: z.number().int(),
  from: z.iso.date(),
  to: z.iso.date(),
  currency: z.string().length(3),
  totals: z.object({
    revenueCents: z.number().int(),
    orders: z.number().int(),
    averageOrderCents: z.number().int(),
  }),
  /** Every day of the range, oldest first; a day without paid orders is there with zeros. */
  perDay: z.array(
    z.object({ day: z.iso.date(), revenueCents: z.number().int(), orders: z.number().int() }),
  ),
  topByRevenue: z.array(productSales),
  topByUnits: z.array(productSales),
  lowStock: z.array(
    z.object({
      productId: z.uuid(),
      productName: z.string(),
      sku: z.string(),
      options: z.record(z.string(), z.string()),
      stock: z.number().int(),
    }),
  ),
});
export type SalesReport = z.infer<typeof salesReport>;

const isDay = (text: string) => z.iso.date().safeParse(text).success;

/** The order export's filters: placed from/to (inclusive calendar days, UTC), and a status. */
export const orderExportQuery = z
  .object({
    from: z.iso.date({ message: 'Give the first day as YYYY-MM-DD.' }),
    to: z.iso.date({ message: 'Give the last day as YYYY-MM-DD.' }),
    status: orderStatus.optional(),
  })
  // Zod runs this even when a day is malformed; that day's own message is the one to show.
  .refine((query) => !isDay(query.from) || !isDay(query.to) || query.from <= query.to, {
    message: 'The first day must not be after the last.',
    path: ['to'],
  });
export type OrderExportQuery = z.infer<typeof orderExportQuery>;
