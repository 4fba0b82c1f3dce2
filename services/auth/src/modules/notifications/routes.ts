import { callingService, signedInUser, type UserCaller } from '@makrx/auth';
import {
  errorBody,
  markedRead,
  notification,
  notificationAppOfClient,
  notificationPage,
  notificationPreferences,
  notificationPreferencesUpdate,
  notificationQuery,
  raisedNotification,
  raiseNotificationRequest,
  unreadCount,
  type NotificationSource,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import {
  listNotifications,
  markAllRead,
  markRead,
  preferencesOf,
  raiseNotification,
  savePreferences,
  unreadCountOf,
  visibleSources,
} from './service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** The service clients that may raise notifications, and the source each one's count as. */
const raisers = { 'makrcave-backend': 'cave', 'store-backend': 'store' } as const;

/** A user's notifications in the apps, their preferences, and the cave's and store's way in. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The services whose notifications the calling app shows this user. */
  const sourcesFor = async (user: UserCaller): Promise<NotificationSource[]> => {
    const crossDomain = await app.flags.isOn('ENABLE_CROSS_DOMAIN_NOTIFICATIONS', {
      userId: user.userId,
      roles: user.realmRoles,
    });
    return visibleSources(notificationAppOfClient[user.clientId] ?? 'auth', crossDomain);
  };

  app.get(
    '/notifications',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'read' } },
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, newest first",
        querystring: notificationQuery,
        response: { 200: notificationPage, ...errors },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      return listNotifications(app.db, user.userId, await sourcesFor(user), request.query);
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'read' } },
      schema: {
        tags: ['notifications'],
        summary: 'How many notifications the calling app shows unread',
        response: { 200: unreadCount, ...errors },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      reply.header('cache-control', 'no-store');
      return { count: await unreadCountOf(app.db, user.userId, await sourcesFor(user)) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'write' } },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: z.object({ id: z.uuid() }),
        response: { 200: notification, ...errors },
      },
    },
    async (request) => markRead(app.db, signedInUser(request).userId, request.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: { feature: 'crossDomainSso', mode: 'write' } },
      schema: {
        tags: ['notifications'],
        summary: 'Mark every notification the calling app shows as read',
        response: { 200: markedRead, ...errors },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      return { updated: await markAllRead(app.db, user.userId, await sourcesFor(user)) };
    },
  );

  app.get(
    '/notifications/preferences',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'read' } },
      schema: {
        tags: ['notifications'],
        summary: 'Which kinds the user sees in the apps and gets by email',
        response: { 200: notificationPreferences, ...errors },
      },
    },
    async (request) => ({ items: await preferencesOf(app.db, signedInUser(request).userId) }),
  );

  app.put(
    '/notifications/preferences',
    {
      config: { access: { feature: 'userProfileManagement', mode: 'write' } },
      schema: {
        tags: ['notifications'],
        summary: 'Change the preferences of some kinds; the others keep theirs',
        body: notificationPreferencesUpdate,
        response: { 200: notificationPreferences, ...errors },
      },
    },
    async (request) => ({
      items: await savePreferences(app.db, signedInUser(request).userId, request.body.items),
    }),
  );

  app.post(
    '/notifications',
    {
      config: { access: { serviceClients: ['makrcave-backend', 'store-backend'] } },
      schema: {
        tags: ['notifications'],
        summary: 'Raise a notification for a user (MakrCave and MakrX.Store backends)',
        body: raiseNotificationRequest,
        response: { 200: raisedNotification, 201: raisedNotification, ...errors },
      },
    },
    async (request, reply) => {
      const source = raisers[callingService(request).clientId as keyof typeof raisers];
      const raised = await raiseNotification(app.db, app.mailer, request.log, {
        ...request.body,
        source,
      });
      return reply.status(raised.created ? 201 : 200).send(raised);
    },
  );
};
