import { seedOnce, type Database } from '@makrx/db';
import { findProject } from '../projects/service';
import { bomItems } from './tables';

/**
 * The demo project's bill of materials (DESIGN "Demo data": "a project with a BOM whose items
 * carry store SKUs"): the line-following robot, with Store codes from the demo catalog, parts
 * bought elsewhere, one item already received, one whose stock is short and one whose price
 * went up since it was added.
 */
interface DemoItem {
  name: string;
  quantity: number;
  unit?: string;
  code?: string;
  supplier?: string;
  notes?: string;
  status?: 'needed' | 'received';
  /** A price below today's demo catalog price, so the BOM shows the change. */
  priceWhenAddedCents?: number;
}

const demoItems: DemoItem[] = [
  { name: 'ESP32 DevKit V1', quantity: 1, code: 'ELE-ESP32-DKV1', status: 'received' },
  {
    name: 'VL53L0X distance sensor',
    quantity: 1,
    code: 'ELE-SNS-VL53L0X',
    notes: 'Stops the robot before it hits an obstacle on the track.',
  },
  { name: 'N20 gear motor, 6 V, 300 rpm', quantity: 2, supplier: 'Robu.in' },
  {
    name: 'TCRT5000 IR reflective sensor',
    quantity: 5,
    supplier: 'Robu.in',
    notes: 'Soldered to the sensor bar, 12 mm apart.',
  },
  {
    name: 'Sensor bar PCB, two-layer',
    quantity: 1,
    supplier: 'JLCPCB',
    notes: 'Gerbers are in the build guide.',
  },
  {
    name: 'Birch plywood, 3 mm, 600 × 400 mm',
    quantity: 2,
    unit: 'sheets',
    supplier: 'Local timber yard',
    notes: 'Fits the Glowforge bed; one sheet makes two chassis.',
  },
  {
    name: 'PLA filament, Galaxy Black',
    quantity: 0.25,
    unit: 'kg',
    code: 'FIL-PLA-GBK-1000',
    notes: 'Caster mount and sensor bar bracket.',
    // The spool cost less when the BOM was written.
    priceWhenAddedCents: 2799,
  },
  { name: 'M3 socket head screw kit', quantity: 1, code: 'HW-M3-SKT-520' },
  {
    name: 'Heat-set inserts, M3',
    quantity: 3,
    unit: 'kits',
    code: 'HW-INS-M3-100',
    notes: 'One kit per team of four robots.',
  },
  { name: 'WS2812B LED strip, 1 m', quantity: 1, code: 'ELE-LED-WS2812B-1M' },
];

export async function seedDemoBom(db: Database): Promise<void> {
  const project = await findProject(db, 'line-following-robot-kit', async () => null);
  if (!project) return;
  await seedOnce(db, 'cave:demo-bom', async (tx) => {
    await tx.insert(bomItems).values(
      demoItems.map(({ priceWhenAddedCents, ...item }, position) => ({
        ...item,
        projectId: project.id,
        position,
        ...(priceWhenAddedCents ? { priceWhenAddedCents, currency: 'USD' } : {}),
      })),
    );
  });
}
