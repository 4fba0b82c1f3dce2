import { seedOnce, type Database } from '@makrx/db';
import { printersWhere } from '../equipment/service';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { printOfferings, providerSettings } from './tables';

type Quality = 'draft' | 'standard' | 'fine';

/** Per quality: the machine's hourly rate (finer layers take longer, priced a little higher). */
const hourly: Record<Quality, number> = { draft: 12_000, standard: 15_000, fine: 18_000 };

/** Prices per kg in paise (the demo makerspaces charge in INR). */
const perKg: Record<string, number> = {
  pla: 250_000,
  petg: 300_000,
  'resin-standard': 1_200_000,
};

/** Which demo printers take which materials at which qualities. */
const demoProviders: {
  slug: string;
  location: { latitude: number; longitude: number };
  responseWindowMinutes: number;
  machines: { name: string; materials: string[]; qualities: Quality[] }[];
}[] = [
  {
    slug: 'makrx-hub-bengaluru',
    location: { latitude: 12.9716, longitude: 77.5946 },
    responseWindowMinutes: 120,
    machines: [
      {
        name: 'Prusa MK4 #1',
        materials: ['pla', 'petg'],
        qualities: ['draft', 'standard', 'fine'],
      },
      {
        name: 'Bambu Lab X1 Carbon',
        materials: ['pla', 'petg'],
        qualities: ['draft', 'standard', 'fine'],
      },
      { name: 'Formlabs Form 3+', materials: ['resin-standard'], qualities: ['standard', 'fine'] },
    ],
  },
  {
    slug: 'tinkerworks-pune',
    location: { latitude: 18.5204, longitude: 73.8567 },
    responseWindowMinutes: 240,
    machines: [
      { name: 'Creality K1 Max', materials: ['pla', 'petg'], qualities: ['draft', 'standard'] },
    ],
  },
];

/**
 * The demo providers: the hub (whose demo service provider answers its jobs) and TinkerWorks
 * Pune take print jobs, each placed on the map, with offerings on their 3D printers. Seeded
 * once; a second start changes nothing.
 */
export async function seedDemoPrintOfferings(db: Database): Promise<void> {
  const spaces = await makerspaceIdsBySlug(db);
  const present = demoProviders.filter((p) => spaces.has(p.slug));
  if (present.length === 0) return;
  await seedOnce(db, 'cave:demo-print-offerings', async (tx) => {
    for (const provider of present) {
      const makerspaceId = spaces.get(provider.slug)!;
      await tx
        .insert(providerSettings)
        .values({
          makerspaceId,
          takesPrintJobs: true,
          responseWindowMinutes: provider.responseWindowMinutes,
          ...provider.location,
        })
        .onConflictDoNothing();
      const printers = await printersWhere(tx, { makerspaceIds: [makerspaceId] });
      for (const machine of provider.machines) {
        const printer = printers.find((p) => p.name === machine.name);
        if (!printer?.buildVolumeMm || printer.archived) continue;
        const rows = machine.materials.flatMap((materialKey) =>
          machine.qualities.map((quality) => ({
            makerspaceId,
            equipmentId: printer.id,
            materialKey,
            quality,
            pricePerKg: perKg[materialKey]!,
            machineHourlyRate: materialKey.startsWith('resin')
              ? hourly[quality] * 2
              : hourly[quality],
            setupFee: 10_000,
            minimumCharge: 30_000,
            leadTimeDays: quality === 'fine' ? 4 : 2,
            defaultInfillPercent: materialKey.startsWith('resin') ? 100 : 20,
            quantityDiscounts: [
              { minQuantity: 5, percentOff: 5 },
              { minQuantity: 20, percentOff: 12 },
            ],
            validityHours: 72,
          })),
        );
        await tx.insert(printOfferings).values(rows).onConflictDoNothing();
      }
    }
  });
}
