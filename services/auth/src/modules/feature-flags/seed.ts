import type { FlagKey } from '@makrx/contracts';
import { seedOnce, type Database } from '@makrx/db';
import { featureFlags } from '@makrx/db/schema';
import { and, eq } from 'drizzle-orm';

type Seed = typeof featureFlags.$inferInsert & { key: FlagKey; name: string };

/** The flags of spec section 5 with their starting state; admins change them afterwards. */
export const flagSeeds: Seed[] = [
  {
    key: 'ENABLE_CROSS_DOMAIN_NOTIFICATIONS',
    name: 'Notifications across portals',
    scope: 'global',
    domain: null,
    enabled: true,
    description: 'Notifications that cross domains, such as a store order shown in the cave.',
  },
  {
    key: 'MAINTENANCE_MODE',
    name: 'Maintenance mode',
    scope: 'global',
    domain: null,
    enabled: false,
    description:
      'Every app shows the maintenance page and the services refuse writes; super admins can still sign in.',
  },
  {
    key: 'ENABLE_NEW_AUTHENTICATION_FLOW',
    name: 'New sign-in flow',
    scope: 'global',
    domain: null,
    enabled: false,
    description:
      'The redesigned sign-in and sign-up screens: passkeys on them and in the MakrX.org account.',
  },
  {
    key: 'ENABLE_UNIFIED_SEARCH',
    name: 'Search across MakrX',
    scope: 'global',
    domain: null,
    enabled: true,
    description:
      'One search box in the shared header for products, makerspaces, makers and projects.',
  },
  {
    key: 'ENABLE_COMMUNITY_FEATURES',
    name: 'Community',
    scope: 'domain',
    domain: 'org',
    enabled: true,
    description: 'Maker profiles, follows and community pages on MakrX.org.',
  },
  {
    key: 'SHOW_MAKER_SPOTLIGHT',
    name: 'Maker spotlight',
    scope: 'domain',
    domain: 'org',
    enabled: true,
    description: 'The featured makers section on the MakrX.org home page.',
  },
  {
    key: 'ENABLE_PORTAL_NAVIGATION_V2',
    name: 'New portal navigation',
    scope: 'domain',
    domain: 'org',
    enabled: false,
    description: 'The second version of the portal navigation between the three apps.',
  },
  {
    key: 'ENABLE_ADVANCED_ANALYTICS',
    name: 'Advanced analytics',
    scope: 'makerspace',
    domain: 'cave',
    enabled: false,
    description: 'The advanced analytics dashboard of a makerspace (usage, revenue, trends).',
  },
  {
    key: 'ENABLE_BOM_ORDERING',
    name: 'Order BOMs from the store',
    scope: 'domain',
    domain: 'cave',
    enabled: true,
    description: '"Order from Store" buttons on project bills of materials.',
  },
  {
    key: 'ENABLE_REAL_TIME_EQUIPMENT_STATUS',
    name: 'Live equipment status',
    scope: 'domain',
    domain: 'cave',
    enabled: false,
    description: 'Live equipment status pushed to the cave instead of refreshed on load.',
  },
  {
    key: 'ENABLE_AUTOMATED_BILLING',
    name: 'Automated billing',
    scope: 'makerspace',
    domain: 'cave',
    enabled: false,
    description: 'Membership and equipment usage billed automatically for a makerspace.',
  },
  {
    key: 'ENABLE_PROJECT_COLLABORATION',
    name: 'Project collaboration',
    scope: 'domain',
    domain: 'cave',
    enabled: true,
    description: 'Shared projects with collaborators, comments and task lists in the cave.',
  },
  {
    key: 'ENABLE_STL_UPLOAD',
    name: '3D file uploads for printing',
    scope: 'domain',
    domain: 'store',
    enabled: true,
    description: 'Uploading 3D files (STL) for print-on-demand quotes in the store.',
  },
  {
    key: 'ENABLE_QUICK_REORDER',
    name: 'Quick reorder',
    scope: 'domain',
    domain: 'store',
    enabled: true,
    description: 'Reordering a past order in one click.',
  },
  {
    key: 'ENABLE_NEW_CHECKOUT_FLOW',
    name: 'New checkout',
    scope: 'domain',
    domain: 'store',
    enabled: false,
    description: 'The redesigned single-page checkout.',
  },
  {
    key: 'ENABLE_SERVICE_MARKETPLACE',
    name: 'Service marketplace',
    scope: 'domain',
    domain: 'store',
    enabled: false,
    description: 'Fabrication services offered by service providers in the store.',
  },
  {
    key: 'ENABLE_ADVANCED_SEARCH',
    name: 'Advanced product search',
    scope: 'domain',
    domain: 'store',
    enabled: false,
    description: 'Faceted product search with filters by material, price and availability.',
  },
];

/**
 * Seeds the flags once per database. They are configuration, not demo data: embedded mode
 * seeds them with the demo data, and the auth service's main seeds them in production.
 */
export async function seedFeatureFlags(db: Database): Promise<void> {
  await seedOnce(db, 'auth:feature-flags', async (tx) => {
    await tx.insert(featureFlags).values(flagSeeds).onConflictDoNothing();
  });
  // Databases seeded before flags had names get them once; an admin's state stays as it is.
  await seedOnce(db, 'auth:feature-flag-names', async (tx) => {
    for (const { key, name } of flagSeeds) {
      await tx
        .update(featureFlags)
        .set({ name })
        .where(and(eq(featureFlags.key, key), eq(featureFlags.name, '')));
    }
  });
}
