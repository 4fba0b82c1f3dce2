import { weekdays, type Closure, type Weekday, type WeeklyHours } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { seedOnce } from '@makrx/db';
import { makerspaces } from './tables';

/** The same hours on `days`, closed on the others unless `extra` says otherwise. */
function hours(
  days: readonly Weekday[],
  opens: string,
  closes: string,
  extra: Partial<WeeklyHours> = {},
): WeeklyHours {
  const week = Object.fromEntries(
    weekdays.map((day) => [day, days.includes(day) ? [{ opens, closes }] : []]),
  ) as WeeklyHours;
  return { ...week, ...extra };
}

/**
 * Demo makerspaces for embedded mode (DESIGN "Demo data"). The first is the demo admin's; their
 * machines are the equipment module's (demo-equipment.ts).
 */

const demoMakerspaces: Array<{
  slug: string;
  name: string;
  tagline: string;
  description: string;
  address: string;
  city: string;
  country: string;
  timeZone: string;
  /** What its machines' rates (demo-equipment.ts) and its plans are in. */
  currency: string;
  weeklyHours: WeeklyHours;
  closures?: Closure[];
}> = [
  {
    slug: 'makrx-hub-bengaluru',
    name: 'MakrX Hub Bengaluru',
    tagline: 'A 6,000 sq ft workshop for hardware start-ups and weekend tinkerers.',
    description:
      'Printers, lasers, a CNC bay and an electronics lab under one roof in Koramangala. Members book machines by the hour, run their projects here and get their prints made by our in-house service team.',
    address: '80 Feet Road, Koramangala 4th Block, Bengaluru 560034',
    city: 'Bengaluru',
    country: 'India',
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    weeklyHours: hours(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], '08:00', '22:00', {
      sun: [{ opens: '10:00', closes: '18:00' }],
    }),
  },
  {
    slug: 'tinkerworks-pune',
    name: 'TinkerWorks Pune',
    tagline: 'Community workshop for robotics teams, students and product designers.',
    description:
      'A friendly space near the university with a robotics lab, printers and a woodshop, run by volunteers and open late for student teams.',
    address: 'Senapati Bapat Road, Pune 411016',
    city: 'Pune',
    country: 'India',
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    weeklyHours: hours(['tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '10:00', '21:00'),
  },
  {
    slug: 'northside-fab-lab',
    name: 'Northside Fab Lab',
    tagline: 'Digital fabrication for Manchester’s makers, artists and small businesses.',
    description:
      'Part of the global Fab Lab network: laser cutting, vinyl, CNC and 3D printing with inductions every Saturday.',
    address: '12 Mill Street, Ancoats, Manchester M4 6EE',
    city: 'Manchester',
    country: 'United Kingdom',
    timeZone: 'Europe/London',
    currency: 'GBP',
    weeklyHours: hours(['wed', 'thu', 'fri', 'sat'], '11:00', '20:00'),
    closures: [
      { startsOn: '2026-12-24', endsOn: '2027-01-01', reason: 'Winter break' },
      { startsOn: '2027-04-02', endsOn: '2027-04-05', reason: 'Easter bank holidays' },
    ],
  },
  {
    slug: 'harbour-makers-lisbon',
    name: 'Harbour Makers',
    tagline: 'A waterfront studio for furniture, lighting and textile makers.',
    description:
      'Woodshop, textile studio and digital fabrication in a converted warehouse by the river, with shared benches and a gallery wall.',
    address: 'Rua da Cintura do Porto, Armazém 16, 1200-109 Lisboa',
    city: 'Lisbon',
    country: 'Portugal',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    weeklyHours: hours(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '20:00'),
  },
  {
    slug: 'circuit-garden-austin',
    name: 'Circuit Garden',
    tagline: 'Electronics, synths and wearables in East Austin.',
    description:
      'An electronics-first makerspace with SMD rework, a reflow oven and an instrument library, plus printers for enclosures.',
    address: '1100 E 5th St, Austin, TX 78702',
    city: 'Austin',
    country: 'United States',
    timeZone: 'America/Chicago',
    currency: 'USD',
    weeklyHours: hours(weekdays, '12:00', '23:00'),
  },
];

export async function seedDemoMakerspaces(db: Database): Promise<void> {
  await seedOnce(db, 'cave:demo-makerspaces', async (tx) => {
    await tx.insert(makerspaces).values(demoMakerspaces);
  });
}
