import { seedOnce, type Database } from '@makrx/db';
import type { ServiceConfig } from '@makrx/service-kit';
import { z } from 'zod';
import { purchasingAccounts } from './tables';

/** The demo makerspace whose admins order from BOMs on account (the cave's demo data). */
export const DEMO_ACCOUNT_MAKERSPACE = 'makrx-hub-bengaluru';

/**
 * The cave's id of the demo makerspace, asked of its public API: the store keeps no copy of the
 * cave's makerspaces (DESIGN, "Cross-domain rules"). Undefined when the cave does not answer.
 */
async function demoMakerspaceId(caveApiUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(
      new URL(`/api/v1/makerspaces/${DEMO_ACCOUNT_MAKERSPACE}`, caveApiUrl),
      { signal: AbortSignal.timeout(2_000) },
    );
    if (!response.ok) return undefined;
    const parsed = z.object({ id: z.uuid() }).safeParse(await response.json());
    return parsed.success ? parsed.data.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo makerspace's purchasing account, seeded once in embedded mode. The launcher starts
 * the cave before the store, so its id can be asked for; a store started alone seeds the account
 * on a later start, when the cave answers.
 */
export async function seedDemoPurchasingAccount(db: Database, config: ServiceConfig) {
  const makerspaceId = await demoMakerspaceId(config.CAVE_API_URL);
  if (!makerspaceId) return;
  await seedOnce(db, 'store:demo-purchasing-account', async (tx) => {
    await tx
      .insert(purchasingAccounts)
      .values({
        makerspaceId,
        name: 'MakrX Hub Bengaluru',
        billingEmail: 'accounts@hub-bengaluru.demo.makrx.org',
        billingAddress: {
          name: 'MakrX Hub Bengaluru',
          line1: '80 Feet Road, Koramangala 4th Block',
          city: 'Bengaluru',
          region: 'KA',
          postalCode: '560034',
          country: 'IN',
        },
        monthlyLimitCents: 500_000,
      })
      .onConflictDoNothing();
  });
}
