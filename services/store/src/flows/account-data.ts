import type { RetainedRecord, ServiceDataExport, ServiceErasure } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { redactEventPayloads } from '@makrx/events';
import { defineFlow, runFlow } from '@makrx/service-kit';
import { quickReordersExportOf } from '../modules/bom-orders/service';
import { cartExportOf, eraseCart } from '../modules/cart/service';
import { modelUploadsExportOf } from '../modules/model-uploads/service';
import { anonymiseOrders, ordersExportOf, shippingNamesOf } from '../modules/orders/service';
import { printOrdersExportOf } from '../modules/print-orders/service';
import { eraseReviewsOf, reviewsExportOf } from '../modules/reviews/service';
import { endedSessionsOf, eraseEndedSessionsOf } from '../modules/storefront-sessions/service';
import { inOneTransaction } from './store-flows';

/** What MakrX.Store keeps after an account's deletion, and why (README "Your data"). */
export const retainedByStore: RetainedRecord[] = [
  {
    service: 'store',
    what: 'Orders with their lines, amounts, taxes, payments and status history, and the invoices made from them',
    why: 'Tax and accounting law require sales records and invoices to be kept; refunds and warranty claims need them too. Your email is replaced by an address that reaches nobody and the shipping address keeps only the city, region, postal code and country the tax was computed from; the name becomes "Deleted user".',
    keptFor: '10 years after the order',
    identifiesYouBy: 'Nothing: your name, street and email are removed',
  },
  {
    service: 'store',
    what: 'Print orders and the 3D model files they were made from',
    why: 'They are part of the order a provider was paid for; the model files carry no name.',
    keptFor: 'As long as the order',
    identifiesYouBy: 'Nothing',
  },
];

/** Everything MakrX.Store holds about a user, each module answering for its own tables. */
export async function exportStoreData(db: Database, userId: string): Promise<ServiceDataExport> {
  return {
    service: 'store',
    sections: {
      orders: await ordersExportOf(db, userId),
      printOrders: await printOrdersExportOf(db, userId),
      reviews: await reviewsExportOf(db, userId),
      modelUploads: await modelUploadsExportOf(db, userId),
      quickReorders: await quickReordersExportOf(db, userId),
      cart: await cartExportOf(db, userId),
      endedSessions: await endedSessionsOf(db, userId, 1000),
    },
    retained: retainedByStore,
  };
}

interface StoreErasure {
  userId: string;
  /** The account's address and name, and the names its orders were shipped to. */
  words: string[];
  erased: Record<string, number>;
}

/**
 * Erases a deleted account's store data in one transaction, safe to repeat: the cart goes, the
 * orders stay anonymised (retainedByStore).
 */
const eraseStoreDataFlow = defineFlow<StoreErasure, Database>('erase-store-data', [
  inOneTransaction<StoreErasure>('erase-in-one-transaction', [
    {
      name: 'erase-cart',
      run: async (erasure, tx) => {
        erasure.erased.cart = await eraseCart(tx, erasure.userId);
      },
    },
    {
      name: 'erase-reviews',
      run: async (erasure, tx) => {
        erasure.erased.reviews = await eraseReviewsOf(tx, erasure.userId);
      },
    },
    {
      name: 'forget-ended-sessions',
      run: async (erasure, tx) => {
        erasure.erased.endedSessions = await eraseEndedSessionsOf(tx, erasure.userId);
      },
    },
    {
      name: 'find-names-shipped-to',
      run: async (erasure, tx) => {
        erasure.words.push(...(await shippingNamesOf(tx, erasure.userId)));
      },
    },
    {
      name: 'anonymise-orders',
      run: async (erasure, tx) => {
        erasure.erased.ordersAnonymised = await anonymiseOrders(tx, erasure.userId);
      },
    },
    {
      name: 'redact-events',
      run: async (erasure, tx) => {
        erasure.erased.eventsRedacted = await redactEventPayloads(
          tx,
          'store',
          erasure.words,
          'Deleted user',
        );
      },
    },
  ]),
]);

export async function eraseStoreData(
  db: Database,
  userId: string,
  contact: { email: string; name: string },
): Promise<ServiceErasure> {
  const erasure: StoreErasure = { userId, words: [contact.email, contact.name], erased: {} };
  await runFlow(eraseStoreDataFlow, erasure, db);
  return { service: 'store', erased: erasure.erased };
}
