import { AppError, type ProjectRole } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { projectCollaborators, projects } from './tables';

/*
 * A project's own roles (spec 3, "Project tracking and collaboration"): its owner, and with
 * ENABLE_PROJECT_COLLABORATION on, the editors and viewers the owner invited. A route about one
 * project names it `:projectSlug` and declares the least role it needs beside its access:
 *
 *   config: { access: { feature: 'projectManagement', mode: 'write' }, projectRole: 'editor' }
 *
 * The gate runs after the guard and the flag gate. It answers 404 for a project the caller
 * may not see (a private one looks like a missing one) and 403 when their role falls short,
 * and hands the handler the project it found as `request.project`.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role on the route's `:projectSlug` project the caller must hold. */
    projectRole?: ProjectRole;
  }
  interface FastifyRequest {
    /** The project a `projectRole` route is about, with the caller's role on it. */
    project?: ProjectInRequest;
  }
}

export interface ProjectInRequest {
  id: string;
  slug: string;
  title: string;
  ownerId: string;
  makerspaceId: string | null;
  visibility: 'public' | 'private';
  /** The caller's role; `null` for someone who may only read it because it is public. */
  callerRole: ProjectRole | null;
}

const rank: Record<ProjectRole, number> = { viewer: 1, editor: 2, owner: 3 };

/** Whether `held` is at least `needed`. */
export const roleAtLeast = (held: ProjectRole | null, needed: ProjectRole): boolean =>
  held !== null && rank[held] >= rank[needed];

export const COLLABORATION_FLAG = 'ENABLE_PROJECT_COLLABORATION';

/** The caller's role on a project: owner, or an invited collaborator while the flag is on. */
export async function callerRoleOn(
  app: FastifyInstance,
  project: { id: string; ownerId: string },
  request: FastifyRequest,
): Promise<ProjectRole | null> {
  const { caller } = request;
  if (caller?.kind !== 'user') return null;
  if (caller.userId === project.ownerId) return 'owner';
  const collaborating = await app.flags.isOn(COLLABORATION_FLAG, {
    userId: caller.userId,
    roles: caller.realmRoles,
  });
  if (!collaborating) return null;
  return collaboratorRole(app.db, project.id, caller.userId);
}

/** An accepted collaborator's role on a project, if they have one. */
export async function collaboratorRole(
  db: Database,
  projectId: string,
  userId: string,
): Promise<ProjectRole | null> {
  const [row] = await db
    .select({ role: projectCollaborators.role })
    .from(projectCollaborators)
    .where(
      and(
        eq(projectCollaborators.projectId, projectId),
        eq(projectCollaborators.userId, userId),
        eq(projectCollaborators.status, 'accepted'),
      ),
    );
  return row?.role ?? null;
}

/** The project a request is about, judged against the role its route declares. */
export async function projectOfRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  needed: ProjectRole,
): Promise<ProjectInRequest> {
  const slug = (request.params as { projectSlug?: string } | undefined)?.projectSlug;
  if (!slug) {
    throw new AppError(
      500,
      'ROUTE_ACCESS_MISDECLARED',
      `${request.method} ${request.routeOptions.url} declares a project role but names no :projectSlug.`,
    );
  }
  const [row] = await app.db
    .select({
      id: projects.id,
      slug: projects.slug,
      title: projects.title,
      ownerId: projects.ownerId,
      makerspaceId: projects.makerspaceId,
      visibility: projects.visibility,
    })
    .from(projects)
    .where(eq(projects.slug, slug));
  const notThere = new AppError(404, 'NOT_FOUND', `Project "${slug}" was not found.`);
  if (!row) throw notThere;
  const callerRole = await callerRoleOn(app, row, request);
  const mayRead = callerRole !== null || row.visibility === 'public';
  if (!mayRead) throw notThere;
  // Reading a public project needs no role; anything more does.
  if (needed === 'viewer' || roleAtLeast(callerRole, needed)) return { ...row, callerRole };
  if (request.caller === null) {
    throw new AppError(401, 'AUTHENTICATION_REQUIRED', 'Sign in to change this project.');
  }
  throw new AppError(
    403,
    'PROJECT_ROLE_TOO_LOW',
    callerRole
      ? `As a ${callerRole} of this project you cannot do this; it needs an ${needed === 'owner' ? 'owner' : 'editor'}.`
      : `Only the project's ${needed === 'owner' ? 'owner' : 'owner and editors'} can do this.`,
    { needed, held: callerRole },
  );
}

/**
 * Adds the project gate to every route that declares `projectRole`, after the guard's and the
 * flag's checks (route hooks run after the app's). Registered before the modules, unwrapped,
 * so it sees every route of the service.
 */
export const projectAccessGate = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    const needed = route.config?.projectRole;
    if (needed === undefined) return;
    if (!String(route.url).includes(':projectSlug')) {
      throw new Error(
        `${String(route.method)} ${route.url} declares projectRole but names no :projectSlug.`,
      );
    }
    const gate = async (request: FastifyRequest) => {
      request.project = await projectOfRequest(app, request, needed);
    };
    // After the guard and flag gate, before validation: a refused caller learns nothing more.
    const hooks = route.preValidation === undefined ? [] : [route.preValidation].flat();
    route.preValidation = [...hooks, gate as onRequestHookHandler];
  });
});

/** The project of a `projectRole` route, for its handler. */
export function projectOf(request: FastifyRequest): ProjectInRequest {
  if (request.project) return request.project;
  throw new AppError(
    500,
    'ROUTE_ACCESS_MISDECLARED',
    `${request.method} ${request.routeOptions.url} reads its project but declares no projectRole.`,
  );
}
