import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  AppError,
  passkeyAuthenticationResponse,
  passkeyRegistrationResponse,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type AccountEmailSettings,
  sendAlreadyRegisteredEmail,
  sendVerificationEmail,
} from './account-emails';
import { uniqueUsername } from './accounts';
import { messagePage } from './pages';
import {
  type PasskeySettings,
  registrationOptions,
  signInOptions,
  signInWithPasskey,
  signUpWithPasskey,
} from './passkeys';

/** The passkeys of the sign-in and sign-up pages, while ENABLE_NEW_AUTHENTICATION_FLOW is on. */
export interface PasskeyLoginOptions {
  settings: PasskeySettings;
  /** Whether the flag is on now (the service's flag reader). */
  enabled: () => Promise<boolean>;
}

/** Where the pages load @simplewebauthn/browser from, under the login-actions prefix. */
export const WEBAUTHN_SCRIPT_PATH = '/resources/webauthn-browser.js';

interface Helpers {
  db: Database;
  /** Ceremonies one address may start or answer per minute (LOGIN_RATE_LIMIT_PER_MINUTE). */
  rateLimit: number;
  accountEmails: AccountEmailSettings;
  base: (uid: string) => string;
  /** The pending sign-in of the browser, if it is the one named `uid`. */
  interactionFor: (request: FastifyRequest, reply: FastifyReply, uid: string) => Promise<boolean>;
  expired: (reply: FastifyReply) => FastifyReply;
  html: (reply: FastifyReply, status: number, body: string) => FastifyReply;
  /** Ends the sign-in as a password would, or answers `refusal` (locked, unverified). */
  finishSignIn: (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    refusal: (status: number, text: string) => Promise<FastifyReply>,
  ) => Promise<FastifyReply>;
  /** The sign-in page again, with an error. */
  signInAgain: (
    reply: FastifyReply,
    uid: string,
    status: number,
    text: string,
  ) => Promise<FastifyReply>;
}

const uidParams = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) });
const credentialForm = z.object({ credential: z.string().min(2).max(40_000) });
const signUpFields = z.object({
  displayName: z.string().trim().min(1, 'Tell us your name.').max(80),
  email: z.email('Enter a valid email address.').max(254),
});

const parseCredential = <T>(schema: z.ZodType<T>, body: unknown): T | undefined => {
  const form = credentialForm.safeParse(body);
  if (!form.success) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(form.data.credential));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Sign-in and sign-up with a passkey on the identity provider's own pages: the page asks for
 * options, the browser's authenticator answers, and the answer is posted as a form, so a
 * passkey sign-in ends exactly as a password's does (finishSignIn). Off with the flag: 404.
 */
export async function registerPasskeyLoginActions(
  app: FastifyInstance,
  passkeys: PasskeyLoginOptions,
  helpers: Helpers,
) {
  const { db, settings } = { db: helpers.db, settings: passkeys.settings };
  const require = createRequire(import.meta.url);
  // The package's own browser bundle (its exports name only the modules beside it).
  const browserBundle = await readFile(
    join(dirname(require.resolve('@simplewebauthn/browser')), '../dist/bundle/index.umd.min.js'),
    'utf8',
  );

  /** Off with the flag: as if these pages did not exist. */
  const switchedOff = async (reply: FastifyReply) => {
    if (await passkeys.enabled()) return undefined;
    return helpers.html(
      reply,
      404,
      messagePage('Page not found', 'There is nothing here. Go back to the app you came from.'),
    );
  };

  const limited = {
    config: { rateLimit: { max: helpers.rateLimit, timeWindow: '1 minute' } },
  };

  app.get(WEBAUTHN_SCRIPT_PATH, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(browserBundle),
  );

  app.post('/:uid/passkey/options', limited, async (request, reply) => {
    const off = await switchedOff(reply);
    if (off) return off;
    const { uid } = uidParams.parse(request.params);
    if (!(await helpers.interactionFor(request, reply, uid))) {
      return reply.status(400).send({ message: 'This sign-in has expired. Start again.' });
    }
    return reply.header('cache-control', 'no-store').send(await signInOptions(db, settings, uid));
  });

  app.post('/:uid/passkey', limited, async (request, reply) => {
    const off = await switchedOff(reply);
    if (off) return off;
    const { uid } = uidParams.parse(request.params);
    if (!(await helpers.interactionFor(request, reply, uid))) return helpers.expired(reply);
    const refuse = (status: number, text: string) => helpers.signInAgain(reply, uid, status, text);
    const answer = parseCredential(passkeyAuthenticationResponse, request.body);
    if (!answer) return refuse(400, 'That passkey answer was not valid. Try again.');
    let userId: string;
    try {
      userId = await signInWithPasskey(
        db,
        settings,
        answer as unknown as AuthenticationResponseJSON,
        uid,
        request.id,
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      return refuse(400, 'That passkey could not be verified. Try again, or use your password.');
    }
    return helpers.finishSignIn(request, reply, userId, (status, text) => refuse(status, text));
  });

  app.post('/:uid/registration/passkey/options', limited, async (request, reply) => {
    const off = await switchedOff(reply);
    if (off) return off;
    const { uid } = uidParams.parse(request.params);
    if (!(await helpers.interactionFor(request, reply, uid))) {
      return reply.status(400).send({ message: 'This sign-up has expired. Start again.' });
    }
    const fields = signUpFields.safeParse(request.body);
    if (!fields.success) {
      return reply.status(400).send({ message: fields.error.issues[0]!.message });
    }
    const signUp = { email: fields.data.email, displayName: fields.data.displayName };
    const options = await registrationOptions(
      db,
      settings,
      { id: randomUUID(), username: signUp.email, displayName: signUp.displayName },
      'sign-up',
      { interactionUid: uid, signUp },
    );
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.post('/:uid/registration/passkey', limited, async (request, reply) => {
    const off = await switchedOff(reply);
    if (off) return off;
    const { uid } = uidParams.parse(request.params);
    if (!(await helpers.interactionFor(request, reply, uid))) return helpers.expired(reply);
    const failed = () =>
      helpers.html(
        reply,
        400,
        messagePage(
          'Your passkey was not made',
          'It could not be verified. Go back and try again, or choose a password instead.',
          { href: `${helpers.base(uid)}/registration`, label: 'Back to sign-up' },
        ),
      );
    const answer = parseCredential(passkeyRegistrationResponse, request.body);
    if (!answer) return failed();
    let result: Awaited<ReturnType<typeof signUpWithPasskey>>;
    try {
      result = await signUpWithPasskey(
        db,
        settings,
        answer as unknown as RegistrationResponseJSON,
        uid,
        (email) => uniqueUsername(db, email),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      return failed();
    }
    const { signUp, userId } = result;
    if (userId) {
      await sendVerificationEmail(db, helpers.accountEmails, { id: userId, ...signUp });
    } else {
      const owner = await ownerOf(db, signUp.email);
      if (owner) await sendAlreadyRegisteredEmail(db, helpers.accountEmails, owner);
    }
    // The same page whether or not the email had an account, as the password sign-up.
    return helpers.html(
      reply,
      200,
      messagePage(
        'Check your email',
        `We sent a message to ${signUp.email}. Follow its link to confirm your address, then sign in with your passkey.`,
      ),
    );
  });
}

async function ownerOf(db: Database, email: string) {
  const [owner] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return owner;
}
