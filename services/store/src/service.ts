import { notificationRelay, type ServiceDefinition } from '@makrx/service-kit';
import { storeEnv } from './config';
import { expireUnpaidOrders } from './flows/expire-orders';
import { refundCancelledOrder } from './flows/refund-cancelled-order';
import {
  pushLowStockToCave,
  reportPaidReorders,
  reportReorderFulfilment,
  syncInventoryHourly,
} from './modules/bom-orders/cave-reports';
import { seedDemoPurchasingAccount } from './modules/bom-orders/demo-account';
import { bomOrdersModule } from './modules/bom-orders/plugin';
import { seedDemoCatalog } from './modules/catalog/demo-catalog';
import { catalogModule } from './modules/catalog/plugin';
import { cartModule } from './modules/cart/plugin';
import { mediaRoutes } from './modules/media/routes';
import { analyseEarlierModelUploads } from './modules/model-uploads/analyse-earlier-uploads';
import { expireUnfinishedModelUploads } from './modules/model-uploads/expire-uploads';
import { modelUploadsModule } from './modules/model-uploads/plugin';
import { orderConfirmationMail } from './modules/orders/confirmation-mail';
import { orderFulfilmentMail } from './modules/orders/fulfilment-mail';
import { orderLinkMail } from './modules/orders/order-link';
import { orgPurchaseActivity } from './modules/orders/org-purchase-activity';
import { ordersModule } from './modules/orders/plugin';
import { paymentsModule } from './modules/payments/plugin';
import { printOrdersModule } from './modules/print-orders/plugin';
import { routePaidPrintOrder } from './modules/print-orders/route-paid-print';
import { sendPrintRating } from './modules/print-orders/send-print-rating';
import { promotionsModule } from './modules/promotions/plugin';
import { privacyRoutes } from './modules/privacy/routes';
import { reviewsModule } from './modules/reviews/plugin';
import { searchRoutes } from './modules/search/routes';
import { forgetEndedStorefrontSessions } from './modules/storefront-sessions/forget-ended-sessions';
import { storefrontSessionRoutes } from './modules/storefront-sessions/routes';

export const storeService: ServiceDefinition = {
  name: 'store',
  title: 'MakrX.Store API',
  description: 'Catalog, cart, checkout, orders and fabrication quotes of MakrX.Store.',
  env: storeEnv,
  audience: 'store-backend',
  // One plugin per module; the catalog's routes sit under three prefixes, which it names itself.
  modules: [
    { plugin: catalogModule },
    { prefix: '/api/v1', plugin: ordersModule },
    { prefix: '/api/v1', plugin: cartModule },
    { prefix: '/api/v1', plugin: paymentsModule },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/api/v1', plugin: modelUploadsModule },
    { prefix: '/api/v1', plugin: printOrdersModule },
    { prefix: '/api/v1', plugin: bomOrdersModule },
    { prefix: '/api/v1', plugin: reviewsModule },
    { prefix: '/api/v1', plugin: storefrontSessionRoutes },
    { prefix: '/api/v1', plugin: privacyRoutes },
    { prefix: '/api/v1', plugin: promotionsModule },
    { prefix: '/media', plugin: mediaRoutes },
  ],
  // Notifications asked for in a transaction reach the auth service from the outbox, as do
  // signed-in buyers' paid orders for their MakrX.org activity. Buyers are mailed as their
  // orders are paid, shipped and delivered.
  // A paid order cancelled by its buyer is refunded from the outbox, after the cancellation.
  // Paid prints are routed by the cave, and their ratings reach it, from the outbox too.
  // Quick Reorders' orders are reported to the cave as they are paid, delivered or cancelled,
  // and the codes BOMs use are pushed to it when they run low (and hourly when they change).
  consumers: [
    notificationRelay,
    orderConfirmationMail,
    orderFulfilmentMail,
    orderLinkMail,
    orgPurchaseActivity,
    refundCancelledOrder,
    routePaidPrintOrder,
    sendPrintRating,
    reportPaidReorders,
    reportReorderFulfilment,
    pushLowStockToCave,
  ],
  jobs: [
    expireUnpaidOrders,
    expireUnfinishedModelUploads,
    analyseEarlierModelUploads,
    syncInventoryHourly,
    forgetEndedStorefrontSessions,
  ],
  seedDemoData: async (db, config) => {
    await seedDemoCatalog(db);
    await seedDemoPurchasingAccount(db, config);
  },
};
