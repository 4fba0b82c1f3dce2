import type { Database } from '@makrx/db';
import { projectActivity } from './tables';

/** Something that happened to a project, for its activity log; pass the change's transaction. */
export interface ProjectActivityEntry {
  projectId: string;
  actorId: string | null;
  action: string;
  summary: string;
  details?: Record<string, unknown>;
}

/** Writes entries to projects' activity logs, in the caller's transaction. */
export async function recordProjectActivity(
  db: Pick<Database, 'insert'>,
  ...entries: ProjectActivityEntry[]
): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(projectActivity).values(entries);
}
