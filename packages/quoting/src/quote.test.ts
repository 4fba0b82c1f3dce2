import { describe, expect, it } from 'vitest';
import { materials } from './materials.js';
import { isQuoteValid, quote } from './quote.js';
import { blockPart, plaOffering, resinOffering } from './testing.js';

const now = new Date('2026-12-06T10:00:00Z');
// A 20 mm cube: 8,000 mm³ (8 cm³), 6 faces of 400 mm² = 2,400 mm².
const cube = blockPart(20, 20, 20);

describe('quote, FDM, on the 20 mm PLA cube (standard quality: 0.2 mm layers, 8 mm³/s)', () => {
  it('at 100 % infill the cube is solid: 8 cm³ × 1.24 g/cm³ = 9.92 g, and its price follows', () => {
    const q = quote(cube, plaOffering(), { quantity: 1, now, infillPercent: 100 });
    expect(q.grams).toBeCloseTo(9.92, 10);
    // Time: 8,000 mm³ / 8 mm³/s = 1,000 s, plus 20 / 0.2 = 100 layers × 4 s = 400 s → 1,400 s.
    expect(q.printHours).toBeCloseTo(1400 / 3600, 10);
    expect(q.breakdown).toEqual({
      material: 25, // 9.92 g × 2,500 ¢/kg / 1,000 = 24.8 ¢ → 25
      machineTime: 117, // 1,400 / 3,600 h × 300 ¢/h = 116.67 ¢ → 117
      setup: 500,
      discount: 0,
      minimumChargeTopUp: 0,
      total: 642, // 25 + 117 + 500
    });
    expect(q.unitPrice).toBe(141); // 24.8 + 116.67 = 141.47 ¢ → 141
    expect(q.currency).toBe('USD');
    expect(q.layerHeightMm).toBe(0.2);
  });

  it('at 20 % infill only the walls are solid and a fifth of the inside is filled', () => {
    const q = quote(cube, plaOffering(), { quantity: 1, now, infillPercent: 20 });
    // Wall: 2 perimeters × 0.45 mm = 0.9 mm; 2,400 mm² × 0.9 mm = 2,160 mm³ of shell.
    // Inside: 8,000 − 2,160 = 5,840 mm³, 20 % of it = 1,168 mm³. Extruded: 3,328 mm³.
    // 3,328 mm³ × 1.24 g/cm³ / 1,000 = 4.12672 g.
    expect(q.grams).toBeCloseTo(4.12672, 10);
    // 3,328 / 8 = 416 s + 400 s of layers = 816 s.
    expect(q.printHours).toBeCloseTo(816 / 3600, 10);
    expect(q.breakdown).toMatchObject({
      material: 10, // 4.12672 × 2.5 = 10.3168 ¢ → 10
      machineTime: 68, // 816 / 3,600 × 300 = 68 ¢ exactly
      setup: 500,
      total: 578,
    });
    expect(q.infillPercent).toBe(20);
  });

  it("takes the offering's default infill when the customer names none", () => {
    const byDefault = quote(cube, plaOffering({ defaultInfillPercent: 20 }), { quantity: 1, now });
    expect(byDefault.grams).toBeCloseTo(4.12672, 10);
  });

  it('prints a part thinner than its two walls solid, whatever the infill', () => {
    // 100 × 100 × 1 mm: 10,000 mm³, 20,400 mm² × 0.9 mm = 18,360 mm³ of wall, capped at 10,000.
    const plate = quote(blockPart(100, 100, 1), plaOffering(), {
      quantity: 1,
      now,
      infillPercent: 0,
    });
    expect(plate.grams).toBeCloseTo(12.4, 10);
  });
});

describe('quote, SLA and SLS: weight from volume, time from layers', () => {
  it('weighs resin as volume × density plus 10 % for supports', () => {
    const q = quote(cube, resinOffering(), { quantity: 1, now });
    // 8,000 mm³ × 1.1 × 1.10 g/cm³ / 1,000 = 9.68 g.
    expect(q.grams).toBeCloseTo(9.68, 10);
    // 20 mm / 0.05 mm = 400 layers × 10 s = 4,000 s.
    expect(q.printHours).toBeCloseTo(4000 / 3600, 10);
    expect(q.infillPercent).toBeNull();
    expect(q.lines.map((l) => l.detail).join(' ')).not.toContain('infill');
  });

  it('weighs nylon PA12 as volume × density, no supports', () => {
    const q = quote(cube, resinOffering({ material: materials.nylonPa12 }), { quantity: 1, now });
    expect(q.grams).toBeCloseTo(8.08, 10);
  });
});

describe('height matters', () => {
  // Three parts of the same 8,000 mm³: the cube, a 10 × 10 × 80 tower, a 40 × 40 × 5 tile.
  const tower = blockPart(10, 10, 80);
  const tile = blockPart(40, 40, 5);

  it('a taller FDM part of the same volume takes longer: more layers to change', () => {
    const options = { quantity: 1, now, infillPercent: 100 };
    const hours = [tile, cube, tower].map((part) => quote(part, plaOffering(), options).printHours);
    // Tile 25 layers, cube 100, tower 400; each 1,000 s of extrusion plus 4 s a layer.
    expect(hours.map((h) => Math.round(h * 3600))).toEqual([1100, 1400, 2600]);
  });

  it('resin time follows the height alone, not the volume or the area', () => {
    const hours = [tile, cube, tower].map(
      (part) => quote(part, resinOffering(), { quantity: 1, now }).printHours,
    );
    // 5, 20 and 80 mm at 0.05 mm: 100, 400 and 1,600 layers × 10 s.
    expect(hours.map((h) => Math.round(h * 3600))).toEqual([1000, 4000, 16000]);
    const wideTile = blockPart(100, 100, 5);
    expect(quote(wideTile, resinOffering(), { quantity: 1, now }).printHours).toBe(hours[0]);
  });

  it('finer quality means thinner layers and a longer print', () => {
    const [draft, standard, fine] = (['draft', 'standard', 'fine'] as const).map((quality) =>
      quote(cube, plaOffering({ quality }), { quantity: 1, now }),
    );
    expect([draft!.layerHeightMm, standard!.layerHeightMm, fine!.layerHeightMm]).toEqual([
      0.28, 0.2, 0.12,
    ]);
    expect(draft!.printHours).toBeLessThan(standard!.printHours);
    expect(standard!.printHours).toBeLessThan(fine!.printHours);
  });
});

describe('orientation and the provider’s machine settings', () => {
  it('times a part that must be laid down to fit at its lying height', () => {
    const lowBed = { name: 'Low bed', buildVolumeMm: { x: 310, y: 310, z: 50 } };
    const standingBar = blockPart(20, 20, 300);
    const q = quote(standingBar, resinOffering({ machine: lowBed }), { quantity: 1, now });
    expect(q.orientation.z).toBe(20);
    // 20 mm / 0.05 mm = 400 layers × 10 s, not the 6,000 layers standing up would take.
    expect(Math.round(q.printHours * 3600)).toBe(4000);
  });

  it('refuses a part the machine cannot hold, saying why', () => {
    expect(() => quote(blockPart(260, 20, 20), plaOffering(), { quantity: 1, now })).toThrow(
      'too big for Prusa MK4 (250×210×220 mm)',
    );
  });

  it('uses the offering’s own flow and layer time over the defaults', () => {
    const fast = plaOffering({ process: { volumetricFlowMm3PerS: 16, secondsPerLayer: 2 } });
    const q = quote(cube, fast, { quantity: 1, now, infillPercent: 100 });
    // 8,000 / 16 = 500 s + 100 layers × 2 s = 700 s: half the default 1,400 s.
    expect(Math.round(q.printHours * 3600)).toBe(700);
  });

  it('refuses settings that cannot time a print', () => {
    const stalled = plaOffering({ process: { volumetricFlowMm3PerS: 0 } });
    expect(() => quote(cube, stalled, { quantity: 1, now })).toThrow(/volumetricFlowMm3PerS/);
    const flat = plaOffering({ process: { layerHeightMm: 0 } });
    expect(() => quote(cube, flat, { quantity: 1, now })).toThrow(/layerHeightMm/);
  });
});

describe('quantity, setup and the minimum charge', () => {
  const tiers = [
    { minQuantity: 10, percentOff: 10 },
    { minQuantity: 50, percentOff: 20 },
  ];
  const offering = plaOffering({ quantityDiscounts: tiers });
  // One 20 % cube: 10.3168 ¢ of material + 68 ¢ of machine time = 78.3168 ¢ a part.

  it('1 part: no discount', () => {
    const q = quote(cube, offering, { quantity: 1, now });
    expect(q.breakdown).toMatchObject({
      material: 10,
      machineTime: 68,
      setup: 500,
      discount: 0,
      total: 578,
    });
    expect(q.unitPrice).toBe(78);
  });

  it('10 parts: 10 % off each part, setup charged once', () => {
    const q = quote(cube, offering, { quantity: 10, now });
    expect(q.breakdown).toMatchObject({
      material: 103, // 103.168
      machineTime: 680,
      setup: 500,
      discount: 78, // 10 % of 783.168
      total: 1205, // 103 + 680 + 500 − 78
    });
    expect(q.unitPrice).toBe(70); // 78.3168 × 0.9 = 70.49
    expect(q.lines.map((l) => l.text)).toEqual([
      'Material — 10 × 4.13 g of PLA, 20 % infill, at $25.00/kg: $1.03',
      'Machine time — 10 × 14 min on 0.2 mm layers at $3.00/h: $6.80',
      'Setup — once per order line: $5.00',
      'Quantity discount — 10 % off for 10 parts: −$0.78',
      'Total — ready in 3 working days: $12.05',
    ]);
    expect(q.lines.find((l) => l.label === 'Quantity discount')?.amount).toBe(-78);
  });

  it('50 parts: the 20 % tier', () => {
    const q = quote(cube, offering, { quantity: 50, now });
    expect(q.breakdown).toMatchObject({
      material: 516, // 515.84
      machineTime: 3400,
      setup: 500,
      discount: 783, // 20 % of 3,915.84 = 783.168
      total: 3633,
    });
    expect(q.unitPrice).toBe(63); // 78.3168 × 0.8 = 62.65
  });

  it('9 parts are below the first tier, 49 within it', () => {
    expect(quote(cube, offering, { quantity: 9, now }).percentOff).toBe(0);
    expect(quote(cube, offering, { quantity: 49, now }).percentOff).toBe(10);
  });

  it('charges the setup fee once per line, not per part', () => {
    const one = quote(cube, plaOffering(), { quantity: 1, now });
    const twenty = quote(cube, plaOffering(), { quantity: 20, now });
    expect(one.breakdown.setup).toBe(500);
    expect(twenty.breakdown.setup).toBe(500);
    // 20 parts: 206.336 → 206 ¢ of material, 1,360 ¢ of time, one 500 ¢ setup.
    expect(twenty.breakdown.total).toBe(206 + 1360 + 500);
  });

  it('a tiny part is raised to the minimum charge, and the line says so', () => {
    // A 5 mm cube: 125 mm³, printed solid (its 0.9 mm walls would be 135 mm³): 0.155 g,
    // 0.39 ¢ of PLA → 0; 125 / 8 + 25 layers × 4 = 115.6 s → 9.64 ¢ → 10. Subtotal 510.
    const q = quote(blockPart(5, 5, 5), plaOffering({ minimumCharge: 1500 }), { quantity: 1, now });
    expect(q.breakdown).toEqual({
      material: 0,
      machineTime: 10,
      setup: 500,
      discount: 0,
      minimumChargeTopUp: 990,
      total: 1500,
    });
    expect(q.lines.find((l) => l.label === 'Minimum charge')?.text).toBe(
      'Minimum charge — an order line costs at least $15.00: $9.90',
    );
  });

  it('a line above the minimum charge is not touched by it', () => {
    const q = quote(cube, plaOffering({ minimumCharge: 500 }), { quantity: 1, now });
    expect(q.breakdown.minimumChargeTopUp).toBe(0);
    expect(q.breakdown.total).toBe(578);
  });
});

describe('money stays whole', () => {
  it('every amount is an integer and the parts add up to the total', () => {
    const parts = [
      cube,
      blockPart(5, 5, 5),
      blockPart(33.3, 17.7, 61.9),
      blockPart(123.4, 56.7, 8.9),
    ];
    const offerings = [
      plaOffering({ quantityDiscounts: [{ minQuantity: 3, percentOff: 7.5 }], minimumCharge: 999 }),
      resinOffering({ pricePerKg: 12_345, machineHourlyRate: 777, setupFee: 0 }),
      plaOffering({ material: materials.petg, quality: 'fine', currency: 'JPY', pricePerKg: 4000 }),
    ];
    for (const part of parts) {
      for (const offering of offerings) {
        for (const quantity of [1, 3, 7, 100]) {
          const q = quote(part, offering, { quantity, now });
          const { material, machineTime, setup, discount, minimumChargeTopUp, total } = q.breakdown;
          for (const amount of [
            material,
            machineTime,
            setup,
            discount,
            minimumChargeTopUp,
            total,
            q.unitPrice,
          ]) {
            expect(Number.isSafeInteger(amount)).toBe(true);
          }
          expect(material + machineTime + setup - discount + minimumChargeTopUp).toBe(total);
          expect(q.lines.at(-1)?.amount).toBe(total);
        }
      }
    }
  });
});

describe('validity', () => {
  it('is valid for the offering’s hours from when it was made, and not a moment after', () => {
    const q = quote(cube, plaOffering({ validityHours: 72 }), { quantity: 1, now });
    expect(q.quotedAt.toISOString()).toBe('2026-12-06T10:00:00.000Z');
    expect(q.validUntil.toISOString()).toBe('2026-12-09T10:00:00.000Z');
    expect(isQuoteValid(q, now)).toBe(true);
    expect(isQuoteValid(q, new Date('2026-12-09T09:59:59Z'))).toBe(true);
    expect(isQuoteValid(q, new Date('2026-12-09T10:00:00Z'))).toBe(false);
    expect(isQuoteValid(q, new Date('2026-12-10T00:00:00Z'))).toBe(false);
  });

  it('carries the offering’s lead time', () => {
    expect(quote(cube, plaOffering({ leadTimeDays: 5 }), { quantity: 1, now }).leadTimeDays).toBe(
      5,
    );
  });
});

describe('currency', () => {
  it('quotes an offering in its own currency, in that currency’s minor units', () => {
    const rupees = plaOffering({
      currency: 'INR',
      pricePerKg: 150_000,
      machineHourlyRate: 20_000,
      setupFee: 10_000,
    });
    const q = quote(cube, rupees, { quantity: 1, now, infillPercent: 100 });
    expect(q.currency).toBe('INR');
    expect(q.breakdown).toMatchObject({
      material: 1488, // 9.92 g × ₹1,500/kg = ₹14.88
      machineTime: 7778, // 1,400 s at ₹200/h = ₹77.78
      setup: 10_000,
      total: 19_266,
    });
    expect(q.lines.at(-1)?.text).toBe('Total — ready in 3 working days: ₹192.66');
  });

  it('reads a currency without minor units (yen) as whole units', () => {
    const yen = plaOffering({
      currency: 'JPY',
      pricePerKg: 4000,
      machineHourlyRate: 500,
      setupFee: 800,
    });
    const q = quote(cube, yen, { quantity: 1, now });
    expect(q.lines.find((l) => l.label === 'Setup')?.text).toBe(
      'Setup — once per order line: ¥800',
    );
  });
});

describe('input it refuses', () => {
  it('a quantity that is not a whole number of parts', () => {
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      expect(() => quote(cube, plaOffering(), { quantity, now })).toThrow(RangeError);
    }
  });

  it('fractions of a minor unit, or a negative amount, in an offering', () => {
    expect(() => quote(cube, plaOffering({ pricePerKg: 12.5 }), { quantity: 1, now })).toThrow(
      /pricePerKg/,
    );
    expect(() => quote(cube, plaOffering({ setupFee: -1 }), { quantity: 1, now })).toThrow(
      /setupFee/,
    );
  });

  it('a part without a volume, or with NaN in it', () => {
    expect(() => quote({ ...cube, volumeMm3: 0 }, plaOffering(), { quantity: 1, now })).toThrow(
      RangeError,
    );
    expect(() =>
      quote({ ...cube, boundingBoxMm: { x: 20, y: Number.NaN, z: 20 } }, plaOffering(), {
        quantity: 1,
        now,
      }),
    ).toThrow(RangeError);
  });

  it('an infill outside 0–100 % and a currency that is not an ISO code', () => {
    expect(() => quote(cube, plaOffering(), { quantity: 1, now, infillPercent: 120 })).toThrow(
      /infill/,
    );
    for (const currency of ['dollars', 'usd', 'XYZ']) {
      expect(() => quote(cube, plaOffering({ currency }), { quantity: 1, now })).toThrow(
        /ISO 4217/,
      );
    }
  });
});
