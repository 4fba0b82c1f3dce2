import { recordAudit, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { clearSignInFailures, hashPassword } from './accounts';
import { endSessionsOf } from './sessions';
import { isActionTokenValid, redeemActionToken } from './action-tokens';
import { type AccountEmailSettings, sendPasswordResetEmail } from './account-emails';
import { escapeHtml, messagePage, renderPage } from './pages';
import { credentials } from './tables';

interface AccountActionsOptions extends AccountEmailSettings {
  db: Database;
  gatewayUrl: string;
  rateLimit: number;
}

const keyQuery = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const newPasswordForm = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  password: z.string().min(10, 'Use at least 10 characters for your password.').max(1024),
});
const resetRequestForm = z.object({ email: z.email().max(254) });

/** Email verification and password reset: the links our account emails lead to. */
export const registerAccountActions: FastifyPluginAsync<AccountActionsOptions> = async (
  app,
  options,
) => {
  const { db } = options;
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body);
  const backToMakrx = { href: options.gatewayUrl, label: 'Go to MakrX' };

  app.get('/action-token/verify-email', async (request, reply) => {
    const query = keyQuery.safeParse(request.query);
    const userId = query.success
      ? await redeemActionToken(db, query.data.key, 'verify-email')
      : undefined;
    if (!userId) {
      return html(
        reply,
        400,
        messagePage(
          'This link does not work',
          'It has expired or was already used. Sign in to get a new one.',
          backToMakrx,
        ),
      );
    }
    await db
      .update(users)
      .set({ emailVerified: true, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(db, {
      service: 'auth',
      action: 'email.verified',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      requestId: request.id,
    });
    return html(
      reply,
      200,
      messagePage(
        'Email verified',
        'Thanks! Your email address is confirmed: you can sign in now.',
        backToMakrx,
      ),
    );
  });

  const resetRequestPage = (notice = '') =>
    renderPage(
      'Reset your password',
      `<h1>Reset your password</h1><p class="lead">Enter the email of your account and we will send you a link.</p>${notice}
<form method="post" action="${escapeHtml(`${app.prefix}/reset-credentials`)}" novalidate>
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required autofocus>
<button type="submit">Send me a link</button></form>`,
    );

  app.get('/reset-credentials', async (_request, reply) => html(reply, 200, resetRequestPage()));
  app.get('/:uid/reset-credentials', async (_request, reply) =>
    html(reply, 200, resetRequestPage()),
  );

  app.post(
    '/reset-credentials',
    { config: { rateLimit: { max: options.rateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = resetRequestForm.safeParse(request.body);
      if (!form.success) {
        return html(
          reply,
          400,
          resetRequestPage(
            '<div class="alert error" role="alert">Enter a valid email address.</div>',
          ),
        );
      }
      const [user] = await db
        .select({ id: users.id, email: users.email, displayName: users.displayName })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${form.data.email})`);
      if (user) await sendPasswordResetEmail(db, options, user);
      // The same answer either way, so the form does not reveal who has an account.
      return html(
        reply,
        200,
        messagePage(
          'Check your email',
          `If an account exists for ${form.data.email}, we sent it a link to choose a new password.`,
        ),
      );
    },
  );

  const newPasswordPage = (key: string, notice = '') =>
    renderPage(
      'Choose a new password',
      `<h1>Choose a new password</h1>${notice}
<form method="post" action="${escapeHtml(`${app.prefix}/reset-password`)}" novalidate>
<input type="hidden" name="key" value="${escapeHtml(key)}">
<label for="password">New password</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required autofocus>
<button type="submit">Save password</button></form>`,
    );

  app.get('/reset-password', async (request, reply) => {
    const query = keyQuery.safeParse(request.query);
    if (!query.success || !(await isActionTokenValid(db, query.data.key, 'reset-password'))) {
      return html(
        reply,
        400,
        messagePage(
          'This link does not work',
          'It has expired or was already used. Ask for a new one.',
          backToMakrx,
        ),
      );
    }
    return html(reply, 200, newPasswordPage(query.data.key));
  });

  app.post(
    '/reset-password',
    { config: { rateLimit: { max: options.rateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = newPasswordForm.safeParse(request.body);
      if (!form.success) {
        const key = (request.body as { key?: string } | undefined)?.key ?? '';
        return html(
          reply,
          400,
          newPasswordPage(
            key,
            `<div class="alert error" role="alert">${escapeHtml(form.error.issues[0]!.message)}</div>`,
          ),
        );
      }
      const passwordHash = await hashPassword(form.data.password);
      const userId = await redeemActionToken(db, form.data.key, 'reset-password');
      if (!userId) {
        return html(
          reply,
          400,
          messagePage(
            'This link does not work',
            'It has expired or was already used. Ask for a new one.',
            backToMakrx,
          ),
        );
      }
      await setNewPassword(db, userId, passwordHash, request.id);
      return html(
        reply,
        200,
        messagePage(
          'Password changed',
          'Your new password is set. Sign in from any MakrX app.',
          backToMakrx,
        ),
      );
    },
  );
};

/**
 * A password chosen through an emailed link: it signs the account out everywhere (Keycloak's
 * "sign out other sessions"), so whoever knew the old one loses their sessions and refresh
 * tokens; the link proved the address, so the email counts as verified. An admin's lock stays.
 */
async function setNewPassword(
  db: Database,
  userId: string,
  passwordHash: string,
  requestId: string,
) {
  await db.transaction(async (tx) => {
    // An account made with a passkey has no password yet: the link gives it one.
    await tx
      .insert(credentials)
      .values({ userId, passwordHash })
      .onConflictDoUpdate({
        target: credentials.userId,
        set: { passwordHash, updatedAt: new Date() },
      });
    await clearSignInFailures(tx, userId);
    await tx
      .update(users)
      .set({ emailVerified: true, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await endSessionsOf(tx, userId);
    await recordAudit(tx, {
      service: 'auth',
      action: 'password.reset',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      after: { otherSessionsEnded: true },
      requestId,
    });
  });
}
