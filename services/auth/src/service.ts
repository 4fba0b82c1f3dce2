import { liveChannels } from '@makrx/contracts';
import type { ServiceDefinition } from '@makrx/service-kit';
import { authConfigOf, authEnv } from './config';
import { embeddedIdentityProvider, seedDemoUsers } from './identity';
import { finishAccountErasures } from './modules/account/finish-erasures';
import { accountRoutes } from './modules/account/routes';
import { auditLogRoutes } from './modules/audit-log/routes';
import { communityRoutes } from './modules/community/routes';
import { devMailRoutes } from './modules/dev-mail/routes';
import { sessionRoutes } from './modules/identity/session-routes';
import { featureFlagRoutes } from './modules/feature-flags/routes';
import { passkeyRoutes } from './modules/identity/passkey-routes';
import { seedFeatureFlags } from './modules/feature-flags/seed';
import { notificationDelivery } from './modules/notifications/delivery';
import { notificationRoutes } from './modules/notifications/routes';
import { seedDemoMakers } from './modules/profiles/demo-makers';
import { avatarFileRoutes, profileRoutes } from './modules/profiles/routes';
import { profileSyncRoutes } from './modules/profiles/sync-routes';
import { purchaseActivityRoutes } from './modules/purchase-activity/routes';
import { searchRoutes } from './modules/search/routes';
import { shippingPreferenceRoutes } from './modules/shipping-preferences/routes';
import { userAdminRoutes } from './modules/user-admin/routes';

export const authService: ServiceDefinition = {
  name: 'auth',
  title: 'MakrX.org API',
  description:
    'Maker profiles, community and preferences of MakrX.org, beside the identity provider.',
  env: authEnv,
  audience: 'auth-service',
  modules: [
    { prefix: '/api/v1', plugin: profileRoutes },
    { prefix: '/api/v1', plugin: profileSyncRoutes },
    { prefix: '/media', plugin: avatarFileRoutes },
    { prefix: '/api/v1', plugin: shippingPreferenceRoutes },
    { prefix: '/api/v1', plugin: sessionRoutes },
    { prefix: '/api/v1', plugin: passkeyRoutes },
    { prefix: '/api/v1', plugin: purchaseActivityRoutes },
    { prefix: '/api/v1', plugin: communityRoutes },
    { prefix: '/api/v1', plugin: searchRoutes },
    { prefix: '/api/v1', plugin: userAdminRoutes },
    { prefix: '/api/v1', plugin: auditLogRoutes },
    { prefix: '/api/v1', plugin: featureFlagRoutes },
    { prefix: '/api/v1', plugin: notificationRoutes },
    { prefix: '/api/v1', plugin: accountRoutes },
    // What would have been mailed, while mail goes to the dev mailbox (embedded mode only).
    { prefix: '/dev', plugin: devMailRoutes },
  ],
  // The gateway's pages hear of new notifications (the bell) over this service's stream.
  live: { channels: [liveChannels.notifications] },
  consumers: [notificationDelivery],
  // A deletion the cave or the store did not confirm is asked of them again.
  jobs: [finishAccountErasures],
  // The spec's feature flags are configuration every deployment needs, demo or not.
  seedConfiguration: seedFeatureFlags,
  seedDemoData: async (db, config) => {
    // Users first: the makers' profiles, and the cave's demo memberships, refer to them.
    await seedDemoUsers(db, authConfigOf(config).MAKRX_DEMO_PASSWORD);
    await seedDemoMakers(db);
  },
  companions: async (app, env) => {
    const idp = await embeddedIdentityProvider(app, authConfigOf(app.config), env);
    return idp ? [idp] : [];
  },
};
