import { z } from 'zod';

/** The mail settings every sending process reads (README "Configuration"). */
export const mailEnv = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('MakrX <no-reply@makrx.org>'),
});
export type MailConfig = z.infer<typeof mailEnv>;
