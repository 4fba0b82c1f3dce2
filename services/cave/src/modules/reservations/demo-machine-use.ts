import { seedOnce, type Database } from '@makrx/db';
import { machineToBook } from '../equipment/service';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { listMembers } from '../memberships/service';
import { recordPastMachineUse, type PastMachineUse } from './machine-use';

/**
 * A member's month at the hub: [day, machine, start (Bengaluru time), minutes booked, minutes
 * used]. Check-in comes five minutes after the start; sessions end a little early, as they do.
 */
const sessions: [number, string, string, number, number][] = [
  [3, 'prusa-mk4-1', '10:00', 180, 170],
  [5, 'trotec-speedy-360', '14:00', 120, 110],
  [9, 'bambu-lab-x1-carbon', '11:00', 240, 235],
  [12, 'shapeoko-5-pro', '15:00', 180, 160],
  [16, 'prusa-mk4-2', '10:30', 240, 235],
  [19, 'xtool-p2-55-w-co', '17:00', 120, 95],
  [23, 'formlabs-form-3', '13:00', 120, 115],
  [26, 'trotec-speedy-360', '16:00', 180, 175],
];

const MINUTE = 60_000;
const two = (n: number) => String(n).padStart(2, '0');

/** Last month in Bengaluru, as `YYYY-MM`. */
function lastMonthInBengaluru(now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(now);
  const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - 1);
  return first.toISOString().slice(0, 7);
}

/**
 * Last month's completed sessions of every member of MakrX Hub Bengaluru, so billing and
 * analytics have true usage on the first start. Each member's days are shifted so members do
 * not share a slot; a session that another seed's booking already holds is left out.
 */
export async function seedDemoMonthOfMachineUse(db: Database): Promise<void> {
  const hubId = (await makerspaceIdsBySlug(db)).get('makrx-hub-bengaluru');
  if (!hubId) return;
  const members = (await listMembers(db, hubId)).filter((m) => m.roles.includes('member'));
  if (members.length === 0) return;
  await seedOnce(db, 'cave:demo-month-of-machine-use', async (tx) => {
    const month = lastMonthInBengaluru();
    const machineIds = new Map<string, string>();
    for (const slug of new Set(sessions.map(([, slug]) => slug))) {
      machineIds.set(slug, (await machineToBook(tx, { makerspaceId: hubId, slug })).id);
    }
    const uses: PastMachineUse[] = members.flatMap((member, index) =>
      sessions.map(([day, slug, time, booked, used]) => {
        const start = Date.parse(`${month}-${two(((day + index * 2) % 28) + 1)}T${time}:00+05:30`);
        return {
          makerspaceId: hubId,
          equipmentId: machineIds.get(slug)!,
          userId: member.userId,
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + booked * MINUTE).toISOString(),
          checkedInAt: new Date(start + 5 * MINUTE).toISOString(),
          checkedOutAt: new Date(start + (5 + used) * MINUTE).toISOString(),
        };
      }),
    );
    await recordPastMachineUse(tx, uses, { skipTakenSlots: true });
  });
}
