import type { Database } from '@makrx/db';
import { seedOnce } from '@makrx/db';
import { eq, inArray } from 'drizzle-orm';
import { categories, products, productVariants } from './tables';

/** Demo catalog for embedded mode: real-looking maker products with stock (DESIGN "Demo data"). */

const demoCategories = [
  {
    slug: 'filament',
    name: 'Filament',
    description: 'FDM filament in 1.75 mm, dried and vacuum sealed.',
  },
  { slug: 'resin', name: 'Resin', description: 'Photopolymer resins for MSLA and DLP printers.' },
  {
    slug: 'electronics',
    name: 'Electronics',
    description: 'Boards, motors, sensors and LEDs for your builds.',
  },
  {
    slug: 'printer-parts',
    name: 'Printer parts',
    description: 'Nozzles, build plates and upgrades.',
  },
  {
    slug: 'tools',
    name: 'Tools',
    description: 'Measuring, cutting and soldering tools for the bench.',
  },
  { slug: 'hardware', name: 'Hardware', description: 'Screws, inserts and bearings by the box.' },
];

interface DemoProduct {
  sku: string;
  slug: string;
  name: string;
  brand: string;
  category: string;
  priceCents: number;
  stock: number;
  summary: string;
  description: string;
  specs: Record<string, string>;
  featuredRank?: number;
}

const demoProducts: DemoProduct[] = [
  {
    sku: 'FIL-PLA-GBK-1000',
    slug: 'pla-filament-galaxy-black-1kg',
    name: 'Galaxy PLA Filament',
    brand: 'Prusament',
    category: 'filament',
    priceCents: 2999,
    stock: 84,
    featuredRank: 1,
    summary: 'Deep black PLA with a fine glitter that hides layer lines.',
    description:
      'A dependable PLA with ±0.02 mm diameter tolerance and a sparkle that makes layer lines almost disappear. Prints cleanly at 210–220 °C on a smooth or textured sheet with no enclosure needed.',
    specs: {
      Material: 'PLA',
      Diameter: '1.75 mm ± 0.02 mm',
      'Nozzle temperature': '205–225 °C',
      'Bed temperature': '40–60 °C',
    },
  },
  {
    sku: 'FIL-PLA-AWH-1000',
    slug: 'pla-filament-arctic-white-1kg',
    name: 'Matte PLA Filament',
    brand: 'Polymaker',
    category: 'filament',
    priceCents: 2499,
    stock: 120,
    summary: 'Bright, matte white PLA for prototypes and prints you will paint.',
    description:
      'A matte, easy-printing PLA that sands and primes well, made for functional prototypes and display pieces alike. Comes on a recyclable cardboard spool.',
    specs: {
      Material: 'PLA',
      Diameter: '1.75 mm ± 0.03 mm',
      'Nozzle temperature': '190–220 °C',
      'Bed temperature': '25–60 °C',
    },
  },
  {
    sku: 'FIL-PETG-SOR-1000',
    slug: 'petg-filament-signal-orange-1kg',
    name: 'PETG Filament',
    brand: 'Prusament',
    category: 'filament',
    priceCents: 2999,
    stock: 42,
    featuredRank: 4,
    summary: 'Tough, slightly flexible PETG for parts that take a knock.',
    description:
      'PETG combines strength, a little give and good heat resistance, which makes it the go-to for brackets, enclosures and outdoor parts. Signal Orange is easy to spot on a crowded bench.',
    specs: {
      Material: 'PETG',
      Diameter: '1.75 mm ± 0.02 mm',
      'Nozzle temperature': '230–250 °C',
      'Bed temperature': '70–90 °C',
    },
  },
  {
    sku: 'FIL-PETG-TBL-1000',
    slug: 'petg-filament-transparent-blue-1kg',
    name: 'Transparent PETG Filament',
    brand: 'Polymaker',
    category: 'filament',
    priceCents: 2699,
    stock: 3,
    summary: 'Glass-clear blue PETG for light pipes, vases and covers.',
    description:
      'A translucent PETG that prints clear in vase mode and glossy in solid parts. Great for lamp shades and diffusers.',
    specs: {
      Material: 'PETG',
      Diameter: '1.75 mm ± 0.03 mm',
      'Nozzle temperature': '230–250 °C',
      'Bed temperature': '70–80 °C',
    },
  },
  {
    sku: 'FIL-TPU-BLK-500',
    slug: 'tpu-95a-filament-black-500g',
    name: 'TPU 95A Filament',
    brand: 'NinjaTek',
    category: 'filament',
    priceCents: 3299,
    stock: 18,
    summary: 'Flexible, abrasion-resistant TPU for gaskets, grips and bumpers.',
    description:
      'Shore 95A TPU prints on most direct-drive printers at moderate speed. Use it for phone cases, feet, seals and anything that should bend and spring back.',
    specs: {
      Material: 'TPU',
      Hardness: 'Shore 95A',
      Diameter: '1.75 mm',
      'Nozzle temperature': '220–240 °C',
    },
  },
  {
    sku: 'FIL-ASA-GRY-1000',
    slug: 'asa-filament-grey-1kg',
    name: 'ASA Filament',
    brand: 'Polymaker',
    category: 'filament',
    priceCents: 3499,
    stock: 0,
    summary: 'UV-stable ASA for parts that live outdoors.',
    description:
      'ASA keeps its colour and strength in sunlight and heat. Print it in an enclosure for the best results.',
    specs: {
      Material: 'ASA',
      Diameter: '1.75 mm',
      'Nozzle temperature': '240–260 °C',
      'Bed temperature': '90–110 °C',
    },
  },
  {
    sku: 'RES-STD-GRY-1000',
    slug: 'standard-resin-grey-1l',
    name: 'Standard Resin, Grey, 1 L',
    brand: 'Elegoo',
    category: 'resin',
    priceCents: 3499,
    stock: 36,
    featuredRank: 6,
    summary: 'Low-odour grey resin that shows every detail of a miniature.',
    description:
      'A 405 nm standard resin with low shrinkage and a neutral grey that makes fine detail easy to inspect. Ideal for miniatures and prototypes.',
    specs: {
      Wavelength: '405 nm',
      Volume: '1 L',
      Viscosity: '150–200 mPa·s',
      Hardness: 'Shore 84D',
    },
  },
  {
    sku: 'RES-ABS-CLR-1000',
    slug: 'abs-like-resin-clear-1l',
    name: 'ABS-like Resin, Clear, 1 L',
    brand: 'Siraya Tech',
    category: 'resin',
    priceCents: 4299,
    stock: 12,
    summary: 'A tougher resin with ABS-like impact strength, crystal clear.',
    description:
      'Less brittle than standard resins and transparent after a clear coat, for functional resin parts and lenses.',
    specs: {
      Wavelength: '405 nm',
      Volume: '1 L',
      'Tensile strength': '48 MPa',
      Hardness: 'Shore 80D',
    },
  },
  {
    sku: 'RES-WW-WHT-1000',
    slug: 'water-washable-resin-white-1l',
    name: 'Water-Washable Resin, White, 1 L',
    brand: 'Anycubic',
    category: 'resin',
    priceCents: 3799,
    stock: 27,
    summary: 'Rinse prints in water instead of alcohol.',
    description:
      'Clean up with tap water and skip the IPA. A bright white finish that takes paint well.',
    specs: { Wavelength: '405 nm', Volume: '1 L', Cleaning: 'Water', Hardness: 'Shore 82D' },
  },
  {
    sku: 'ELE-ESP32-DKV1',
    slug: 'esp32-devkit-v1',
    name: 'ESP32 DevKit V1',
    brand: 'Espressif',
    category: 'electronics',
    priceCents: 899,
    stock: 240,
    featuredRank: 2,
    summary: 'Dual-core Wi-Fi and Bluetooth board for connected projects.',
    description:
      'The ESP32-WROOM-32 module on a breadboard-friendly board with USB-C, programmable from Arduino, ESP-IDF or MicroPython.',
    specs: {
      Chip: 'ESP32-WROOM-32',
      'Clock speed': '240 MHz',
      Flash: '4 MB',
      Wireless: 'Wi-Fi 802.11 b/g/n, Bluetooth 4.2',
      USB: 'USB-C',
    },
  },
  {
    sku: 'ELE-ARD-UNOR4M',
    slug: 'arduino-uno-r4-minima',
    name: 'Arduino UNO R4 Minima',
    brand: 'Arduino',
    category: 'electronics',
    priceCents: 2000,
    stock: 55,
    summary: 'The classic UNO form factor with a 32-bit Renesas RA4M1.',
    description:
      'Shield-compatible with a decade of UNO projects, now with 256 KB of flash, a 14-bit DAC and CAN bus.',
    specs: {
      MCU: 'Renesas RA4M1 (Arm Cortex-M4)',
      Clock: '48 MHz',
      Flash: '256 KB',
      SRAM: '32 KB',
      'Operating voltage': '5 V',
    },
  },
  {
    sku: 'ELE-RPI-PICOW',
    slug: 'raspberry-pi-pico-w',
    name: 'Raspberry Pi Pico W',
    brand: 'Raspberry Pi',
    category: 'electronics',
    priceCents: 600,
    stock: 310,
    summary: 'RP2040 microcontroller with on-board Wi-Fi.',
    description:
      'Dual Cortex-M0+ cores, programmable I/O and 2.4 GHz wireless, for sensors, displays and small robots.',
    specs: { MCU: 'RP2040', Clock: '133 MHz', Flash: '2 MB', Wireless: 'Wi-Fi 802.11n' },
  },
  {
    sku: 'ELE-NEMA17-4248',
    slug: 'nema17-stepper-motor-42-48',
    name: 'NEMA 17 Stepper Motor, 42-48',
    brand: 'StepperOnline',
    category: 'electronics',
    priceCents: 1399,
    stock: 64,
    summary: 'A 1.8° stepper with 45 N·cm holding torque for printers and CNC.',
    description:
      'The workhorse motor of desktop printers and plotters. Comes with a 1 m detachable cable.',
    specs: {
      'Step angle': '1.8°',
      'Holding torque': '45 N·cm',
      'Rated current': '1.5 A',
      'Body length': '48 mm',
    },
  },
  {
    sku: 'ELE-MG90S-5PK',
    slug: 'mg90s-micro-servo-5pack',
    name: 'MG90S Metal-Gear Micro Servo, 5-pack',
    brand: 'TowerPro',
    category: 'electronics',
    priceCents: 1699,
    stock: 40,
    summary: 'Metal-gear micro servos for robot arms and RC builds.',
    description:
      'Five 9 g servos with metal gears, about 2 kg·cm of torque and the standard 3-pin connector.',
    specs: { Torque: '1.8–2.2 kg·cm', Speed: '0.1 s/60°', Weight: '13.4 g', Voltage: '4.8–6 V' },
  },
  {
    sku: 'PRT-NZL-HS04-3',
    slug: 'hardened-steel-nozzle-set-0-4',
    name: 'Hardened Steel Nozzle Set, 0.4 mm',
    brand: 'E3D',
    category: 'printer-parts',
    priceCents: 2499,
    stock: 30,
    featuredRank: 5,
    summary: 'Three wear-resistant nozzles for carbon fibre and glow-in-the-dark filaments.',
    description:
      'Hardened tool steel resists abrasive filaments that wear through brass in hours. M6 thread fits V6-style hot ends.',
    specs: { Material: 'Hardened steel', Diameter: '0.4 mm', Thread: 'M6', Quantity: '3' },
  },
  {
    sku: 'PRT-NZL-BRS-24',
    slug: 'brass-nozzle-assortment-24',
    name: 'Brass Nozzle Assortment, 24 pieces',
    brand: 'MakrX Essentials',
    category: 'printer-parts',
    priceCents: 1299,
    stock: 75,
    summary: 'From 0.2 to 1.0 mm: the right nozzle for every job.',
    description: 'Brass MK8 nozzles in six sizes, in a labelled case, with a cleaning needle set.',
    specs: {
      Material: 'Brass',
      Sizes: '0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0 mm',
      Thread: 'M6',
      Quantity: '24',
    },
  },
  {
    sku: 'PRT-PEI-TX-256',
    slug: 'textured-pei-sheet-256',
    name: 'Textured PEI Sheet, 256 × 256 mm',
    brand: 'MakrX Essentials',
    category: 'printer-parts',
    priceCents: 3499,
    stock: 22,
    summary: 'Spring-steel sheet with textured PEI: parts pop off when cool.',
    description:
      'Double-sided powder-coated PEI on spring steel for a grippy, textured bottom surface. Fits 256 mm beds with a magnetic base.',
    specs: {
      Size: '256 × 256 mm',
      Surface: 'Textured PEI, double-sided',
      Base: 'Spring steel',
      'Max temperature': '120 °C',
    },
  },
  {
    sku: 'TOL-CAL-DIG-150',
    slug: 'digital-calipers-150mm',
    name: 'Digital Calipers, 150 mm',
    brand: 'Mitutoyo',
    category: 'tools',
    priceCents: 4999,
    stock: 15,
    featuredRank: 3,
    summary: 'Stainless calipers that read to 0.01 mm.',
    description:
      'Measure outside, inside, depth and step dimensions with a clear LCD readout and zero at any position.',
    specs: {
      Range: '0–150 mm',
      Resolution: '0.01 mm',
      Accuracy: '±0.02 mm',
      Material: 'Stainless steel',
    },
  },
  {
    sku: 'TOL-CUT-FLUSH',
    slug: 'flush-cutters-precision',
    name: 'Precision Flush Cutters',
    brand: 'Hakko',
    category: 'tools',
    priceCents: 899,
    stock: 88,
    summary: 'Clean, flat cuts on supports, zip ties and component leads.',
    description:
      'Spring-loaded flush cutters with a fine tip for removing supports and trimming leads.',
    specs: { Length: '125 mm', 'Max wire': '1.0 mm copper', Jaw: 'Flush, induction hardened' },
  },
  {
    sku: 'TOL-SLD-60W',
    slug: 'soldering-station-60w',
    name: 'Soldering Station, 60 W',
    brand: 'Pinecil',
    category: 'tools',
    priceCents: 5999,
    stock: 9,
    summary: 'Temperature-controlled station that heats up in seconds.',
    description:
      'A 60 W station with digital control from 200 to 450 °C, a sleep stand and two spare tips.',
    specs: {
      Power: '60 W',
      'Temperature range': '200–450 °C',
      'Heat-up': '< 10 s to 300 °C',
      Tips: 'Conical and chisel',
    },
  },
  {
    sku: 'TOL-EM-18-5',
    slug: '1-8-inch-endmill-set',
    name: '1/8 inch Carbide End Mill Set, 5 pieces',
    brand: 'Carbide 3D',
    category: 'tools',
    priceCents: 3999,
    stock: 14,
    summary: 'Flat, ball and V-bits for wood, plastics and aluminium.',
    description: 'Five solid carbide end mills with 1/8" shanks for desktop CNC routers.',
    specs: { Shank: '1/8 inch', Material: 'Solid carbide', Set: '2 flat, 1 ball, 2 V-bit' },
  },
  {
    sku: 'HW-M3-SKT-520',
    slug: 'm3-socket-screw-kit-520',
    name: 'M3 Socket Head Screw Kit, 520 pieces',
    brand: 'MakrX Essentials',
    category: 'hardware',
    priceCents: 1899,
    stock: 60,
    summary: 'M3 screws from 4 to 30 mm, with nuts and washers.',
    description:
      'Black-oxide alloy steel socket head cap screws in eight lengths, with hex nuts and washers, sorted in a labelled case.',
    specs: {
      Thread: 'M3 × 0.5',
      Lengths: '4, 6, 8, 10, 12, 16, 20, 30 mm',
      Material: 'Alloy steel, black oxide',
      Pieces: '520',
    },
  },
  {
    sku: 'HW-BRG-608ZZ-10',
    slug: '608zz-bearings-10pack',
    name: '608ZZ Bearings, 10-pack',
    brand: 'SKF',
    category: 'hardware',
    priceCents: 999,
    stock: 150,
    summary: 'Shielded skateboard bearings for spools, rollers and spinners.',
    description: 'The universal 8 × 22 × 7 mm bearing, double-shielded and pre-lubricated.',
    specs: { Bore: '8 mm', 'Outer diameter': '22 mm', Width: '7 mm', Shield: 'Metal, both sides' },
  },
  {
    sku: 'HW-INS-M3-100',
    slug: 'heat-set-insert-kit-m3',
    name: 'Heat-Set Insert Kit, M3, 100 pieces',
    brand: 'CNC Kitchen',
    category: 'hardware',
    priceCents: 1499,
    stock: 2,
    summary: 'Brass threaded inserts for strong, reusable threads in prints.',
    description:
      'Press them in with a soldering iron for threads that survive hundreds of assemblies.',
    specs: { Thread: 'M3', Length: '5.7 mm', Material: 'Brass', Pieces: '100' },
  },
  {
    sku: 'ELE-LED-WS2812B-1M',
    slug: 'ws2812b-led-strip-1m',
    name: 'WS2812B Addressable LED Strip, 1 m',
    brand: 'BTF-Lighting',
    category: 'electronics',
    priceCents: 1199,
    stock: 70,
    summary: '60 individually addressable RGB LEDs per metre.',
    description:
      'Drive each LED from one data pin with FastLED or NeoPixel libraries. Cut every three centimetres.',
    specs: { 'LEDs per metre': '60', Voltage: '5 V', Protection: 'IP30', Length: '1 m' },
  },
  {
    sku: 'ELE-SNS-VL53L0X',
    slug: 'vl53l0x-tof-sensor',
    name: 'VL53L0X Time-of-Flight Distance Sensor',
    brand: 'Adafruit',
    category: 'electronics',
    priceCents: 1495,
    stock: 33,
    summary: 'Laser ranging up to 2 m over I²C.',
    description:
      'A tiny laser time-of-flight sensor that measures distance to millimetres regardless of the target colour.',
    specs: { Range: '30–2000 mm', Interface: 'I²C', Voltage: '2.6–5.5 V', Wavelength: '940 nm' },
  },
];

/**
 * The filaments come in more colours and spool sizes than the one their product was first
 * listed in; that first one keeps the product's SKU. Codes: `<material>-<colour>-<grams>`.
 */
interface FilamentRange {
  colours: [code: string, name: string][];
  sizes: [grams: number, label: string][];
}

const filamentRanges: Record<string, FilamentRange> = {
  'FIL-PLA-GBK-1000': {
    colours: [
      ['GBK', 'Galaxy Black'],
      ['GSV', 'Galaxy Silver'],
      ['GPU', 'Galaxy Purple'],
    ],
    sizes: [
      [1000, '1 kg'],
      [2000, '2 kg'],
    ],
  },
  'FIL-PLA-AWH-1000': {
    colours: [['AWH', 'Arctic White']],
    sizes: [
      [1000, '1 kg'],
      [250, '250 g'],
      [3000, '3 kg'],
    ],
  },
  'FIL-PETG-SOR-1000': {
    colours: [
      ['SOR', 'Signal Orange'],
      ['JBK', 'Jet Black'],
    ],
    sizes: [
      [1000, '1 kg'],
      [2000, '2 kg'],
    ],
  },
  'FIL-PETG-TBL-1000': {
    colours: [
      ['TBL', 'Transparent Blue'],
      ['TGR', 'Transparent Green'],
    ],
    sizes: [[1000, '1 kg']],
  },
  'FIL-TPU-BLK-500': {
    colours: [
      ['BLK', 'Black'],
      ['RED', 'Red'],
    ],
    sizes: [[500, '500 g']],
  },
  'FIL-ASA-GRY-1000': {
    colours: [['GRY', 'Grey']],
    sizes: [
      [1000, '1 kg'],
      [2500, '2.5 kg'],
    ],
  },
};

interface DemoVariant {
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  stock: number;
  position: number;
  imageUrl: string | null;
}

/** Where a filament variant's own spool picture is served (media/products/variants). */
export const demoVariantImageUrl = (sku: string) =>
  `/media/products/variants/${sku.toLowerCase()}.svg`;

/** A spool's price scales with its weight, a little cheaper per gram on big spools. */
function spoolPrice(baseCents: number, baseGrams: number, grams: number): number {
  const ratio = grams / baseGrams;
  const perGramDiscount = ratio > 1 ? 0.9 : ratio < 1 ? 1.2 : 1;
  return Math.round((baseCents * ratio * perGramDiscount) / 100) * 100 - 1;
}

/** The variants of one demo product: the filament grid, or the product as its only variant. */
export function demoVariantsOf(product: DemoProduct): DemoVariant[] {
  const range = filamentRanges[product.sku];
  if (!range) {
    const { sku, priceCents, stock } = product;
    return [{ sku, options: {}, priceCents, stock, position: 0, imageUrl: null }];
  }
  const prefix = product.sku.split('-').slice(0, 2).join('-');
  const [baseGrams] = range.sizes[0]!;
  return range.colours.flatMap(([code, colour], c) =>
    range.sizes.map(([grams, size], s) => {
      const position = c * range.sizes.length + s;
      return {
        sku: `${prefix}-${code}-${grams}`,
        options: { colour, size },
        priceCents:
          position === 0 ? product.priceCents : spoolPrice(product.priceCents, baseGrams, grams),
        // The first variant keeps the product's stock; the others get a plausible spread.
        stock: position === 0 || product.stock === 0 ? product.stock : (position * 7) % 23,
        position,
        // The first variant is the product's own picture; the others show their colour and size.
        imageUrl: position === 0 ? null : demoVariantImageUrl(`${prefix}-${code}-${grams}`),
      };
    }),
  );
}

/** The filament variants that have their own picture, for the script that draws them. */
export function demoVariantsWithImages(): Array<DemoVariant & { imageUrl: string }> {
  return demoProducts
    .flatMap(demoVariantsOf)
    .filter((variant): variant is DemoVariant & { imageUrl: string } => variant.imageUrl !== null);
}

export async function seedDemoCatalog(db: Database): Promise<void> {
  await seedOnce(db, 'store:demo-catalog', async (tx) => {
    const inserted = await tx
      .insert(categories)
      .values(demoCategories.map((category, position) => ({ ...category, position })))
      .returning({ id: categories.id, slug: categories.slug });
    const categoryId = new Map(inserted.map((row) => [row.slug, row.id]));
    const created = await tx
      .insert(products)
      .values(
        demoProducts.map(({ category, priceCents: _price, stock: _stock, ...product }, index) => ({
          ...product,
          categoryId: categoryId.get(category)!,
          imageUrl: `/media/products/${product.slug}.svg`,
          // Spread creation times so "newest" has a stable, meaningful order.
          createdAt: new Date(Date.UTC(2026, 9, 1) + index * 86_400_000),
        })),
      )
      .returning({ id: products.id, sku: products.sku });
    const productId = new Map(created.map((row) => [row.sku, row.id]));
    await tx.insert(productVariants).values(
      demoProducts.flatMap((product) =>
        demoVariantsOf(product).map((variant) => ({
          ...variant,
          productId: productId.get(product.sku)!,
        })),
      ),
    );
  });
  await seedFilamentRanges(db);
  await seedCategoryTree(db);
  await seedRangeNamesAndImages(db);
}

/**
 * The filaments were first named after the colour and size they were listed in, so a cart line
 * read "PETG Filament, Signal Orange, 1 kg — Colour: Jet Black", and their specifications
 * gave the first size's weight whichever size was chosen. A catalog seeded then gets the
 * range's own name, specifications that leave the weight to the size picked, and the
 * variants' pictures, once.
 */
async function seedRangeNamesAndImages(db: Database): Promise<void> {
  await seedOnce(db, 'store:demo-range-names-and-images', async (tx) => {
    for (const product of demoProducts.filter((p) => filamentRanges[p.sku])) {
      await tx
        .update(products)
        .set({ name: product.name, specs: product.specs })
        .where(eq(products.sku, product.sku));
      for (const variant of demoVariantsOf(product)) {
        if (!variant.imageUrl) continue;
        await tx
          .update(productVariants)
          .set({ imageUrl: variant.imageUrl })
          .where(eq(productVariants.sku, variant.sku));
      }
    }
  });
}

/**
 * Two levels: the printing supplies and the workshop gather their categories; electronics
 * stays at the top. Added once, also to a catalog seeded before categories had parents.
 */
const categoryGroups = [
  {
    slug: '3d-printing',
    name: '3D printing',
    description: 'Filament, resin and the parts that keep a printer printing.',
    children: ['filament', 'resin', 'printer-parts'],
  },
  {
    slug: 'workshop',
    name: 'Workshop',
    description: 'Tools and hardware for the bench.',
    children: ['tools', 'hardware'],
  },
];

async function seedCategoryTree(db: Database): Promise<void> {
  await seedOnce(db, 'store:demo-category-tree', async (tx) => {
    const positions = { '3d-printing': 0, electronics: 1, workshop: 2 } as Record<string, number>;
    for (const group of categoryGroups) {
      const [parent] = await tx
        .insert(categories)
        .values({
          slug: group.slug,
          name: group.name,
          description: group.description,
          position: positions[group.slug],
        })
        .returning({ id: categories.id });
      for (const [position, child] of group.children.entries()) {
        await tx
          .update(categories)
          .set({ parentId: parent!.id, position })
          .where(eq(categories.slug, child));
      }
    }
    await tx
      .update(categories)
      .set({ position: positions.electronics })
      .where(eq(categories.slug, 'electronics'));
  });
}

/**
 * A catalog seeded before products had variants got one variant per product from its
 * migration; this adds the rest of the filament grid to it, once.
 */
async function seedFilamentRanges(db: Database): Promise<void> {
  await seedOnce(db, 'store:demo-filament-variants', async (tx) => {
    const rows = await tx
      .select({ id: products.id, sku: products.sku })
      .from(products)
      .where(inArray(products.sku, Object.keys(filamentRanges)));
    const values = rows.flatMap((row) => {
      const product = demoProducts.find((p) => p.sku === row.sku)!;
      return demoVariantsOf(product)
        .slice(1)
        .map((variant) => ({ ...variant, productId: row.id }));
    });
    if (values.length > 0) await tx.insert(productVariants).values(values).onConflictDoNothing();
  });
}
