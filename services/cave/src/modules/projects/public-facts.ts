import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { makerspacesById } from '../makerspaces/service';
import { projects } from './tables';

/** What the community feed may say of a project: only ever asked about public ones. */
export interface ProjectFacts {
  id: string;
  slug: string;
  title: string;
  summary: string;
  ownerId: string;
  public: boolean;
  completedAt: Date | null;
  makerspace: { id: string; name: string } | null;
}

/** A project's facts by id, public or not (the caller decides what to report); gone → undefined. */
export async function projectFactsOf(
  db: Database,
  projectId: string,
): Promise<ProjectFacts | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!row) return undefined;
  const [space] = row.makerspaceId ? await makerspacesById(db, [row.makerspaceId]) : [];
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    ownerId: row.ownerId,
    public: row.visibility === 'public',
    completedAt: row.completedAt,
    makerspace: space ? { id: space.id, name: space.name } : null,
  };
}
