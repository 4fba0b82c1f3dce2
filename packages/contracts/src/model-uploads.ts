import { z } from 'zod';

/** A customer's 3D model that arrived whole and passed the virus scan and the model checks. */
export const modelUpload = z.object({
  /** The last segment of the tus upload URL the file was sent to. */
  id: z.uuid(),
  originalName: z.string(),
  sizeBytes: z.number().int().positive(),
  /** Hex SHA-256 of the stored bytes: a client can compare it with the file it sent. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['ready']),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ModelUpload = z.infer<typeof modelUpload>;

/**
 * The server's analysis of an accepted model (@makrx/mesh, run in the store's worker pool): what
 * quotes are made from. Lengths in mm after `unitScale`; per-triangle flags are not kept (the
 * page colours its own preview from its own analysis).
 */
export const modelAnalysis = z.object({
  format: z.enum(['stl-binary', 'stl-ascii', 'obj', '3mf']),
  triangleCount: z.number().int().positive(),
  /** 1 as uploaded; 25.4 after the customer said the file is in inches. */
  unitScale: z.number().positive(),
  dimensionsMm: z.object({ x: z.number(), y: z.number(), z: z.number() }),
  volumeMm3: z.number().nonnegative(),
  surfaceAreaMm2: z.number().nonnegative(),
  watertight: z.boolean(),
  boundaryEdges: z.number().int().nonnegative(),
  nonManifoldEdges: z.number().int().nonnegative(),
  inconsistentNormals: z.boolean(),
  /** The normals point inward as a whole (negative signed volume). */
  inverted: z.boolean(),
  degenerateTriangles: z.number().int().nonnegative(),
  shells: z.number().int().positive(),
  /** The unit the file's numbers most likely are in, as uploaded. */
  unitsGuess: z.enum(['mm', 'inch']),
  overhangAreaMm2: z.number().nonnegative(),
  /** Null when the thin-wall check was not run (too many triangles to sample usefully). */
  thinWallTriangles: z.number().int().nonnegative().nullable(),
  analysedInMs: z.number().nonnegative(),
});
export type ModelAnalysis = z.infer<typeof modelAnalysis>;

/** `GET /api/v1/model-uploads/:id`: the owner's upload with the server's analysis. */
export const modelUploadDetail = modelUpload.extend({ analysis: modelAnalysis });
export type ModelUploadDetail = z.infer<typeof modelUploadDetail>;

/** `POST /api/v1/model-uploads/:id/units`: the file is in mm (scale 1) or inches (25.4). */
export const modelUnitsBody = z.object({ units: z.enum(['mm', 'inch']) });

const quoteMoney = z.number().int();

/** One priced way to make the part: a provider's offering at a quantity. */
export const printQuote = z.object({
  offeringId: z.guid(),
  provider: z.object({
    makerspaceId: z.guid(),
    name: z.string(),
    city: z.string(),
    rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  }),
  materialKey: z.string(),
  materialName: z.string(),
  technology: z.enum(['FDM', 'SLA', 'SLS']),
  quality: z.enum(['draft', 'standard', 'fine']),
  machineName: z.string(),
  currency: z.string().length(3),
  quantity: z.number().int().positive(),
  /** Every line of the breakdown, which adds up to `total`. */
  lines: z.array(z.object({ label: z.string(), detail: z.string(), amount: quoteMoney })),
  total: quoteMoney,
  unitPrice: quoteMoney,
  percentOff: z.number(),
  gramsPerPart: z.number(),
  printHoursPerPart: z.number(),
  layerHeightMm: z.number(),
  infillPercent: z.number().nullable(),
  leadTimeDays: z.number().int(),
  quotedAt: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }),
});
export type PrintQuote = z.infer<typeof printQuote>;

/** `GET /api/v1/model-uploads/:id/quotes?quantity=N`: cheapest first. */
export const modelQuotes = z.object({
  uploadId: z.uuid(),
  quantity: z.number().int().positive(),
  quotes: z.array(printQuote),
  /** Offerings that cannot make this part, with why (too big for the machine). */
  unavailable: z.array(
    z.object({ offeringId: z.guid(), providerName: z.string(), message: z.string() }),
  ),
});
export type ModelQuotes = z.infer<typeof modelQuotes>;
