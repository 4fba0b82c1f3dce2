import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { inboxListPage, inboxMailPage, inboxNotFoundPage } from './inbox-pages';

const devMail = z.object({
  id: z.string(),
  sentAt: z.iso.datetime(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  kind: z.string(),
  text: z.string(),
  html: z.string().nullable(),
});

/**
 * The dev mailbox (DESIGN: embedded mode keeps mail instead of sending it): what MakrX would
 * have emailed, newest first. There only while no SMTP server is configured, and never in
 * production: it is open to anyone, and every password-reset link is in it. `/dev/mail` is its
 * JSON, `/dev/inbox` the same as pages to read.
 */
export const devMailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { mailer } = app;
  if (mailer.transport !== 'dev-mailbox' || app.config.NODE_ENV === 'production') return;

  app.get(
    '/mail',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'Mail the system would have sent (embedded mode only)',
        querystring: z.object({
          to: z.email().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(devMail) }) },
      },
    },
    async (request) => {
      const items = await mailer.listDevMail(request.query);
      return { items: items.map((mail) => ({ ...mail, sentAt: mail.sentAt.toISOString() })) };
    },
  );

  app.get(
    '/mail/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'One mail as the recipient would see it',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const mail = await mailer.findDevMail(request.params.id);
      if (!mail) throw notFound('That mail');
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(
          mail.html ?? `<pre>${mail.text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`,
        );
    },
  );

  // The inbox pages: their own styles inline, mail bodies in a sandboxed srcdoc frame that
  // may load nothing (it keeps this policy), and never framed themselves.
  const inboxPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; " +
    "form-action 'self'; base-uri 'self'; frame-ancestors 'none'";
  const asPage = (reply: FastifyReply, status: number, html: string) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', inboxPolicy)
      .header('cache-control', 'no-store')
      .send(html);
  const anEmail = z.email();

  app.get(
    '/inbox',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'The dev mailbox as a page: mail newest first, filtered by recipient',
        querystring: z.object({ to: z.string().trim().max(320).optional() }),
      },
    },
    async (request, reply) => {
      const to = request.query.to || undefined;
      if (to !== undefined && !anEmail.safeParse(to).success) {
        const mails = await mailer.listDevMail({ limit: INBOX_SIZE });
        const problem = 'Recipient: enter a whole email address, like ada@example.org.';
        return asPage(reply, 400, inboxListPage({ mails, to, problem }));
      }
      const mails = await mailer.listDevMail({ to, limit: INBOX_SIZE });
      return asPage(reply, 200, inboxListPage({ mails, to }));
    },
  );

  app.get(
    '/inbox/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'One mail of the dev mailbox as a page: its HTML, sandboxed, and its text',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const mail = await mailer.findDevMail(request.params.id);
      if (!mail) return asPage(reply, 404, inboxNotFoundPage());
      return asPage(reply, 200, inboxMailPage(mail));
    },
  );
};

/** How many mails the inbox page lists: the newest, which are the ones being looked for. */
const INBOX_SIZE = 100;
