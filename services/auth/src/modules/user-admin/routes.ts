import { signedInUser, type Permission } from '@makrx/auth';
import {
  adminUser,
  adminUserDetail,
  adminUserPage,
  adminUserQuery,
  assignableRole,
  errorBody,
} from '@makrx/contracts';
import type { AssignableRole } from '@makrx/contracts';
import {
  AppError,
  membershipsFromCave,
  userMakerspacesFromCave,
  type FastifyPluginAsyncZod,
} from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { recentActivityOf } from '../audit-log/service';
import { z } from 'zod';
import { findAdminUser, grantRole, lockUser, revokeRole, searchUsers, unlockUser } from './service';

const userParams = z.object({ id: z.uuid() });
const roleParams = userParams.extend({ role: assignableRole });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Who may give or take away `role`: a domain's admin role its admins too, the rest super admins. */
const rolePermission = (role: AssignableRole): Permission =>
  role === 'admin:org' || role === 'admin:cave' || role === 'admin:store'
    ? `users:roles:${role.slice('admin:'.length) as 'org' | 'cave' | 'store'}`
    : 'users:admin';

async function assertMayManageRole(request: FastifyRequest, role: AssignableRole) {
  if (await request.access.can(rolePermission(role))) return;
  throw new AppError(
    403,
    'USER_ROLE_GOVERNANCE',
    'A domain admin gives or takes away their own domain’s admin role only; other roles are a super admin’s.',
  );
}

/**
 * User administration (spec 4): super admins manage every account; a domain admin sees the
 * accounts and manages their own domain's admin role. Every change is audited.
 */
export const userAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const change = (request: Parameters<typeof signedInUser>[0]) => ({
    actorId: signedInUser(request).userId,
    requestId: request.id,
  });

  app.get(
    '/admin/users',
    {
      config: { access: { permission: 'users:read' } },
      schema: {
        tags: ['user administration'],
        summary:
          'Find users by email, username or name, with their makerspace roles (from MakrCave)',
        querystring: adminUserQuery,
        response: { 200: adminUserPage, ...errors },
      },
    },
    async (request) => {
      const page = await searchUsers(app.db, request.query);
      // One call to MakrCave for the page; the list still shows while it cannot be asked.
      const makerspaces = await userMakerspacesFromCave(
        app,
        page.items.map((user) => user.id),
      ).catch((err: unknown) => {
        request.log.warn({ err }, 'makerspace roles of the users list not asked of MakrCave');
        return null;
      });
      return {
        ...page,
        items: page.items.map((user) => ({
          ...user,
          makerspaces: makerspaces ? (makerspaces.get(user.id) ?? []) : null,
        })),
      };
    },
  );

  app.get(
    '/admin/users/:id',
    {
      config: { access: { permission: 'users:read' } },
      schema: {
        tags: ['user administration'],
        summary: 'One user: account, roles, lock, makerspaces (from MakrCave) and recent activity',
        params: userParams,
        response: { 200: adminUserDetail, ...errors },
      },
    },
    async (request) => {
      const user = await findAdminUser(app.db, request.params.id);
      const [makerspaces, recentActivity] = await Promise.all([
        // The page still works while MakrCave cannot be asked; it says so instead.
        membershipsFromCave(app)(user.id).catch((err: unknown) => {
          request.log.warn({ err }, 'makerspace roles not asked of MakrCave');
          return null;
        }),
        recentActivityOf(app.db, user.id),
      ]);
      return { user, makerspaces, recentActivity };
    },
  );

  app.put(
    '/admin/users/:id/roles/:role',
    {
      config: { access: { permission: 'users:read' } },
      schema: {
        tags: ['user administration'],
        summary: 'Give a user a global role (domain admins: their domain’s admin role)',
        params: roleParams,
        response: { 200: adminUser, ...errors },
      },
    },
    async (request) => {
      await assertMayManageRole(request, request.params.role);
      return grantRole(app.db, request.params.id, request.params.role, change(request));
    },
  );

  app.delete(
    '/admin/users/:id/roles/:role',
    {
      config: { access: { permission: 'users:read' } },
      schema: {
        tags: ['user administration'],
        summary: 'Take a global role away (domain admins: their domain’s admin role)',
        params: roleParams,
        response: { 200: adminUser, ...errors },
      },
    },
    async (request) => {
      await assertMayManageRole(request, request.params.role);
      return revokeRole(app.db, request.params.id, request.params.role, change(request));
    },
  );

  app.post(
    '/admin/users/:id/lock',
    {
      config: { access: { permission: 'users:admin' } },
      schema: {
        tags: ['user administration'],
        summary: 'Lock an account and sign it out everywhere',
        params: userParams,
        response: { 200: adminUser, ...errors },
      },
    },
    async (request) => lockUser(app.db, request.params.id, change(request)),
  );

  app.post(
    '/admin/users/:id/unlock',
    {
      config: { access: { permission: 'users:admin' } },
      schema: {
        tags: ['user administration'],
        summary: 'Unlock an account',
        params: userParams,
        response: { 200: adminUser, ...errors },
      },
    },
    async (request) => unlockUser(app.db, request.params.id, change(request)),
  );
};
