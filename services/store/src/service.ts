import { notificationRelay, type ServiceDefinition } from '@makrx/service-kit';
import { storeEnv } from './config';
import { expireUnpaidOrders } from './flows/expire-orders';
import { catalogAdminRoutes } from './modules/catalog/admin-routes';
import { seedDemoCatalog } from './modules/catalog/demo-catalog';
import { productImageRoutes } from './modules/catalog/image-routes';
import { catalogRoutes } from './modules/catalog/routes';
import { mediaRoutes } from './modules/media/routes';
import { cartRoutes } from './modules/cart/routes';
import { storeIntegrationRoutes } from './modules/cart/integration-routes';
import { orderAccountRoutes } from './modules/orders/account-routes';
import { checkoutAddressRoutes } from './modules/orders/checkout-address-routes';
import { orderAdminRoutes } from './modules/orders/admin-routes';
import { orderConfirmationMail } from './modules/orders/confirmation-mail';
import { orderLinkMail } from './modules/orders/order-link';
import { orgPurchaseActivity } from './modules/orders/org-purchase-activity';
import { pricingAdminRoutes } from './modules/orders/pricing-admin-routes';
import { orderRoutes } from './modules/orders/routes';
import { paymentRoutes } from './modules/payments/routes';
import { stripeWebhookRoutes } from './modules/payments/stripe-webhook-routes';
import { searchRoutes } from './modules/search/routes';

export const storeService: ServiceDefinition = {
  name: 'store',
  title: 'MakrX.Store API',
  description: 'Catalog, cart, checkout, orders and fabrication quotes of MakrX.Store.',
  env: storeEnv,
  audience: 'store-backend',
  modules: [
    { prefix: '/api/v1', plugin: catalogRoutes },
    { prefix: '/api/v1', plugin: orderRoutes },
    { prefix: '/api/v1', plugin: orderAccountRoutes },
    { prefix: '/api/v1', plugin: checkoutAddressRoutes },
    { prefix: '/api/v1', plugin: orderAdminRoutes },
    { prefix: '/api/v1', plugin: pricingAdminRoutes },
    { prefix: '/api/v1', plugin: cartRoutes },
    { prefix: '/api/v1', plugin: storeIntegrationRoutes },
    { prefix: '/api/v1', plugin: paymentRoutes },
    { prefix: '/api/v1', plugin: stripeWebhookRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/media', plugin: mediaRoutes },
    { prefix: '/media/images', plugin: productImageRoutes },
    { prefix: '/api/v1/admin/catalog', plugin: catalogAdminRoutes },
  ],
  // Notifications asked for in a transaction reach the auth service from the outbox, as do
  // signed-in buyers' paid orders for their MakrX.org activity.
  consumers: [notificationRelay, orderConfirmationMail, orderLinkMail, orgPurchaseActivity],
  jobs: [expireUnpaidOrders],
  seedDemoData: seedDemoCatalog,
};
