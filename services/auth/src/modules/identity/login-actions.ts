import type { PendingInvite } from '@makrx/contracts';
import { recordAudit, violates, type Database } from '@makrx/db';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import { users } from '@makrx/db/schema';
import { eq, sql } from 'drizzle-orm';
import {
  type BruteForcePolicy,
  createAccountWithPassword,
  signInStanding,
  signInWithPassword,
  uniqueUsername,
} from './accounts';
import {
  type AccountEmailSettings,
  sendAlreadyRegisteredEmail,
  sendVerificationEmail,
} from './account-emails';
import { AccountExistsError, type Broker } from './upstream-provider';
import { messagePage, type Notice, signInPage, signUpPage } from './pages';
import {
  type PasskeyLoginOptions,
  registerPasskeyLoginActions,
  WEBAUTHN_SCRIPT_PATH,
} from './passkey-login-actions';

interface LoginActionsOptions {
  provider: Provider;
  db: Database;
  bruteForce: BruteForcePolicy;
  signInRateLimit: number;
  onFirstSignIn: (userId: string) => Promise<void>;
  accountEmails: AccountEmailSettings;
  /** Sign-in through an upstream provider ("Continue with …"), when one is configured. */
  broker?: Broker | undefined;
  /**
   * The pending makerspace invite a token names (the cave's, asked over HTTP), or undefined.
   * An app passes the mailed token as the authorization parameter `invite`.
   */
  pendingInvite?: ((token: string) => Promise<PendingInvite | undefined>) | undefined;
  /** Sign-in and sign-up with a passkey, behind its feature flag. */
  passkeys?: PasskeyLoginOptions | undefined;
}

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

const uidParams = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) });

const signInForm = z.object({
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  rememberMe: z.literal('on').optional(),
});

const signUpForm = z.object({
  displayName: z.string().trim().min(1, 'Tell us your name.').max(80),
  email: z.email('Enter a valid email address.').max(254),
  password: z.string().min(10, 'Use at least 10 characters for your password.').max(1024),
});

/**
 * The pages oidc-provider hands the browser to while it waits for a sign-in: our answer to
 * Keycloak's login-actions. The form posts `username` and `password`, as Keycloak's does.
 */
export const registerLoginActions: FastifyPluginAsync<LoginActionsOptions> = async (
  app,
  options,
) => {
  const { provider, db } = options;
  const base = (uid: string) => `${app.prefix}/${uid}`;

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body);

  const interaction = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      return undefined;
    }
  };

  const expired = (reply: FastifyReply) =>
    html(
      reply,
      400,
      messagePage(
        'This sign-in has expired',
        'Go back to the app you came from and sign in again.',
      ),
    );

  /**
   * Ends a sign-in, whichever way the person proved who they are: an admin's lock and an
   * unverified email stop it here (an unverified owner is mailed a fresh link).
   */
  const finishSignIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    remember: boolean,
    refusalPage: (status: number, text: string) => FastifyReply | Promise<FastifyReply>,
  ) => {
    const standing = await signInStanding(db, userId);
    if (standing === 'locked_by_admin') {
      return refusalPage(423, 'This account has been locked by an administrator.');
    }
    if (standing === 'unverified') {
      await mailVerificationLink(userId);
      return refusalPage(
        403,
        'Verify your email address first: we sent you a link. Follow it, then sign in.',
      );
    }
    await options.onFirstSignIn(userId);
    const redirectTo = await provider.interactionResult(
      request.raw,
      reply.raw,
      { login: { accountId: userId, remember } },
      { mergeWithLastSubmission: false },
    );
    return reply.redirect(redirectTo, 303);
  };

  const mailVerificationLink = async (userId: string) => {
    const [user] = await db
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, userId));
    if (user) await sendVerificationEmail(db, options.accountEmails, user);
  };

  /** The passkey buttons' links while the flag is on; none otherwise. */
  const passkeyLinks = async (uid: string, kind: 'sign-in' | 'sign-up') => {
    if (!(await options.passkeys?.enabled())) return {};
    const path = kind === 'sign-in' ? `${base(uid)}/passkey` : `${base(uid)}/registration/passkey`;
    const scriptUrl = `${app.prefix}${WEBAUTHN_SCRIPT_PATH}`;
    return { passkey: { optionsUrl: `${path}/options`, action: path, scriptUrl } };
  };

  const renderSignIn = async (uid: string, extra: { username?: string; notice?: Notice } = {}) =>
    signInPage({
      ...(await passkeyLinks(uid, 'sign-in')),
      action: `${base(uid)}/authenticate`,
      signUpUrl: `${base(uid)}/registration`,
      resetUrl: `${base(uid)}/reset-credentials`,
      ...(options.broker
        ? {
            upstreamUrl: `${base(uid)}/broker/${options.broker.upstream.alias}/login`,
            upstreamName: options.broker.upstream.displayName,
          }
        : {}),
      ...extra,
    });

  /**
   * The invite the app sent this sign-in with, if it is still pending. Its mail reached the
   * address it names, so a sign-up from it needs no second confirmation of that address.
   */
  const inviteOf = async (details: InteractionDetails) => {
    const token = details.params.invite;
    if (typeof token !== 'string' || !token || token.length > 512 || !options.pendingInvite) {
      return undefined;
    }
    return options.pendingInvite(token).catch(() => undefined);
  };
  /**
   * The email the app suggests (`login_hint`), to fill in the form; only a prefill: sign-up
   * still verifies the address by mail before the account signs in.
   */
  const hintedEmail = (details: InteractionDetails) => {
    const hint = details.params.login_hint;
    return typeof hint === 'string' && z.email().max(254).safeParse(hint).success
      ? hint
      : undefined;
  };
  const invitedNotice = (invite: PendingInvite): Notice => ({
    kind: 'info',
    text: `You are invited to join ${invite.makerspace.name}. Sign in as ${invite.email}, or create your account with that address.`,
  });

  app.get('/:uid', async (request, reply) => {
    const { uid } = uidParams.parse(request.params);
    const details = await interaction(request, reply);
    if (!details || details.uid !== uid) return expired(reply);
    const invite = await inviteOf(details);
    // An app offering to make an account (the store, after a guest checkout) opens sign-up.
    if (!invite && details.params.screen_hint === 'signup') {
      return reply.redirect(`${base(uid)}/registration`, 303);
    }
    const hinted = hintedEmail(details);
    return html(
      reply,
      200,
      await renderSignIn(
        uid,
        invite
          ? { username: invite.email, notice: invitedNotice(invite) }
          : hinted
            ? { username: hinted }
            : {},
      ),
    );
  });

  app.post(
    '/:uid/authenticate',
    { config: { rateLimit: { max: options.signInRateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { uid } = uidParams.parse(request.params);
      const details = await interaction(request, reply);
      if (!details || details.uid !== uid) return expired(reply);
      const form = signInForm.safeParse(request.body);
      if (!form.success) {
        return html(
          reply,
          400,
          await renderSignIn(uid, {
            notice: { kind: 'error', text: 'Enter your email or username and your password.' },
          }),
        );
      }
      const refuse = async (status: number, text: string) =>
        html(
          reply,
          status,
          await renderSignIn(uid, {
            username: form.data.username,
            notice: { kind: 'error', text },
          }),
        );
      const result = await signInWithPassword(
        db,
        form.data.username,
        form.data.password,
        options.bruteForce,
        { address: request.ip, requestId: request.id },
      );
      if (result.ok) {
        const remember = form.data.rememberMe === 'on';
        return finishSignIn(request, reply, result.userId, remember, refuse);
      }
      if (result.reason === 'invalid') return refuse(401, 'Invalid username or password.');
      if (result.reason === 'throttled') {
        return refuse(
          429,
          `This account had too many failed sign-ins. Try again after ${result.until.toUTCString()}.`,
        );
      }
      return refuse(
        423,
        `Too many failed attempts from your network. Try again after ${result.until.toUTCString()}, or reset your password.`,
      );
    },
  );

  const { broker } = options;
  if (broker) {
    const alias = broker.upstream.alias;
    app.get(`/:uid/broker/${alias}/login`, async (request, reply) => {
      const { uid } = uidParams.parse(request.params);
      const details = await interaction(request, reply);
      if (!details || details.uid !== uid) return expired(reply);
      return reply.redirect(await broker.begin(uid), 303);
    });

    // The redirect URI registered at the upstream; our interaction cookie is not sent here.
    app.get(`/broker/${alias}/endpoint`, async (request, reply) => {
      const callback = new URL(request.url, broker.redirectUri);
      try {
        const { interactionUid, state } = await broker.complete(callback);
        return reply.redirect(
          `${base(interactionUid)}/broker/${alias}/complete?state=${encodeURIComponent(state)}`,
          303,
        );
      } catch (err) {
        request.log.warn({ err }, 'upstream sign-in failed');
        const text =
          err instanceof AccountExistsError
            ? `An account with this email already exists. Sign in with your password, then you can use ${broker.upstream.displayName}.`
            : `Signing in with ${broker.upstream.displayName} did not work. Go back to the app and try again.`;
        return html(reply, 400, messagePage('Sign-in did not complete', text));
      }
    });

    app.get(`/:uid/broker/${alias}/complete`, async (request, reply) => {
      const { uid } = uidParams.parse(request.params);
      const state = z.object({ state: z.string().max(200) }).safeParse(request.query);
      const details = await interaction(request, reply);
      if (!details || details.uid !== uid || !state.success) return expired(reply);
      const userId = await broker.finish(state.data.state, uid);
      if (!userId) return expired(reply);
      return finishSignIn(request, reply, userId, false, (status, text) =>
        html(reply, status, messagePage('Sign-in did not complete', text)),
      );
    });
  }

  app.get('/:uid/registration', async (request, reply) => {
    const { uid } = uidParams.parse(request.params);
    const details = await interaction(request, reply);
    if (!details || details.uid !== uid) return expired(reply);
    const invite = await inviteOf(details);
    return html(
      reply,
      200,
      signUpPage({
        action: `${base(uid)}/registration`,
        signInUrl: base(uid),
        ...(await passkeyLinks(uid, 'sign-up')),
        ...(invite
          ? { values: { email: invite.email }, notice: invitedNotice(invite) }
          : { values: { email: hintedEmail(details) ?? '' } }),
      }),
    );
  });

  app.post(
    '/:uid/registration',
    { config: { rateLimit: { max: options.signInRateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { uid } = uidParams.parse(request.params);
      const details = await interaction(request, reply);
      if (!details || details.uid !== uid) return expired(reply);
      const values = (request.body ?? {}) as { email?: string; displayName?: string };
      const page = (status: number, text: string) =>
        html(
          reply,
          status,
          signUpPage({
            action: `${base(uid)}/registration`,
            signInUrl: base(uid),
            values,
            notice: { kind: 'error', text },
          }),
        );
      const form = signUpForm.safeParse(request.body);
      if (!form.success) return page(400, form.error.issues[0]!.message);
      const invite = await inviteOf(details);
      if (invite?.email === form.data.email.toLowerCase()) {
        const userId = await signUpInvited(form.data, request.id);
        if (userId) return finishSignIn(request, reply, userId, false, page);
      }
      await signUp(form.data);
      // The same page whether or not the email had an account, so sign-up tells no one who
      // is registered; the mailbox's owner is the only one who learns which it was.
      return html(
        reply,
        200,
        messagePage(
          'Check your email',
          `We sent a message to ${form.data.email}. Follow its link to confirm your address, then sign in.`,
        ),
      );
    },
  );

  if (options.passkeys) {
    await registerPasskeyLoginActions(app, options.passkeys, {
      db,
      rateLimit: options.signInRateLimit,
      accountEmails: options.accountEmails,
      base,
      interactionFor: async (request, reply, uid) =>
        (await interaction(request, reply))?.uid === uid,
      expired,
      html,
      finishSignIn: (request, reply, userId, refusal) =>
        finishSignIn(request, reply, userId, false, refusal),
      signInAgain: async (reply, uid, status, text) =>
        html(reply, status, await renderSignIn(uid, { notice: { kind: 'error', text } })),
    });
  }

  /**
   * An account for the address a pending invite was mailed to, verified by that mail and
   * signed in at once; undefined when the address already has an account (which then hears
   * about it by mail, as any sign-up would make it).
   */
  async function signUpInvited(form: z.infer<typeof signUpForm>, requestId: string) {
    try {
      const userId = await createAccountWithPassword(db, {
        email: form.email,
        username: await uniqueUsername(db, form.email),
        displayName: form.displayName,
        password: form.password,
        emailVerified: true,
      });
      await recordAudit(db, {
        service: 'auth',
        action: 'email.verified',
        entityType: 'user',
        entityId: userId,
        actorId: userId,
        after: { by: 'makerspace-invite' },
        requestId,
      });
      return userId;
    } catch (err) {
      if (!violates(err, '23505')) throw err;
      return undefined;
    }
  }

  /** A new, unverified account with a verification link; the owner's mailbox if one exists. */
  async function signUp(form: z.infer<typeof signUpForm>) {
    try {
      const userId = await createAccountWithPassword(db, {
        email: form.email,
        username: await uniqueUsername(db, form.email),
        displayName: form.displayName,
        password: form.password,
      });
      await sendVerificationEmail(db, options.accountEmails, { id: userId, ...form });
    } catch (err) {
      if (!violates(err, '23505')) throw err;
      const [owner] = await db
        .select({ id: users.id, email: users.email, displayName: users.displayName })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${form.email})`);
      if (owner) await sendAlreadyRegisteredEmail(db, options.accountEmails, owner);
    }
  }
};
