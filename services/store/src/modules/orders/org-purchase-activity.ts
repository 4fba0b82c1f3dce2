import { purchaseActivityRecorded, type PurchaseActivityRequest } from '@makrx/contracts';
import type { EventConsumer } from '@makrx/service-kit';

/**
 * Spec section 7, MakrX.Store → MakrX.org: a paid order joins the buyer's purchase activity.
 * Guests have no MakrX.org profile, so only signed-in buyers' orders are reported. MakrX.org
 * records an order once by its id, so a repeated delivery changes nothing.
 */
export const orgPurchaseActivity: EventConsumer<'store.order.paid'> = {
  name: 'org-purchase-activity',
  eventTypes: ['store.order.paid'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const { orderId, userId, productCategories } = event.payload;
    if (!userId) return;
    const report: PurchaseActivityRequest = {
      user_id: userId,
      order_id: orderId,
      product_categories: productCategories,
    };
    await app.peers.json('auth', '/api/v1/activity/purchase', purchaseActivityRecorded, {
      method: 'POST',
      body: JSON.stringify(report),
    });
  },
};
