import { parkedEventRoutes, serviceAuthentication } from '@makrx/auth';
import type { Mailer } from '@makrx/mailer';
import type { ServiceDefinition, ServiceModule } from '@makrx/service-kit';
import { auditLogRoutes } from './modules/audit-log/routes';
import { devMailRoutes } from './modules/dev-mail/routes';
import { featureFlagRoutes } from './modules/feature-flags/routes';
import { notificationDelivery } from './modules/notifications/delivery';
import { notificationRoutes } from './modules/notifications/routes';
import { seedFeatureFlags } from './modules/feature-flags/seed';
import { seedDemoMakers } from './modules/profiles/demo-makers';
import { profileRoutes } from './modules/profiles/routes';
import { profileSyncRoutes } from './modules/profiles/sync-routes';
import { purchaseActivityRoutes } from './modules/purchase-activity/routes';
import { searchRoutes } from './modules/search/routes';
import { shippingPreferenceRoutes } from './modules/shipping-preferences/routes';
import { userAdminRoutes } from './modules/user-admin/routes';

export interface AuthServiceOptions {
  /** With a dev-mailbox mailer, the service lists what it would have sent at /dev/mail. */
  mailer?: Mailer;
}

export function createAuthService({ mailer }: AuthServiceOptions = {}): ServiceDefinition {
  const modules: ServiceModule[] = [
    { prefix: '/api/v1', plugin: profileRoutes },
    { prefix: '/api/v1', plugin: profileSyncRoutes },
    { prefix: '/api/v1', plugin: shippingPreferenceRoutes },
    { prefix: '/api/v1', plugin: purchaseActivityRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/api/v1', plugin: userAdminRoutes },
    { prefix: '/api/v1', plugin: auditLogRoutes },
    { prefix: '/api/v1', plugin: featureFlagRoutes },
    { prefix: '/api/v1', plugin: parkedEventRoutes },
    { prefix: '/api/v1', plugin: notificationRoutes(mailer) },
  ];
  if (mailer?.transport === 'dev-mailbox')
    modules.push({ prefix: '/dev', plugin: devMailRoutes(mailer) });
  return {
    name: 'auth',
    title: 'MakrX.org API',
    description:
      'Maker profiles, community and preferences of MakrX.org, beside the identity provider.',
    authentication: (issuer) => serviceAuthentication(issuer, 'auth-service'),
    modules,
    consumers: [notificationDelivery(mailer)],
    // The flags are configuration, not demo data: the auth service's main seeds them in
    // production too (src/main.ts); seeding runs once per database either way.
    seedDemoData: async (db) => {
      await seedFeatureFlags(db);
      await seedDemoMakers(db);
    },
  };
}
