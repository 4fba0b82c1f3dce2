import { z } from 'zod';

/** One browser session at the identity provider, as its owner sees it on the account page. */
export const activeSession = z.object({
  /** The session's public id (never the cookie's value). */
  id: z.string(),
  /** The browser and system the session signed in from, read from its user agent. */
  userAgent: z.string().nullable(),
  /** The address it was last seen from; no geo-IP database is consulted. */
  ipAddress: z.string().nullable(),
  signedInAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
  /** The session the caller's own token belongs to. */
  current: z.boolean(),
  /** The apps signed in under it (client ids). */
  apps: z.array(z.string()),
});
export type ActiveSession = z.infer<typeof activeSession>;

export const activeSessions = z.object({ sessions: z.array(activeSession) });
export type ActiveSessions = z.infer<typeof activeSessions>;

export const sessionsEnded = z.object({ ended: z.number().int().min(0) });
export type SessionsEnded = z.infer<typeof sessionsEnded>;

/** An OpenID Connect back-channel logout token, as the store app passes it to the store service. */
export const backchannelLogoutBody = z.object({ logoutToken: z.string().min(1).max(8192) });

/** Whether the store's browser session `sid` has been ended at the identity provider. */
export const storefrontSessionState = z.object({ ended: z.boolean() });
export type StorefrontSessionState = z.infer<typeof storefrontSessionState>;

/** The caller's store sessions the identity provider ended, newest first (back-channel logout). */
export const endedStorefrontSessions = z.object({
  sessions: z.array(z.object({ endedAt: z.iso.datetime() })),
});
export type EndedStorefrontSessions = z.infer<typeof endedStorefrontSessions>;
