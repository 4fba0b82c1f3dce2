import { z } from 'zod';
import { makerspacePhoto } from './makerspace-settings';
import { photo } from './photos';
import { pageOf, pageQuery } from './pagination';

export const equipmentStatus = z.enum(['available', 'in_use', 'maintenance', 'offline']);
export type EquipmentStatus = z.infer<typeof equipmentStatus>;

export const equipment = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  /** The machine's type as it reads ("3D printer"); `equipmentTypeLabels` of its type. */
  kind: z.string(),
  status: equipmentStatus,
  hourlyRateCents: z.number().int(),
  /** The machine's first photo; null until it has one. */
  coverPhoto: photo.nullable(),
});
export type Equipment = z.infer<typeof equipment>;

export const makerspaceSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  tagline: z.string(),
  city: z.string(),
  country: z.string(),
  equipmentCount: z.number().int(),
  equipmentKinds: z.array(z.string()),
  availableNow: z.number().int(),
});
export type MakerspaceSummary = z.infer<typeof makerspaceSummary>;

export const makerspace = makerspaceSummary.extend({
  description: z.string(),
  address: z.string(),
  /** The weekly hours as a sentence, derived from the makerspace's settings. */
  openingHours: z.string(),
  timeZone: z.string(),
  /** The ISO 4217 code its machines' hourly rates are in. */
  currency: z.string(),
  photos: z.array(makerspacePhoto),
  equipment: z.array(equipment),
});
export type Makerspace = z.infer<typeof makerspace>;

export const makerspaceListQuery = pageQuery.extend({
  city: z.string().min(1).max(80).optional(),
});
export type MakerspaceListQuery = z.infer<typeof makerspaceListQuery>;

export const makerspacePage = pageOf(makerspaceSummary);
export type MakerspacePage = z.infer<typeof makerspacePage>;
