/**
 * Writes one illustration per demo product to ./products/<slug>.svg, and one per filament
 * variant that has its own picture to ./products/variants/<sku>.svg.
 * Run with `npx tsx services/store/media/generate-product-images.ts`; the output is
 * deterministic, so re-running only changes files whose drawing changed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arduinoUnoR4, esp32DevKit, ledStrip, picoW, tofSensor } from './illustrations/boards';
import { filamentSpool } from './illustrations/filament';
import { bearingPack, heatSetInserts, screwKit } from './illustrations/hardware';
import { nemaStepper, servoPack } from './illustrations/motion';
import { nozzleAssortment, nozzleSet, peiSheet } from './illustrations/printer-parts';
import { resinBottle } from './illustrations/resin';
import { digitalCalipers, endmillSet, flushCutters, solderingStation } from './illustrations/tools';
import { demoVariantsWithImages } from '../src/modules/catalog/demo-catalog';

const productImages: Record<string, () => string> = {
  'pla-filament-galaxy-black-1kg': () =>
    filamentSpool({
      colour: '#1c1d24',
      material: 'PLA',
      weight: '1 kg',
      sparkle: true,
      flange: '#b98d5f',
    }),
  'pla-filament-arctic-white-1kg': () =>
    filamentSpool({ colour: '#f8fafc', material: 'PLA', weight: '1 kg' }),
  'petg-filament-signal-orange-1kg': () =>
    filamentSpool({ colour: '#f97316', material: 'PETG', weight: '1 kg' }),
  'petg-filament-transparent-blue-1kg': () =>
    filamentSpool({ colour: '#3b82f6', material: 'PETG', weight: '1 kg', translucent: true }),
  'tpu-95a-filament-black-500g': () =>
    filamentSpool({
      colour: '#26282e',
      material: 'TPU 95A',
      weight: '500 g',
      small: true,
      flange: '#9aa3ae',
    }),
  'asa-filament-grey-1kg': () =>
    filamentSpool({ colour: '#8b939e', material: 'ASA', weight: '1 kg' }),
  'standard-resin-grey-1l': () => resinBottle({ colour: '#8b929c', name: 'Standard · Grey' }),
  'abs-like-resin-clear-1l': () =>
    resinBottle({ colour: '#e9eef5', name: 'ABS-like · Clear', clear: true }),
  'water-washable-resin-white-1l': () =>
    resinBottle({ colour: '#f8fafc', name: 'Water-washable · White' }),
  'esp32-devkit-v1': esp32DevKit,
  'arduino-uno-r4-minima': arduinoUnoR4,
  'raspberry-pi-pico-w': picoW,
  'nema17-stepper-motor-42-48': nemaStepper,
  'mg90s-micro-servo-5pack': () => servoPack('×5'),
  'hardened-steel-nozzle-set-0-4': () => nozzleSet('#5b6573', '0.4'),
  'brass-nozzle-assortment-24': () => nozzleAssortment('#d4a03c', '×24'),
  'textured-pei-sheet-256': () => peiSheet('256'),
  'digital-calipers-150mm': digitalCalipers,
  'flush-cutters-precision': flushCutters,
  'm3-socket-screw-kit-520': () => screwKit('#2f343b', '520'),
  '608zz-bearings-10pack': () => bearingPack('×10'),
  'heat-set-insert-kit-m3': () => heatSetInserts('M3'),
  'soldering-station-60w': solderingStation,
  '1-8-inch-endmill-set': endmillSet,
  'ws2812b-led-strip-1m': ledStrip,
  'vl53l0x-tof-sensor': tofSensor,
};

/** How each filament colour of the demo ranges looks on its spool. */
const spoolColours: Record<string, { colour: string; sparkle?: boolean; translucent?: boolean }> = {
  'Galaxy Black': { colour: '#1c1d24', sparkle: true },
  'Galaxy Silver': { colour: '#9ca3af', sparkle: true },
  'Galaxy Purple': { colour: '#4c1d95', sparkle: true },
  'Arctic White': { colour: '#f8fafc' },
  'Signal Orange': { colour: '#f97316' },
  'Jet Black': { colour: '#1f2126' },
  'Transparent Blue': { colour: '#3b82f6', translucent: true },
  'Transparent Green': { colour: '#22c55e', translucent: true },
  Black: { colour: '#26282e' },
  Red: { colour: '#dc2626' },
  Grey: { colour: '#8b939e' },
};

const materialOf = (sku: string) => (sku.startsWith('FIL-TPU') ? 'TPU 95A' : sku.split('-')[1]!);

const outputDir = join(dirname(fileURLToPath(import.meta.url)), 'products');
mkdirSync(join(outputDir, 'variants'), { recursive: true });
for (const [slug, draw] of Object.entries(productImages)) {
  writeFileSync(join(outputDir, `${slug}.svg`), draw());
}
const variants = demoVariantsWithImages();
for (const variant of variants) {
  const look = spoolColours[variant.options.colour!];
  if (!look) throw new Error(`No spool colour for ${variant.options.colour}`);
  const weight = variant.options.size!;
  const svg = filamentSpool({
    ...look,
    material: materialOf(variant.sku),
    weight,
    small: weight.endsWith(' g'),
    flange: look.sparkle ? '#b98d5f' : undefined,
  });
  writeFileSync(join(outputDir, 'variants', `${variant.sku.toLowerCase()}.svg`), svg);
}
console.log(
  `wrote ${Object.keys(productImages).length} product and ${variants.length} variant images to ${outputDir}`,
);
