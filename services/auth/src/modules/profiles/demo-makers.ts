import type { Database } from '@makrx/db';
import { seedOnce } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { profiles } from './tables';

/** Community makers for the gateway's spotlight in embedded mode (DESIGN "Demo data"). */
const demoMakers = [
  {
    handle: 'ananya-rao',
    displayName: 'Ananya Rao',
    featured: true,
    headline: 'Prosthetics designer and PETG whisperer',
    location: 'Bengaluru, India',
    skills: ['3D printing', 'Fusion 360', 'Biomechanics'],
    bio: 'I design open-source prosthetic hands that print on any desktop printer in under a day. Currently iterating on a tendon-driven thumb.',
  },
  {
    handle: 'tom-okafor',
    displayName: 'Tom Okafor',
    featured: true,
    headline: 'Synth builder and PCB designer',
    location: 'Austin, United States',
    skills: ['KiCad', 'Analog audio', 'SMD soldering'],
    bio: 'Modular synth modules by night, test fixtures for hardware start-ups by day. Everything I make ships with its schematics.',
  },
  {
    handle: 'marta-silva',
    displayName: 'Marta Silva',
    featured: true,
    headline: 'Furniture maker mixing CNC and hand tools',
    location: 'Lisbon, Portugal',
    skills: ['CNC routing', 'Joinery', 'Rhino'],
    bio: 'Flat-pack furniture that needs no screws: CNC-cut plywood with hand-finished joints. Workshops at Harbour Makers every month.',
  },
  {
    handle: 'kenji-watanabe',
    displayName: 'Kenji Watanabe',
    featured: true,
    headline: 'Robotics mentor for student teams',
    location: 'Pune, India',
    skills: ['ROS 2', 'Embedded C', 'Laser cutting'],
    bio: 'I coach three high-school robotics teams and write up every build so the next team can start where we stopped.',
  },
  {
    handle: 'priya-nair',
    displayName: 'Priya Nair',
    featured: true,
    headline: 'Wearables and e-textiles',
    location: 'Manchester, United Kingdom',
    skills: ['Arduino', 'Embroidery', 'Conductive thread'],
    bio: 'Light-up garments and soft circuits. My latest jacket reacts to the bass line of whatever is playing.',
  },
  {
    handle: 'lucas-meyer',
    displayName: 'Lucas Meyer',
    featured: true,
    headline: 'Print farm operator',
    location: 'Bengaluru, India',
    skills: ['Print farms', 'Klipper', 'Materials testing'],
    bio: 'Twenty-four printers, one spreadsheet and a lot of filament tests. I publish my material settings for everyone.',
  },
  {
    handle: 'sara-lindqvist',
    displayName: 'Sara Lindqvist',
    featured: false,
    headline: 'Lighting designer',
    location: 'Lisbon, Portugal',
    skills: ['Laser cutting', 'LED drivers'],
    bio: 'Lamps from laser-cut veneer and addressable LEDs.',
  },
];

export async function seedDemoMakers(db: Database): Promise<void> {
  await seedOnce(db, 'auth:demo-makers', async (tx) => {
    for (const [index, maker] of demoMakers.entries()) {
      const { handle, displayName, ...profile } = maker;
      const [user] = await tx
        .insert(users)
        .values({
          email: `${handle}@makers.demo.makrx.org`,
          username: handle,
          displayName,
          emailVerified: true,
          createdAt: new Date(Date.UTC(2025, index * 2, 3 + index)),
        })
        .returning({ id: users.id });
      await tx.insert(profiles).values({ userId: user!.id, handle, ...profile, public: true });
    }
  });
}
