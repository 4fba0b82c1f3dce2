import { z } from 'zod';
import { equipmentTypes } from './equipment-types';
import { equipmentStatus } from './makerspaces';
import { photo } from './photos';

/*
 * MakrCave equipment (spec section 3, "Equipment reservation and management"): the machines of
 * a makerspace, what jobs need to know of them, and their maintenance. Members read them;
 * makerspace admins change them.
 */

export { equipmentTypeLabels, equipmentTypes, type EquipmentType } from './equipment-types';
export const equipmentType = z.enum(equipmentTypes);

export const equipmentSlug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a slug: lowercase letters, digits and dashes');

const millimetres = z.number().positive().max(10_000);

/**
 * The specifications a job depends on (will it fit, can it take this material, how fine or how
 * strong): every field optional, since a soldering bench has no build volume. Stored as jsonb
 * and read back through this schema, so a job never meets a shape it does not know.
 */
export const equipmentSpecifications = z.strictObject({
  buildVolumeMm: z.strictObject({ x: millimetres, y: millimetres, z: millimetres }).optional(),
  materials: z.array(z.string().trim().min(1).max(60)).max(40).optional(),
  nozzleDiameterMm: z.number().positive().max(10).optional(),
  laserPowerW: z.number().positive().max(100_000).optional(),
});
export type EquipmentSpecifications = z.infer<typeof equipmentSpecifications>;

const text = (max: number) => z.string().trim().max(max);

/**
 * How a machine may be booked (issue 12, "Reservations"): its longest booking, how long before
 * the start a booking must be made, and how far ahead. Checked when a member books.
 */
const bookingLimitFields = {
  /** The longest one booking may last, in minutes (at most a week). */
  maxBookingMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60),
  /** A booking starts at least this many minutes after it is made. */
  minLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** A booking starts at most this many days after it is made. */
  maxDaysAhead: z.number().int().min(1).max(365),
};

/** What a machine takes when its admin says nothing: four hours, no lead time, 60 days ahead. */
export const defaultBookingLimits = { maxBookingMinutes: 240, minLeadMinutes: 0, maxDaysAhead: 60 };

/** A machine's own fields, as an admin sets them (its status changes on its own route). */
const machineFields = {
  name: text(120).min(1),
  slug: equipmentSlug,
  type: equipmentType,
  make: text(80),
  model: text(80),
  location: text(120),
  specifications: equipmentSpecifications,
  hourlyRateCents: z.number().int().nonnegative().max(10_000_000),
  /** The training a member must have passed to book it (one of the makerspace's); null: none. */
  trainingId: z.uuid().nullable(),
  ...bookingLimitFields,
};

export const machineInput = z.strictObject({
  ...machineFields,
  make: machineFields.make.default(''),
  model: machineFields.model.default(''),
  location: machineFields.location.default(''),
  specifications: machineFields.specifications.default({}),
  trainingId: machineFields.trainingId.default(null),
  maxBookingMinutes: machineFields.maxBookingMinutes.default(
    defaultBookingLimits.maxBookingMinutes,
  ),
  minLeadMinutes: machineFields.minLeadMinutes.default(defaultBookingLimits.minLeadMinutes),
  maxDaysAhead: machineFields.maxDaysAhead.default(defaultBookingLimits.maxDaysAhead),
});
export type MachineInput = z.input<typeof machineInput>;

/**
 * A change to a machine: only the fields sent change (no defaults here, so a field left out is
 * never reset); at least one must be sent.
 */
export const machineUpdate = z
  .strictObject(machineFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'name at least one field to change');
export type MachineUpdate = z.input<typeof machineUpdate>;

export const machineStatusChange = z.strictObject({
  status: equipmentStatus,
  /** Why, for the audit log and whoever reads the status later. */
  note: text(500).optional(),
});

export const machineListQuery = z.object({
  type: equipmentType.optional(),
  status: equipmentStatus.optional(),
});

export const machineSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  type: equipmentType,
  make: z.string(),
  model: z.string(),
  location: z.string(),
  specifications: equipmentSpecifications,
  /** Per hour, in minor units of `currency`. */
  hourlyRateCents: z.number().int(),
  /** The makerspace's currency (ISO 4217), which the rate is in. */
  currency: z.string(),
  /** Whether booking it needs a pass: the same as `training !== null`. */
  requiresTraining: z.boolean(),
  training: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  maxBookingMinutes: z.number().int(),
  minLeadMinutes: z.number().int(),
  maxDaysAhead: z.number().int(),
  status: equipmentStatus,
  /** The machine's first photo, for cards; null until it has one. */
  coverPhoto: photo.nullable(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type MachineSummary = z.infer<typeof machineSummary>;

export const maintenanceLogEntryInput = z.strictObject({
  /** What was done: "Replaced the nozzle", "Cleaned the lens and mirrors". */
  summary: text(200).min(1),
  notes: text(4000).default(''),
  /** When it was done; now unless said otherwise, and never in the future. */
  performedAt: z.iso
    .datetime({ offset: true })
    .refine((at) => Date.parse(at) <= Date.now() + 60_000, 'not in the future')
    .optional(),
});

export const maintenanceLogEntry = z.object({
  id: z.uuid(),
  summary: z.string(),
  notes: z.string(),
  performedAt: z.iso.datetime(),
  performedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type MaintenanceLogEntry = z.infer<typeof maintenanceLogEntry>;

export const maintenanceWindowInput = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    reason: text(500).min(1),
  })
  .refine((window) => Date.parse(window.startsAt) < Date.parse(window.endsAt), {
    message: 'ends after it starts',
    path: ['endsAt'],
  })
  // Maintenance is scheduled ahead (or while under way); what was done goes in the log.
  .refine((window) => Date.parse(window.endsAt) > Date.now(), {
    message: 'ends in the future; record past maintenance in the log',
    path: ['endsAt'],
  });

export const maintenanceWindow = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string(),
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindow>;

/** One machine's page: the machine, its maintenance still to come and its latest log. */
export const machineDetail = machineSummary.extend({
  /** Its photos in the order its page shows them. */
  photos: z.array(photo),
  upcomingMaintenance: z.array(maintenanceWindow),
  recentMaintenance: z.array(maintenanceLogEntry),
});
export type MachineDetail = z.infer<typeof machineDetail>;

export const machineList = z.object({ items: z.array(machineSummary) });
export type MachineList = z.infer<typeof machineList>;
