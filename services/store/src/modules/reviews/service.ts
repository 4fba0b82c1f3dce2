import type {
  AdminReview,
  ProductReview,
  ProductReviewPage,
  ReviewSummary,
} from '@makrx/contracts';
import { auditActor, recordAudit, violates, type Database } from '@makrx/db';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { productReviews, type ProductReviewRow } from './tables';

/*
 * The reviews module's service: buyers' reviews of products, their summary on the product page,
 * and the store admins' moderation. Whether a buyer may review is the orders module's answer.
 */

export interface ReviewInput {
  rating: number;
  title: string | null;
  body: string;
}

/**
 * "Ada Lovelace" → "Ada L.": enough to be a person, not enough to find them. The initial is the
 * last word's that starts with a letter (a number or a bracket after a name is no surname).
 */
export function reviewerNameOf(name: string | null): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'MakrX customer';
  const [first, ...rest] = words;
  const last = rest.filter((word) => /^\p{L}/u.test(word)).at(-1);
  return last ? `${first} ${last.charAt(0).toLocaleUpperCase()}.` : first!;
}

export function reviewView(row: ProductReviewRow): ProductReview {
  return {
    id: row.id,
    rating: row.rating,
    title: row.title,
    body: row.body,
    authorName: row.authorName,
    verifiedBuyer: true,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const visibleOf = (productId: string) =>
  and(eq(productReviews.productId, productId), isNull(productReviews.hiddenAt));

/** The product's visible reviews counted by stars, and their mean to one decimal. */
export async function reviewSummaryOf(db: Database, productId: string): Promise<ReviewSummary> {
  const rows = await db
    .select({ stars: productReviews.rating, count: count() })
    .from(productReviews)
    .where(visibleOf(productId))
    .groupBy(productReviews.rating);
  const byStars = new Map(rows.map((row) => [row.stars, Number(row.count)]));
  const distribution = [5, 4, 3, 2, 1].map((stars) => ({
    stars,
    count: byStars.get(stars) ?? 0,
  }));
  const total = distribution.reduce((sum, row) => sum + row.count, 0);
  const points = distribution.reduce((sum, row) => sum + row.stars * row.count, 0);
  return {
    average: total === 0 ? null : Math.round((points / total) * 10) / 10,
    count: total,
    distribution,
  };
}

/** The product page's reviews: the summary, and one page of visible reviews, newest first. */
export async function reviewsOfProduct(
  db: Database,
  productId: string,
  paging: { page: number; pageSize: number },
): Promise<ProductReviewPage> {
  const summary = await reviewSummaryOf(db, productId);
  const rows = await db
    .select()
    .from(productReviews)
    .where(visibleOf(productId))
    .orderBy(desc(productReviews.createdAt), desc(productReviews.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return {
    summary,
    items: rows.map(reviewView),
    page: paging.page,
    pageSize: paging.pageSize,
    total: summary.count,
    totalPages: Math.max(1, Math.ceil(summary.count / paging.pageSize)),
  };
}

export async function ownReviewOf(
  db: Database,
  productId: string,
  userId: string,
): Promise<ProductReviewRow | undefined> {
  const [row] = await db
    .select()
    .from(productReviews)
    .where(and(eq(productReviews.productId, productId), eq(productReviews.userId, userId)));
  return row;
}

/**
 * A buyer's first review of a product (the caller checked they bought it). The database keeps
 * one per product and buyer: a second, even from two tabs at once, is refused with 409.
 */
export async function writeReview(
  db: Database,
  review: ReviewInput & { productId: string; userId: string; authorName: string },
): Promise<ProductReviewRow> {
  try {
    const [row] = await db.insert(productReviews).values(review).returning();
    return row!;
  } catch (error) {
    if (!violates(error, '23505', 'product_reviews_one_per_buyer')) throw error;
    const existing = await ownReviewOf(db, review.productId, review.userId);
    throw conflict(
      'REVIEW_ALREADY_WRITTEN',
      'You reviewed this product already; edit your review instead.',
      { reviewId: existing?.id },
    );
  }
}

/** The author's edit of their own review; anyone else's attempt changes nothing (403). */
export async function editOwnReview(
  db: Database,
  edit: ReviewInput & { reviewId: string; userId: string; authorName: string },
): Promise<ProductReviewRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(productReviews)
      .where(eq(productReviews.id, edit.reviewId))
      .for('update');
    if (!row) throw notFound('The review');
    if (row.userId !== edit.userId) {
      throw new AppError(
        403,
        'NOT_THE_REVIEWER',
        'Only the customer who wrote a review may edit it.',
      );
    }
    const [edited] = await tx
      .update(productReviews)
      .set({
        rating: edit.rating,
        title: edit.title,
        body: edit.body,
        authorName: edit.authorName,
        updatedAt: new Date(),
      })
      .where(eq(productReviews.id, row.id))
      .returning();
    return edited!;
  });
}

const visibilityFilter: Record<'all' | 'visible' | 'hidden', SQL | undefined> = {
  all: undefined,
  visible: isNull(productReviews.hiddenAt),
  hidden: isNotNull(productReviews.hiddenAt),
};

/** Every review for the store admins, newest first, all of them or the visible or hidden ones. */
export async function reviewsForAdmins(
  db: Database,
  query: { page: number; pageSize: number; visibility: 'all' | 'visible' | 'hidden' },
) {
  const where = visibilityFilter[query.visibility];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(productReviews)
      .where(where)
      .orderBy(desc(productReviews.createdAt), desc(productReviews.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ count: count() }).from(productReviews).where(where),
  ]);
  const all = Number(total?.count ?? 0);
  return {
    rows,
    page: query.page,
    pageSize: query.pageSize,
    total: all,
    totalPages: Math.max(1, Math.ceil(all / query.pageSize)),
  };
}

export function adminReviewView(
  row: ProductReviewRow,
  product: { slug: string; name: string },
): AdminReview {
  return {
    ...reviewView(row),
    product,
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
    hiddenAt: row.hiddenAt?.toISOString() ?? null,
  };
}

/**
 * A store admin hides a review (it leaves the product page and its average) or shows it again,
 * with the reason in the audit log. Asking for the state it is already in changes nothing.
 */
export async function setReviewHidden(
  db: Database,
  change: {
    reviewId: string;
    hidden: boolean;
    reason: string;
    actorId: string | null;
    requestId: string;
  },
): Promise<ProductReviewRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(productReviews)
      .where(eq(productReviews.id, change.reviewId))
      .for('update');
    if (!row) throw notFound('The review');
    if ((row.hiddenAt !== null) === change.hidden) return row;
    const [changed] = await tx
      .update(productReviews)
      .set(
        change.hidden
          ? { hiddenAt: sql`now()`, hiddenReason: change.reason, hiddenBy: change.actorId }
          : { hiddenAt: null, hiddenReason: null, hiddenBy: null },
      )
      .where(eq(productReviews.id, row.id))
      .returning();
    await recordAudit(tx, {
      service: 'store',
      action: change.hidden ? 'review.hidden' : 'review.shown',
      entityType: 'product_review',
      entityId: row.id,
      actorId: await auditActor(tx, change.actorId),
      before: { hidden: row.hiddenAt !== null, reason: row.hiddenReason },
      after: { hidden: change.hidden, reason: change.reason },
      requestId: change.requestId,
    });
    return changed!;
  });
}

/** A user's reviews, for their data export. */
export const reviewsExportOf = (db: Database, userId: string) =>
  db.select().from(productReviews).where(eq(productReviews.userId, userId));

/** A deleted account's reviews go: they were theirs to write, and carry their name. */
export async function eraseReviewsOf(tx: Database, userId: string): Promise<number> {
  const erased = await tx
    .delete(productReviews)
    .where(eq(productReviews.userId, userId))
    .returning({ id: productReviews.id });
  return erased.length;
}
