import {
  AppError,
  type AvailableProvider,
  type ModelAnalysis,
  type ModelQuotes,
  type PrintQuote,
  type ProviderOffering,
} from '@makrx/contracts';
import {
  assertValidOffering,
  materials,
  quotesFor,
  type Material,
  type Offering,
  type PartGeometry,
} from '@makrx/quoting';
import type { StoredAnalysis } from './tables';

/**
 * The analysis as the customer sees it: the stored one (as the file states it) at the upload's
 * unit scale — lengths × s, areas × s², volumes × s³. Counts and flags do not change.
 */
export function scaledAnalysis(
  format: ModelAnalysis['format'],
  stored: StoredAnalysis,
  unitScale: number,
): ModelAnalysis {
  const s = unitScale;
  const { x, y, z } = stored.dimensionsMm;
  return {
    ...stored,
    format,
    unitScale: s,
    dimensionsMm: { x: x * s, y: y * s, z: z * s },
    volumeMm3: stored.volumeMm3 * s ** 3,
    surfaceAreaMm2: stored.surfaceAreaMm2 * s ** 2,
    overhangAreaMm2: stored.overhangAreaMm2 * s ** 2,
  };
}

const materialsByKey: ReadonlyMap<string, Material> = new Map(
  Object.values(materials).map((material) => [material.key, material]),
);

/**
 * A provider's offering as @makrx/quoting prices it; undefined for a material the table does not
 * know, or an offering it cannot price with (a currency it does not know, say).
 */
export function offeringOf(provider: AvailableProvider, offering: ProviderOffering) {
  const material = materialsByKey.get(offering.materialKey);
  if (!material) return undefined;
  const priced: Offering = {
    id: offering.id,
    providerName: provider.name,
    material,
    quality: offering.quality,
    machine: { name: offering.machine.name, buildVolumeMm: offering.machine.buildVolumeMm },
    currency: offering.currency,
    pricePerKg: offering.pricePerKg,
    machineHourlyRate: offering.machineHourlyRate,
    setupFee: offering.setupFee,
    minimumCharge: offering.minimumCharge,
    leadTimeDays: offering.leadTimeDays,
    defaultInfillPercent: offering.defaultInfillPercent,
    quantityDiscounts: offering.quantityDiscounts,
    validityHours: offering.validityHours,
  };
  try {
    assertValidOffering(priced);
  } catch {
    return undefined;
  }
  return priced;
}

/** What pricing needs of the part; refused (422) when it encloses nothing to print. */
export function partOf(analysis: ModelAnalysis): PartGeometry {
  const { dimensionsMm, volumeMm3, surfaceAreaMm2 } = analysis;
  const sizes = [dimensionsMm.x, dimensionsMm.y, dimensionsMm.z];
  if (!(volumeMm3 > 0 && surfaceAreaMm2 > 0 && sizes.every((size) => size > 0))) {
    throw new AppError(
      422,
      'MODEL_HAS_NO_VOLUME',
      'The model encloses no volume (it is flat, or a surface without a closed inside), so it cannot be printed or priced. Export it as a solid and upload it again.',
      { volumeMm3, dimensionsMm },
    );
  }
  return { volumeMm3, surfaceAreaMm2, boundingBoxMm: dimensionsMm };
}

export interface ModelQuotesInput {
  uploadId: string;
  analysis: ModelAnalysis;
  providers: readonly AvailableProvider[];
  quantity: number;
  now: Date;
}

/**
 * Every offering of every provider priced for the part (cheapest first, as `quotesFor` sorts),
 * each with its provider beside it; offerings whose machine cannot hold the part are listed
 * with why. An offering in a material the quoting table does not know is left out.
 */
export function modelQuotesFor({
  uploadId,
  analysis,
  providers,
  quantity,
  now,
}: ModelQuotesInput): ModelQuotes {
  const part = partOf(analysis);
  const sources = new Map<string, { provider: AvailableProvider; offering: ProviderOffering }>();
  const offerings: Offering[] = [];
  for (const provider of providers) {
    for (const offering of provider.offerings) {
      const priced = offeringOf(provider, offering);
      if (!priced) continue;
      sources.set(offering.id, { provider, offering });
      offerings.push(priced);
    }
  }
  const result = quotesFor(part, offerings, { quantity, now });
  const quotes = result.quotes.map((quoted): PrintQuote => {
    const { provider, offering } = sources.get(quoted.offeringId)!;
    const material = materialsByKey.get(offering.materialKey)!;
    return {
      offeringId: offering.id,
      provider: {
        makerspaceId: provider.makerspaceId,
        name: provider.name,
        city: provider.city,
        rating: provider.rating,
      },
      materialKey: material.key,
      materialName: material.name,
      technology: material.technology,
      quality: offering.quality,
      machineName: offering.machine.name,
      currency: quoted.currency,
      quantity: quoted.quantity,
      lines: quoted.lines.map(({ label, detail, amount }) => ({ label, detail, amount })),
      total: quoted.breakdown.total,
      unitPrice: quoted.unitPrice,
      percentOff: quoted.percentOff,
      gramsPerPart: quoted.grams,
      printHoursPerPart: quoted.printHours,
      layerHeightMm: quoted.layerHeightMm,
      infillPercent: quoted.infillPercent,
      leadTimeDays: quoted.leadTimeDays,
      quotedAt: quoted.quotedAt.toISOString(),
      validUntil: quoted.validUntil.toISOString(),
    };
  });
  const unavailable = result.unavailable.map((refused) => ({
    offeringId: refused.offeringId,
    providerName: sources.get(refused.offeringId)!.provider.name,
    message: refused.message,
  }));
  return { uploadId, quantity, quotes, unavailable };
}
