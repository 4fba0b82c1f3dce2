import { badRequest, conflict, notFound } from '@makrx/contracts';
import { recordAudit, violates, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, eq, sql } from 'drizzle-orm';
import { credentials, federatedIdentities, passkeys, userRoles } from './tables';
import { keepChallenge, useChallenge } from './webauthn-challenges';

/**
 * Where passkeys are valid (decision 0033): the relying party is one host name (`rpID`) that
 * the identity provider's pages and the gateway's account page both sit on or under, and a
 * ceremony is accepted only from one of `origins`.
 */
export interface PasskeySettings {
  rpID: string;
  rpName: string;
  origins: string[];
}

/**
 * The relying party of a deployment: PASSKEY_RP_ID, or the identity provider's host name (in
 * embedded mode `localhost`, which every app's port shares). Ceremonies come from the identity
 * provider's pages (sign-in, sign-up) or the gateway's account page.
 */
export function passkeySettingsOf(config: {
  OIDC_ISSUER: string;
  GATEWAY_URL: string;
  PASSKEY_RP_ID?: string | undefined;
}): PasskeySettings {
  return {
    rpID: config.PASSKEY_RP_ID ?? new URL(config.OIDC_ISSUER).hostname,
    rpName: 'MakrX',
    origins: [new URL(config.OIDC_ISSUER).origin, new URL(config.GATEWAY_URL).origin],
  };
}

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
  deviceType: 'singleDevice' | 'multiDevice';
}

const userIdBytes = (userId: string) => Buffer.from(userId.replace(/-/g, ''), 'hex');

const notVerified = () =>
  badRequest('PASSKEY_NOT_VERIFIED', 'The passkey could not be verified. Try again.');

const cleanName = (name: string) => name.trim().replace(/\s+/g, ' ').slice(0, 60);

/** The passkeys a user holds, oldest first. */
export async function passkeysOf(db: Database, userId: string): Promise<PasskeyView[]> {
  const rows = await db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
  return rows.map(viewOf);
}

const viewOf = (row: typeof passkeys.$inferSelect): PasskeyView => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  backedUp: row.backedUp,
  deviceType: row.deviceType,
});

/**
 * Options for a new passkey of `user`: a discoverable credential (so the sign-in page needs no
 * username), none of the user's existing authenticators again, no attestation asked.
 */
export async function registrationOptions(
  db: Database,
  settings: PasskeySettings,
  user: { id: string; username: string; displayName: string },
  purpose: 'register' | 'sign-up' = 'register',
  bound: { interactionUid?: string; signUp?: { email: string; displayName: string } } = {},
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, user.id));
  const options = await generateRegistrationOptions({
    rpName: settings.rpName,
    rpID: settings.rpID,
    userID: userIdBytes(user.id),
    userName: user.username,
    userDisplayName: user.displayName,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({
      id: row.id,
      transports: row.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await keepChallenge(db, options.challenge, purpose, { userId: user.id, ...bound });
  return options;
}

/** What a registration answer proves, once its challenge is used and its signature checked. */
async function verifiedRegistration(
  db: Database,
  settings: PasskeySettings,
  response: RegistrationResponseJSON,
  purpose: 'register' | 'sign-up',
  bound: { userId?: string; interactionUid?: string },
) {
  const challenge = await useChallenge(db, response, purpose, bound);
  if (!challenge?.userId) throw notVerified();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: settings.origins,
    expectedRPID: settings.rpID,
    requireUserVerification: false,
  }).catch(() => undefined);
  if (!verification?.verified || !verification.registrationInfo) throw notVerified();
  const info = verification.registrationInfo;
  return {
    challenge,
    row: {
      userId: challenge.userId,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: info.credential.transports ?? response.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    },
  };
}

/** Stores a new passkey for the signed-in user who asked for its options. */
export async function registerPasskey(
  db: Database,
  settings: PasskeySettings,
  userId: string,
  input: { name: string; response: RegistrationResponseJSON },
  requestId: string,
): Promise<PasskeyView> {
  const { row } = await verifiedRegistration(db, settings, input.response, 'register', {
    userId,
  });
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(passkeys)
      .values({ ...row, name: cleanName(input.name) || 'Passkey' })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning();
    if (!saved) throw notVerified();
    await recordAudit(tx, {
      service: 'auth',
      action: 'passkey.added',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      after: { passkeyId: saved.id, name: saved.name },
      requestId,
    });
    return viewOf(saved);
  });
}

/**
 * The account a sign-up's passkey creates, proven by its authenticator: user, role and passkey
 * in one transaction, and only once the passkey verified, so nothing is left half made. The
 * user id is the one the options named (the passkey's user handle). `userId` is undefined when
 * the email already has an account, which the caller answers as any sign-up would.
 */
export async function signUpWithPasskey(
  db: Database,
  settings: PasskeySettings,
  response: RegistrationResponseJSON,
  interactionUid: string,
  username: (email: string) => Promise<string>,
): Promise<{ signUp: { email: string; displayName: string }; userId: string | undefined }> {
  const { challenge, row } = await verifiedRegistration(db, settings, response, 'sign-up', {
    interactionUid,
  });
  const signUp = challenge.signUp;
  if (!signUp) throw notVerified();
  const name = await username(signUp.email);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({
        id: row.userId,
        email: signUp.email.trim(),
        username: name,
        displayName: signUp.displayName,
        emailVerified: false,
      });
      await tx.insert(userRoles).values({ userId: row.userId, role: 'store_customer' });
      await tx.insert(passkeys).values({ ...row, name: 'Passkey' });
    });
    return { signUp, userId: row.userId };
  } catch (err) {
    if (!violates(err, '23505')) throw err;
    return { signUp, userId: undefined };
  }
}

/** Options for signing in on the identity provider's page: any of the user's passkeys. */
export async function signInOptions(
  db: Database,
  settings: PasskeySettings,
  interactionUid: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: settings.rpID,
    userVerification: 'preferred',
  });
  await keepChallenge(db, options.challenge, 'sign-in', { interactionUid });
  return options;
}

/**
 * The user a sign-in answer proves, or a 400 PASSKEY_NOT_VERIFIED: an unknown passkey, a used
 * or foreign challenge, a bad signature or a counter that went backwards are all refused alike.
 * The counter, backup state and last use are kept, with the audit row a password sign-in writes.
 */
export async function signInWithPasskey(
  db: Database,
  settings: PasskeySettings,
  response: AuthenticationResponseJSON,
  interactionUid: string,
  requestId: string,
): Promise<string> {
  const challenge = await useChallenge(db, response, 'sign-in', { interactionUid });
  if (!challenge) throw notVerified();
  const [passkey] = await db.select().from(passkeys).where(eq(passkeys.credentialId, response.id));
  if (!passkey) throw notVerified();
  if (response.response.userHandle) {
    const handle = Buffer.from(response.response.userHandle, 'base64url');
    if (!handle.equals(userIdBytes(passkey.userId))) throw notVerified();
  }
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: settings.origins,
    expectedRPID: settings.rpID,
    credential: {
      id: passkey.credentialId,
      publicKey: Buffer.from(passkey.publicKey, 'base64url'),
      counter: passkey.counter,
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
    requireUserVerification: false,
  }).catch(() => undefined);
  if (!verification?.verified) {
    await recordAudit(db, {
      service: 'auth',
      action: 'sign_in.failed',
      entityType: 'user',
      entityId: passkey.userId,
      actorId: passkey.userId,
      after: { method: 'passkey', passkeyId: passkey.id },
      requestId,
    });
    throw notVerified();
  }
  const info = verification.authenticationInfo;
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(passkeys)
      .set({
        counter: info.newCounter,
        backedUp: info.credentialBackedUp,
        deviceType: info.credentialDeviceType,
        lastUsedAt: now,
      })
      .where(eq(passkeys.id, passkey.id));
    await tx
      .update(credentials)
      .set({ lastSignInAt: now })
      .where(eq(credentials.userId, passkey.userId));
    await recordAudit(tx, {
      service: 'auth',
      action: 'sign_in.succeeded',
      entityType: 'user',
      entityId: passkey.userId,
      actorId: passkey.userId,
      after: { method: 'passkey', passkeyId: passkey.id },
      requestId,
    });
  });
  return passkey.userId;
}

export async function renamePasskey(
  db: Database,
  userId: string,
  passkeyId: string,
  name: string,
  requestId: string,
): Promise<PasskeyView> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: passkeys.name })
      .from(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)));
    const [row] = await tx
      .update(passkeys)
      .set({ name: cleanName(name) })
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)))
      .returning();
    if (!row || !before) throw notFound('The passkey');
    await recordAudit(tx, {
      service: 'auth',
      action: 'passkey.renamed',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      before: { passkeyId, name: before.name },
      after: { passkeyId, name: row.name },
      requestId,
    });
    return viewOf(row);
  });
}

/**
 * Removes a passkey, unless it is the user's last way to sign in (no password, no other
 * passkey, no linked upstream account): 409 LAST_SIGN_IN_METHOD. The user's passkeys are
 * locked first, so two removals at once cannot both take the last two.
 */
export async function removePasskey(
  db: Database,
  userId: string,
  passkeyId: string,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const held = await tx
      .select({ id: passkeys.id, name: passkeys.name })
      .from(passkeys)
      .where(eq(passkeys.userId, userId))
      .orderBy(asc(passkeys.id))
      .for('update');
    const target = held.find((row) => row.id === passkeyId);
    if (!target) throw notFound('The passkey');
    const [other] = await tx
      .select({
        password: sql<boolean>`exists (select 1 from ${credentials} where ${credentials.userId} = ${users.id})`,
        upstream: sql<boolean>`exists (select 1 from ${federatedIdentities} where ${federatedIdentities.userId} = ${users.id})`,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (held.length < 2 && !other?.password && !other?.upstream) {
      throw conflict(
        'LAST_SIGN_IN_METHOD',
        'This is your only way to sign in. Add another passkey or set a password first.',
      );
    }
    await tx.delete(passkeys).where(eq(passkeys.id, passkeyId));
    await recordAudit(tx, {
      service: 'auth',
      action: 'passkey.removed',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      before: { passkeyId, name: target.name },
      requestId,
    });
  });
}
