import { z } from 'zod';
import { timeZoneName } from './makerspace-settings';

/*
 * A person's account, preferences and their data across the three services (issue 15, "Account
 * and privacy"): what they choose, the one JSON file of everything MakrX holds about them, and
 * the erasure of their account, each service answering for its own tables.
 */

/** The languages the apps speak; more join as their translations do. */
export const supportedLanguages = ['en'] as const;
export const measurementUnits = ['metric', 'imperial'] as const;
/** The currencies prices can be shown in: the store's and the makerspaces' usual ones. */
export const preferredCurrencies = ['INR', 'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'SGD'] as const;

export const accountPreferences = z.object({
  language: z.enum(supportedLanguages),
  units: z.enum(measurementUnits),
  currency: z.enum(preferredCurrencies),
  /** An IANA zone `Intl` knows, checked here so a client cannot store one no app can use. */
  timeZone: timeZoneName,
});
export type AccountPreferences = z.infer<typeof accountPreferences>;

/** What a user sees before choosing anything. */
export const defaultAccountPreferences: AccountPreferences = {
  language: 'en',
  units: 'metric',
  currency: 'INR',
  timeZone: 'UTC',
};

/** Something kept after an account's deletion, and the reason the law or safety gives. */
export const retainedRecord = z.object({
  service: z.enum(['auth', 'cave', 'store']),
  what: z.string(),
  why: z.string(),
  /** How long it is kept, in words ("10 years after the invoice"). */
  keptFor: z.string(),
  /** What in it still names the person after deletion (nothing when anonymised). */
  identifiesYouBy: z.string(),
});
export type RetainedRecord = z.infer<typeof retainedRecord>;

/** One service's part of an export: its sections (module → rows) and what deletion keeps. */
export const serviceDataExport = z.object({
  service: z.enum(['auth', 'cave', 'store']),
  sections: z.record(z.string(), z.unknown()),
  retained: z.array(retainedRecord),
});
export type ServiceDataExport = z.infer<typeof serviceDataExport>;

/** The file a user downloads: every service's part, and what deletion would keep and why. */
export const accountDataExport = z.object({
  format: z.literal('makrx-account-export/1'),
  exportedAt: z.string(),
  userId: z.uuid(),
  auth: z.record(z.string(), z.unknown()),
  cave: z.record(z.string(), z.unknown()),
  store: z.record(z.string(), z.unknown()),
  retained: z.array(retainedRecord),
});
export type AccountDataExport = z.infer<typeof accountDataExport>;

/** What a service erased for a user: rows removed or anonymised per table. Safe to repeat. */
export const serviceErasure = z.object({
  service: z.enum(['auth', 'cave', 'store']),
  erased: z.record(z.string(), z.number().int().nonnegative()),
});
export type ServiceErasure = z.infer<typeof serviceErasure>;

export const privacyUserParams = z.object({ userId: z.uuid() });

/**
 * The account's address and name, so a service can also find what it keeps by them (invites
 * sent to the address, events that copied the name).
 */
export const serviceErasureBody = z.object({
  email: z.string().min(3).max(320),
  name: z.string().max(200),
});

/** Deleting one's account: the email it is signed in with, typed again, confirms it. */
export const accountDeletionBody = z.object({
  confirmEmail: z.string().trim().min(1).max(320),
});

export const accountDeletion = z.object({
  /** `done`: erased everywhere; `pending`: a service did not answer and is retried in the background. */
  status: z.enum(['done', 'pending']),
  pendingServices: z.array(z.enum(['cave', 'store'])),
});
export type AccountDeletion = z.infer<typeof accountDeletion>;
