import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';

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
 * production: it is open to anyone, and every password-reset link is in it.
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
};
