import { parkedEventRoutes, serviceAuthentication } from '@makrx/auth';
import { notificationRelay, type ServiceDefinition } from '@makrx/service-kit';
import { seedDemoCatalog } from './modules/catalog/demo-catalog';
import { catalogRoutes } from './modules/catalog/routes';
import { mediaRoutes } from './modules/media/routes';
import { searchRoutes } from './modules/search/routes';
import { orderRoutes } from './modules/orders/routes';
import { paymentRoutes } from './modules/payments/routes';
import { stripeWebhookRoutes } from './modules/payments/stripe-webhook-routes';

export const storeService: ServiceDefinition = {
  name: 'store',
  title: 'MakrX.Store API',
  description: 'Catalog, cart, checkout, orders and fabrication quotes of MakrX.Store.',
  authentication: (issuer) => serviceAuthentication(issuer, 'store-backend'),
  modules: [
    { prefix: '/api/v1', plugin: catalogRoutes },
    { prefix: '/api/v1', plugin: orderRoutes },
    { prefix: '/api/v1', plugin: paymentRoutes },
    { prefix: '/api/v1', plugin: stripeWebhookRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/media', plugin: mediaRoutes },
    { prefix: '/api/v1', plugin: parkedEventRoutes },
  ],
  // Notifications asked for in a transaction reach the auth service from the outbox.
  consumers: [notificationRelay],
  seedDemoData: seedDemoCatalog,
};
