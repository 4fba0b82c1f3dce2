/** Paths more than one feature links to. */
const space = (slug: string) => `/makerspaces/${encodeURIComponent(slug)}`;

export const paths = {
  home: '/',
  myBookings: '/bookings',
  /** Outside /makerspaces/, where it would read as a makerspace called "new". */
  newMakerspace: '/new-makerspace',
  makerspace: space,
  equipment: (slug: string) => `${space(slug)}/equipment`,
  machine: (slug: string, machine: string) =>
    `${space(slug)}/equipment/${encodeURIComponent(machine)}`,
  machineCalendar: (slug: string, machine: string) =>
    `${space(slug)}/equipment/${encodeURIComponent(machine)}/calendar`,
  calendar: (slug: string) => `${space(slug)}/calendar`,
  members: (slug: string) => `${space(slug)}/members`,
  features: (slug: string) => `${space(slug)}/manage/features`,
  analytics: (slug: string) => `${space(slug)}/analytics`,
  trainings: (slug: string) => `${space(slug)}/trainings`,
  billing: (slug: string) => `${space(slug)}/billing`,
  settings: (slug: string) => `${space(slug)}/manage/settings`,
  printJobs: (slug: string) => `${space(slug)}/print-jobs`,
  printJob: (slug: string, jobId: string) =>
    `${space(slug)}/print-jobs/${encodeURIComponent(jobId)}`,
} as const;

/** The makerspace a cave path is about, if any: `/makerspaces/<slug>/…`. */
export function makerspaceSlugOf(pathname: string): string | undefined {
  const match = /^\/makerspaces\/([^/]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
