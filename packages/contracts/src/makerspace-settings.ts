import { z } from 'zod';
import { makerspaceRole } from './makerspace-memberships';
import { photo, photoList, photoOrder, type Photo, type PhotoList } from './photos';

/*
 * A makerspace's own settings (issue 12, "Makerspaces"): where it is, its time zone, when it is
 * open and when it is closed. Opening hours are data, in the makerspace's local time; every
 * instant derived from them (a booking's bounds, a calendar's open intervals) is computed in its
 * time zone, so a daylight-saving change moves nothing a member sees (decision 0015).
 */

/**
 * An IANA time zone the runtime knows ("Europe/Berlin", "Asia/Kolkata"). Constructing a
 * formatter is the check: it accepts exactly the zones `Intl` can compute with.
 */
export const timeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
    } catch {
      return false;
    }
  }, 'an IANA time zone such as "Europe/Berlin"');

/** The ISO 4217 codes the runtime can format money in, once. */
let knownCurrencies: ReadonlySet<string> | undefined;
const isKnownCurrency = (code: string) =>
  (knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'))).has(code);

/**
 * An ISO 4217 currency code the runtime knows ("INR", "EUR"): what a makerspace charges in.
 * `Intl.supportedValuesOf('currency')` is the list, so every code accepted can be formatted.
 */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "INR"')
  .refine(isKnownCurrency, 'a currency code in ISO 4217, such as "INR" or "EUR"');

/**
 * The currency a country's makerspaces charge in, by the country names the settings hold
 * ("India", "United Kingdom"); a new makerspace in a country not listed names its currency.
 */
const currencyByCountry: Readonly<Record<string, string>> = {
  australia: 'AUD',
  austria: 'EUR',
  belgium: 'EUR',
  brazil: 'BRL',
  canada: 'CAD',
  china: 'CNY',
  denmark: 'DKK',
  finland: 'EUR',
  france: 'EUR',
  germany: 'EUR',
  greece: 'EUR',
  india: 'INR',
  ireland: 'EUR',
  italy: 'EUR',
  japan: 'JPY',
  kenya: 'KES',
  netherlands: 'EUR',
  'new zealand': 'NZD',
  nigeria: 'NGN',
  norway: 'NOK',
  poland: 'PLN',
  portugal: 'EUR',
  singapore: 'SGD',
  'south africa': 'ZAR',
  spain: 'EUR',
  sweden: 'SEK',
  switzerland: 'CHF',
  uk: 'GBP',
  'united kingdom': 'GBP',
  'united states': 'USD',
  'united states of america': 'USD',
  usa: 'USD',
};

/** The currency of `country` as a settings form writes it, or undefined when not known. */
export const currencyOfCountry = (country: string): string | undefined =>
  currencyByCountry[country.trim().toLowerCase()];

/** A local time of day, "HH:MM"; "24:00" only closes a day. */
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time "HH:MM"');

/** One stretch of a day the makerspace is open, local time: opens before it closes. */
export const openingInterval = z
  .strictObject({ opens: localTime, closes: localTime })
  .refine((interval) => interval.opens < interval.closes, {
    message: 'closes after it opens (an interval ends on its own day)',
    path: ['closes'],
  })
  .refine((interval) => interval.opens !== '24:00', {
    message: 'opens before 24:00',
    path: ['opens'],
  });
export type OpeningInterval = z.infer<typeof openingInterval>;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** A day's intervals, earliest first and not overlapping; an empty day is a closed day. */
const dayHours = z
  .array(openingInterval)
  .max(3)
  .superRefine((intervals, context) => {
    const sorted = [...intervals].sort((a, b) => a.opens.localeCompare(b.opens));
    sorted.forEach((interval, i) => {
      const previous = sorted[i - 1];
      if (previous && interval.opens < previous.closes) {
        context.addIssue({
          code: 'custom',
          message: `overlaps ${previous.opens}–${previous.closes}`,
          path: [intervals.indexOf(interval), 'opens'],
        });
      }
    });
  })
  .transform((intervals) => [...intervals].sort((a, b) => a.opens.localeCompare(b.opens)));

/** The week's opening hours, per weekday, in the makerspace's local time. */
export const weeklyHours = z.strictObject(
  Object.fromEntries(weekdays.map((day) => [day, dayHours])) as Record<Weekday, typeof dayHours>,
);
export type WeeklyHours = z.infer<typeof weeklyHours>;

const localDate = z.iso.date();

/** Days the makerspace is closed whatever its weekly hours say: a public holiday, a move. */
export const closure = z
  .strictObject({
    startsOn: localDate,
    endsOn: localDate,
    reason: z.string().trim().min(1).max(200),
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    message: 'ends on or after it starts',
    path: ['endsOn'],
  });
export type Closure = z.infer<typeof closure>;

const text = (max: number) => z.string().trim().max(max);

/** What an admin sets; a PATCH sends any of these, a new makerspace all but the optional ones. */
const settingsFields = {
  name: text(120).min(2),
  tagline: text(200),
  description: text(4000),
  address: text(300).min(1),
  city: text(80).min(1),
  country: text(80).min(1),
  isPublic: z.boolean(),
  timeZone: timeZoneName,
  /** What its machine rates, plans and invoices are in; fixed once it has plans or invoices. */
  currency: currencyCode,
  openingHours: weeklyHours,
  closures: z.array(closure).max(100),
};

export const makerspaceSettingsUpdate = z
  .strictObject(settingsFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'name at least one setting to change');
export type MakerspaceSettingsUpdate = z.input<typeof makerspaceSettingsUpdate>;

/**
 * The slug a name makes: lowercase ASCII letters and digits joined by dashes, accents dropped
 * ("Fábrica Lisboa" → "fabrica-lisboa"). The service makes it when none is sent; the app shows
 * it as the name is typed.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** A makerspace's link: /makerspaces/<slug>. */
export const makerspaceSlug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters and digits, joined by single dashes');

/** Closed every day: a new makerspace's hours until its admins set them. */
const closedAllWeek = Object.fromEntries(
  weekdays.map((day) => [day, []]),
) as unknown as WeeklyHours;

/**
 * A new makerspace: its slug comes from its name unless one is given, its currency from its
 * country when not named (`currencyOfCountry`; a country with no known currency must name one).
 * Where it is exactly and when it opens may follow in its settings: until then it has no address
 * and takes no bookings.
 */
export const makerspaceCreate = z
  .strictObject({
    ...settingsFields,
    slug: makerspaceSlug.optional(),
    tagline: settingsFields.tagline.default(''),
    description: settingsFields.description.default(''),
    address: text(300).default(''),
    openingHours: weeklyHours.default(closedAllWeek),
    isPublic: settingsFields.isPublic.default(true),
    currency: settingsFields.currency.optional(),
    closures: settingsFields.closures.default([]),
  })
  .transform((input, context) => {
    const currency = input.currency ?? currencyOfCountry(input.country);
    if (currency) return { ...input, currency };
    context.addIssue({
      code: 'custom',
      message: `the ISO 4217 code it charges in; none is known for "${input.country}"`,
      path: ['currency'],
    });
    return z.NEVER;
  });
export type MakerspaceCreate = z.input<typeof makerspaceCreate>;

/** A makerspace's photos are an album like any other (./photos). */
export const makerspacePhoto = photo;
export type MakerspacePhoto = Photo;
export const makerspacePhotoList = photoList;
export type MakerspacePhotoList = PhotoList;
export const makerspacePhotoOrder = photoOrder;

export const makerspaceSettings = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  tagline: z.string(),
  description: z.string(),
  address: z.string(),
  city: z.string(),
  country: z.string(),
  isPublic: z.boolean(),
  timeZone: z.string(),
  /** The ISO 4217 code of every amount of money shown for the makerspace. */
  currency: z.string(),
  openingHours: weeklyHours,
  /** The hours as a sentence for the directory: "Mon–Sat 08:00–22:00, Sun 10:00–18:00". */
  openingHoursText: z.string(),
  closures: z.array(closure),
  photos: z.array(makerspacePhoto),
});
export type MakerspaceSettings = z.infer<typeof makerspaceSettings>;

/** One makerspace the signed-in user belongs to, for the cave's home. */
export const myMakerspace = z.object({
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), city: z.string() }),
  roles: z.array(makerspaceRole),
  /** The role that decides what they see there: admin over service provider over member. */
  role: makerspaceRole,
});
export type MyMakerspace = z.infer<typeof myMakerspace>;

export const myMakerspaceList = z.object({ items: z.array(myMakerspace) });
export type MyMakerspaceList = z.infer<typeof myMakerspaceList>;
