import { authSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Everything oidc-provider persists (sessions, grants, codes, refresh tokens, interactions),
 * so a restart signs nobody out and several instances share them.
 */
export const oidcModels = authSchema.table(
  'oidc_models',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('oidc_models_grant_idx').on(t.grantId),
    index('oidc_models_uid_idx').on(t.uid),
    index('oidc_models_expires_idx').on(t.expiresAt),
  ],
);

/** Token signing keys (private JWKs). The newest active key signs; older ones still verify. */
export const signingKeys = authSchema.table('signing_keys', {
  kid: text('kid').primaryKey(),
  privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Secrets the provider generates once and keeps (cookie signing keys). */
export const providerSecrets = authSchema.table('provider_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A user's password and sign-in history. `failedAttempts` counts wrong passwords in a row from
 * every address; past a threshold the account is throttled (one check per growing wait) until
 * `lockedUntil`, which slows a distributed guesser without locking the owner out for long.
 */
export const credentials = authSchema.table(
  'credentials',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockouts: integer('lockouts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('credentials_failed_not_negative', sql`${t.failedAttempts} >= 0`)],
);

/**
 * Wrong passwords for one account from one client address (OWASP: lock the address that
 * guesses, not the account): that address is locked out of that account for a growing wait,
 * while the owner elsewhere still signs in.
 */
export const signInFailures = authSchema.table(
  'sign_in_failures',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientAddress: text('client_address').notNull(),
    failures: integer('failures').notNull().default(0),
    lockouts: integer('lockouts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.clientAddress] }),
    check('sign_in_failures_not_negative', sql`${t.failures} >= 0 and ${t.lockouts} >= 0`),
  ],
);

/**
 * Accounts a super admin locked. Apart from the credentials, so a password reset (which
 * rewrites those) cannot lift it, and a social sign-in (which has none) still meets it.
 */
export const adminLocks = authSchema.table('admin_locks', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lockedBy: uuid('locked_by').references(() => users.id, { onDelete: 'set null' }),
  lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Global (realm) roles: super_admin, admin, admin:<domain>, store_customer. */
export const userRoles = authSchema.table(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check(
      'user_roles_known',
      sql`${t.role} in ('super_admin', 'admin', 'admin:org', 'admin:cave', 'admin:store', 'store_customer')`,
    ),
  ],
);

/** One-time links sent by email (verify an address, reset a password). Only a hash is kept. */
export const actionTokens = authSchema.table(
  'action_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify-email', 'reset-password'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('action_tokens_purpose_known', sql`${t.purpose} in ('verify-email', 'reset-password')`),
    index('action_tokens_user_idx').on(t.userId),
  ],
);

/** Accounts at an upstream identity provider linked to ours (Keycloak: identity brokering). */
export const federatedIdentities = authSchema.table(
  'federated_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.subject] }),
    index('federated_identities_user_idx').on(t.userId),
  ],
);

/** A sign-in handed to an upstream provider, waiting for it to come back. */
export const brokerStates = authSchema.table('broker_states', {
  state: text('state').primaryKey(),
  interactionUid: text('interaction_uid').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  /** Set once the upstream vouched for someone; the sign-in then finishes under our interaction. */
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * What a browser session was seen from (oidc-provider keeps no such thing): the account page's
 * list of sessions shows it. Keyed by the session's uid; gone with the session's row.
 */
export const sessionDevices = authSchema.table(
  'session_devices',
  {
    sessionUid: text('session_uid').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }).notNull().defaultNow(),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_devices_user_idx').on(t.userId)],
);

/**
 * Passkeys (WebAuthn credentials) a user signs in with, beside or instead of a password. The
 * public key is kept as the COSE bytes, base64url; `counter` and the backup flags are what the
 * authenticator last reported, so a cloned authenticator's older counter is refused.
 */
export const passkeys = authSchema.table(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    credentialId: text('credential_id').notNull().unique(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'`),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: boolean('backed_up').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    index('passkeys_user_idx').on(t.userId),
    check('passkeys_name_length', sql`char_length(${t.name}) between 1 and 60`),
    check('passkeys_counter_not_negative', sql`${t.counter} >= 0`),
  ],
);

/**
 * WebAuthn challenges handed out and not yet answered: each is used once (a conditional
 * update), within its expiry, for the purpose and the user or sign-in it was issued to.
 */
export const webauthnChallenges = authSchema.table(
  'webauthn_challenges',
  {
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose', { enum: ['register', 'sign-in', 'sign-up'] }).notNull(),
    /** Who adds a passkey (register), or the account a sign-up will create. */
    userId: uuid('user_id'),
    /** The sign-in (oidc-provider interaction) a sign-in or sign-up challenge belongs to. */
    interactionUid: text('interaction_uid'),
    /** A sign-up's name and email, kept until the passkey is made. */
    signUp: jsonb('sign_up').$type<{ email: string; displayName: string }>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'webauthn_challenges_purpose_known',
      sql`${t.purpose} in ('register', 'sign-in', 'sign-up')`,
    ),
    index('webauthn_challenges_expires_idx').on(t.expiresAt),
  ],
);
