import { seedOnce, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { projects } from './tables';

/**
 * Demo projects for embedded mode (DESIGN "Demo data"): public ones by community makers and a
 * private one of the demo member, to show that only its owner sees it.
 */
const demoProjects = [
  {
    slug: 'tendon-driven-prosthetic-hand',
    title: 'Tendon-driven prosthetic hand',
    summary:
      'An open-source prosthetic hand that prints on any desktop printer in under a day, with a tendon-driven thumb.',
    description:
      'Version 3 of the hand moves the thumb to a tendon drive, so a single pull closes a two-finger pinch. Every part prints in PETG without supports on a 0.4 mm nozzle; the palm takes about nine hours on a Prusa MK4. Fitting sessions run at the hub on Saturdays, where volunteers size the gauntlet from a phone photo and print it the same week.',
    ownerEmail: 'ananya-rao@makers.demo.makrx.org',
    makerspace: 'makrx-hub-bengaluru',
    visibility: 'public',
    status: 'in_progress',
    tags: ['3D printing', 'Prosthetics', 'PETG', 'Open hardware'],
    updatedAt: new Date(Date.UTC(2026, 9, 14, 9, 30)),
  },
  {
    slug: 'line-following-robot-kit',
    title: 'Line-following robot kit for school teams',
    summary:
      'A laser-cut chassis, an ESP32 and five IR sensors: the starter robot our student teams build in their first month.',
    description:
      'The chassis is cut from 3 mm plywood in eleven minutes on the Glowforge, and the sensor bar is a two-layer PCB any fab house makes. The firmware is a PID loop with the gains on a web page the ESP32 serves, so teams tune it from a phone. The build guide walks through soldering, calibration and the first race.',
    ownerEmail: 'kenji-watanabe@makers.demo.makrx.org',
    makerspace: 'tinkerworks-pune',
    visibility: 'public',
    status: 'idea',
    tags: ['Robotics', 'Laser cutting', 'ESP32', 'Education'],
    updatedAt: new Date(Date.UTC(2026, 9, 2, 16, 0)),
  },
  {
    slug: 'flat-pack-plywood-stool',
    title: 'Flat-pack plywood stool',
    summary:
      'A stool that slots together without a single screw: CNC-cut birch plywood with hand-finished wedged joints.',
    description:
      'Three parts nest on a quarter sheet of 18 mm birch plywood. The CNC cuts the slots a hair undersize and the joints are finished with a chisel, so the stool tightens as it is sat on. The toolpaths are tuned for a 6 mm downcut bit on a Shapeoko.',
    ownerEmail: 'marta-silva@makers.demo.makrx.org',
    makerspace: null,
    visibility: 'public',
    status: 'completed',
    tags: ['CNC routing', 'Woodworking', 'Furniture'],
    updatedAt: new Date(Date.UTC(2026, 8, 20, 11, 15)),
  },
  {
    slug: 'greenhouse-climate-controller',
    title: 'Greenhouse climate controller',
    summary:
      'Soil moisture, temperature and a vent servo on one board, logging to a spreadsheet. Still a prototype.',
    description:
      'A private work in progress: the enclosure is a 3D printed box with a gasket, the vent opens on a hobby servo, and the readings post to a spreadsheet every ten minutes. Next step is a second sensor for the far bed.',
    ownerEmail: 'member@demo.makrx.org',
    makerspace: 'makrx-hub-bengaluru',
    visibility: 'private',
    status: 'in_progress',
    tags: ['Electronics', 'ESP32', '3D printing'],
    updatedAt: new Date(Date.UTC(2026, 10, 1, 18, 45)),
  },
] as const;

/** The demo projects, once their owners (seeded by the auth service) exist. */
export async function seedDemoProjects(db: Database): Promise<void> {
  const owners = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoProjects.map((p) => p.ownerEmail),
      ),
    );
  if (owners.length < new Set(demoProjects.map((p) => p.ownerEmail)).size) return;
  const spaces = await makerspaceIdsBySlug(db);
  await seedOnce(db, 'cave:demo-projects', async (tx) => {
    await tx.insert(projects).values(
      demoProjects.map(({ ownerEmail, makerspace, ...project }) => ({
        ...project,
        tags: [...project.tags],
        ownerId: owners.find((o) => o.email === ownerEmail)!.id,
        makerspaceId: (makerspace && spaces.get(makerspace)) ?? null,
        completedAt: project.status === 'completed' ? project.updatedAt : null,
        createdAt: new Date(project.updatedAt.getTime() - 30 * 24 * 3600_000),
      })),
    );
  });
  // Demo data seeded before projects had a status: give the demo projects theirs, once.
  await seedOnce(db, 'cave:demo-project-statuses', async (tx) => {
    for (const { slug, status, updatedAt } of demoProjects) {
      if (status === 'idea') continue;
      await tx
        .update(projects)
        .set({ status, completedAt: status === 'completed' ? updatedAt : null })
        .where(and(eq(projects.slug, slug), eq(projects.status, 'idea')));
    }
  });
}
