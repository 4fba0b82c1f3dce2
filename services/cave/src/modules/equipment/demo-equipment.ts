import type { EquipmentSpecifications, EquipmentStatus, EquipmentType } from '@makrx/contracts';
import { seedOnce, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { equipment, maintenanceLog, maintenanceWindows } from './tables';

interface DemoMachine {
  name: string;
  slug: string;
  type: EquipmentType;
  make: string;
  model: string;
  location: string;
  status: EquipmentStatus;
  hourlyRateCents: number;
  specifications?: EquipmentSpecifications;
}

const pla = ['PLA', 'PETG', 'TPU'];

/**
 * MakrX Hub Bengaluru's floor, the demo admin's makerspace: what the cave's pages show first.
 * Rates are in paise (the hub charges in INR): ₹200 an hour on a Prusa, ₹1,000 on the 55 W laser.
 */
const hubMachines: DemoMachine[] = [
  {
    name: 'Prusa MK4 #1',
    slug: 'prusa-mk4-1',
    type: '3d_printer',
    make: 'Prusa Research',
    model: 'Original Prusa MK4',
    location: 'Print farm, shelf A',
    status: 'available',
    hourlyRateCents: 20_000,
    specifications: {
      buildVolumeMm: { x: 250, y: 210, z: 220 },
      materials: [...pla, 'ASA'],
      nozzleDiameterMm: 0.4,
    },
  },
  {
    name: 'Prusa MK4 #2',
    slug: 'prusa-mk4-2',
    type: '3d_printer',
    make: 'Prusa Research',
    model: 'Original Prusa MK4',
    location: 'Print farm, shelf A',
    status: 'in_use',
    hourlyRateCents: 20_000,
    specifications: {
      buildVolumeMm: { x: 250, y: 210, z: 220 },
      materials: [...pla, 'ASA'],
      nozzleDiameterMm: 0.6,
    },
  },
  {
    name: 'Bambu Lab X1 Carbon',
    slug: 'bambu-lab-x1-carbon',
    type: '3d_printer',
    make: 'Bambu Lab',
    model: 'X1 Carbon with AMS',
    location: 'Print farm, shelf B',
    status: 'available',
    hourlyRateCents: 30_000,
    specifications: {
      buildVolumeMm: { x: 256, y: 256, z: 256 },
      materials: [...pla, 'ABS', 'PA-CF', 'PC'],
      nozzleDiameterMm: 0.4,
    },
  },
  {
    name: 'Bambu Lab P1S',
    slug: 'bambu-lab-p1s',
    type: '3d_printer',
    make: 'Bambu Lab',
    model: 'P1S',
    location: 'Print farm, shelf B',
    status: 'available',
    hourlyRateCents: 25_000,
    specifications: {
      buildVolumeMm: { x: 256, y: 256, z: 256 },
      materials: [...pla, 'ABS'],
      nozzleDiameterMm: 0.4,
    },
  },
  {
    name: 'Formlabs Form 3+',
    slug: 'formlabs-form-3',
    type: '3d_printer',
    make: 'Formlabs',
    model: 'Form 3+',
    location: 'Resin room',
    status: 'maintenance',
    hourlyRateCents: 45_000,
    specifications: {
      buildVolumeMm: { x: 145, y: 145, z: 185 },
      materials: ['Standard resin', 'Tough 2000', 'Clear'],
    },
  },
  {
    name: 'xTool P2 55 W CO₂',
    slug: 'xtool-p2-55-w-co',
    type: 'laser_cutter',
    make: 'xTool',
    model: 'P2 55 W',
    location: 'Laser room',
    status: 'available',
    hourlyRateCents: 100_000,
    specifications: {
      buildVolumeMm: { x: 600, y: 308, z: 18 },
      materials: ['Plywood', 'MDF', 'Acrylic', 'Leather', 'Cardboard'],
      laserPowerW: 55,
    },
  },
  {
    name: 'Trotec Speedy 360 60 W CO₂',
    slug: 'trotec-speedy-360',
    type: 'laser_cutter',
    make: 'Trotec',
    model: 'Speedy 360',
    location: 'Laser room',
    status: 'available',
    hourlyRateCents: 150_000,
    specifications: {
      buildVolumeMm: { x: 813, y: 508, z: 308 },
      materials: [
        'Plywood',
        'MDF',
        'Acrylic',
        'Anodised aluminium (engraving)',
        'Glass (engraving)',
      ],
      laserPowerW: 60,
    },
  },
  {
    name: 'Shapeoko 5 Pro',
    slug: 'shapeoko-5-pro',
    type: 'cnc_mill',
    make: 'Carbide 3D',
    model: 'Shapeoko 5 Pro 4×4',
    location: 'CNC bay',
    status: 'in_use',
    hourlyRateCents: 120_000,
    specifications: {
      buildVolumeMm: { x: 1245, y: 1245, z: 120 },
      materials: ['Hardwood', 'Plywood', 'HDPE', 'Aluminium'],
    },
  },
  {
    name: 'Carvera desktop CNC',
    slug: 'carvera-desktop-cnc',
    type: 'cnc_mill',
    make: 'Makera',
    model: 'Carvera',
    location: 'CNC bay',
    status: 'available',
    hourlyRateCents: 90_000,
    specifications: {
      buildVolumeMm: { x: 360, y: 240, z: 140 },
      materials: ['FR-4 (PCB)', 'Brass', 'Aluminium', 'Wax'],
    },
  },
  {
    name: 'Roland CAMM-1 GS2-24',
    slug: 'roland-gs2-24',
    type: 'vinyl_cutter',
    make: 'Roland DG',
    model: 'CAMM-1 GS2-24',
    location: 'Craft corner',
    status: 'available',
    hourlyRateCents: 35_000,
    specifications: {
      materials: ['Vinyl', 'Heat-transfer film', 'Sandblast mask'],
    },
  },
  {
    name: 'Hakko FX-951 bench',
    slug: 'hakko-fx-951-bench',
    type: 'electronics_bench',
    make: 'Hakko',
    model: 'FX-951 with Rigol DS1054Z',
    location: 'Electronics lab, bench 1',
    status: 'available',
    hourlyRateCents: 0,
  },
  {
    name: 'SMD rework bench',
    slug: 'smd-rework-bench',
    type: 'electronics_bench',
    make: 'Quick',
    model: '861DW hot air with microscope',
    location: 'Electronics lab, bench 2',
    status: 'offline',
    hourlyRateCents: 15_000,
  },
];

type Line = [name: string, type: EquipmentType, status: EquipmentStatus, hourlyRateCents: number];

/**
 * The other demo makerspaces, described more briefly; rates in minor units of each one's own
 * currency (demo-makerspaces.ts): paise in Pune, pence in Manchester, euro cents in Lisbon and
 * cents in Austin.
 */
const otherMachines: Record<string, Line[]> = {
  'tinkerworks-pune': [
    ['Creality K1 Max', '3d_printer', 'available', 18_000],
    ['Ender 3 S1 Pro', '3d_printer', 'available', 12_000],
    ['Glowforge Pro', 'laser_cutter', 'offline', 90_000],
    ['Rigol DS1054Z bench', 'electronics_bench', 'available', 0],
  ],
  'northside-fab-lab': [
    ['Trotec Speedy 300', 'laser_cutter', 'available', 2000],
    ['Roland GS2-24', 'vinyl_cutter', 'available', 800],
    ['ShopBot Desktop MAX', 'cnc_mill', 'maintenance', 2500],
    ['Ultimaker S5', '3d_printer', 'in_use', 600],
    ['Prusa MINI+', '3d_printer', 'available', 500],
  ],
  'harbour-makers-lisbon': [
    ['Bambu Lab P1S', '3d_printer', 'available', 500],
    ['Epilog Fusion Pro 32', 'laser_cutter', 'in_use', 2500],
    ['Brother PR680W', 'other', 'available', 800],
  ],
  'circuit-garden-austin': [
    ['Controleo3 reflow oven', 'other', 'available', 1000],
    ['Quick 861DW rework', 'electronics_bench', 'available', 0],
    ['Prusa XL 5-toolhead', '3d_printer', 'available', 900],
    ['LPKF ProtoMat E44', 'cnc_mill', 'offline', 3500],
  ],
};

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo makerspaces' machines, with a maintenance history and a window next week at the hub
 * (the trainings their lasers, CNC mills and resin printer require are seeded with trainings).
 * A database seeded before equipment had its own module already holds some of them by name:
 * those keep their rows and gain what the module knows of them.
 */
export async function seedDemoEquipment(db: Database): Promise<void> {
  const spaces = await makerspaceIdsBySlug(db);
  const hubId = spaces.get('makrx-hub-bengaluru');
  if (!hubId) return;
  const rows = demoRows(spaces, hubId);
  await seedOnce(db, 'cave:demo-equipment', async (tx) => {
    const saved = await tx
      .insert(equipment)
      .values(rows)
      .onConflictDoUpdate({
        target: [equipment.makerspaceId, equipment.name],
        set: {
          type: sql`excluded.type`,
          make: sql`excluded.make`,
          model: sql`excluded.model`,
          location: sql`excluded.location`,
          specifications: sql`excluded.specifications`,
        },
      })
      .returning({ id: equipment.id, slug: equipment.slug, makerspaceId: equipment.makerspaceId });
    const hub = (slug: string) => saved.find((m) => m.makerspaceId === hubId && m.slug === slug)!;
    await seedMaintenance(tx, hub);
  });
  await seedOnce(db, 'cave:demo-equipment-local-rates', async (tx) => {
    await priceInLocalCurrency(tx, rows);
  });
}

/** The beds of the other makerspaces' printers, from their makers' data sheets. */
const otherBuildVolumes: Record<string, { x: number; y: number; z: number }> = {
  'Creality K1 Max': { x: 300, y: 300, z: 300 },
  'Ender 3 S1 Pro': { x: 220, y: 220, z: 270 },
  'Ultimaker S5': { x: 330, y: 240, z: 300 },
  'Prusa MINI+': { x: 180, y: 180, z: 180 },
  'Bambu Lab P1S': { x: 256, y: 256, z: 256 },
  'Prusa XL 5-toolhead': { x: 360, y: 360, z: 360 },
};

/** Every demo machine as a row, in the makerspace it belongs to (those that exist). */
function demoRows(spaces: Map<string, string>, hubId: string) {
  return [
    ...hubMachines.map((machine) => ({ ...machine, makerspaceId: hubId })),
    ...Object.entries(otherMachines).flatMap(([slug, lines]) =>
      spaces.has(slug)
        ? lines.map(([name, type, status, hourlyRateCents]) => ({
            makerspaceId: spaces.get(slug)!,
            name,
            slug: slugOf(name),
            type,
            status,
            hourlyRateCents,
            specifications: otherBuildVolumes[name]
              ? { buildVolumeMm: otherBuildVolumes[name] }
              : {},
          }))
        : [],
    ),
  ];
}

/**
 * Demo data seeded while every rate was read as US dollars held a few hundred minor units per
 * machine (₹3 an hour on the hub's Prusas); each demo makerspace now charges in its own
 * currency (decision 0018), so its machines take their local rates once. A fresh database
 * already has them and this changes nothing.
 */
async function priceInLocalCurrency(
  tx: Database,
  rows: ReadonlyArray<{ makerspaceId: string; name: string; hourlyRateCents: number }>,
) {
  for (const row of rows) {
    await tx
      .update(equipment)
      .set({ hourlyRateCents: row.hourlyRateCents })
      .where(and(eq(equipment.makerspaceId, row.makerspaceId), eq(equipment.name, row.name)));
  }
}

async function seedMaintenance(tx: Database, hub: (slug: string) => { id: string }) {
  const [admin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'spaceadmin@demo.makrx.org'));
  const now = Date.now();
  await tx.insert(maintenanceLog).values([
    {
      equipmentId: hub('formlabs-form-3').id,
      summary: 'Resin tank clouded: tank swapped, optical window cleaned',
      notes:
        'Prints failing at the same height. New tank from stock; the old one is kept for grey resin.',
      performedAt: new Date(now - 2 * DAY),
      performedBy: admin?.id ?? null,
    },
    {
      equipmentId: hub('xtool-p2-55-w-co').id,
      summary: 'Lens and mirrors cleaned, beam realigned',
      notes: 'Cut depth back to 6 mm plywood in one pass at 12 mm/s.',
      performedAt: new Date(now - 9 * DAY),
      performedBy: admin?.id ?? null,
    },
    {
      equipmentId: hub('prusa-mk4-2').id,
      summary: 'Nozzle swapped to 0.6 mm for faster drafts',
      notes: '',
      performedAt: new Date(now - 16 * DAY),
      performedBy: admin?.id ?? null,
    },
  ]);
  // Next week, a morning: the CNC's spindle bearings, announced so no one books over it.
  const nextWeek = new Date(now + 7 * DAY);
  nextWeek.setUTCHours(3, 30, 0, 0); // 09:00 in Bengaluru
  const until = new Date(nextWeek.getTime() + 4 * 60 * 60 * 1000);
  await tx.insert(maintenanceWindows).values({
    equipmentId: hub('shapeoko-5-pro').id,
    during:
      sql`tstzrange(${nextWeek.toISOString()}::timestamptz, ${until.toISOString()}::timestamptz, '[)')` as never,
    reason: 'Spindle bearings replaced and the gantry squared',
    scheduledBy: admin?.id ?? null,
  });
}
