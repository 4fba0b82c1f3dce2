import { devMail, type Database } from '@makrx/db';
import { desc, eq, sql } from 'drizzle-orm';
import type { MailMessage } from './mail-message';

/** A mail as the dev mailbox keeps it. */
export interface DevMail {
  id: string;
  sentAt: Date;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
}

export interface DevMailQuery {
  /** Only mail to this address, in any letter case. */
  to?: string | undefined;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = {
  id: devMail.id,
  sentAt: devMail.sentAt,
  to: devMail.toAddress,
  from: devMail.fromAddress,
  subject: devMail.subject,
  text: devMail.textBody,
  html: devMail.htmlBody,
  kind: devMail.kind,
};

export function createDevMailbox(db: Database) {
  return {
    async store(from: string, message: MailMessage): Promise<DevMail> {
      const [stored] = await db
        .insert(devMail)
        .values({
          toAddress: message.to,
          fromAddress: from,
          subject: message.subject,
          textBody: message.text,
          htmlBody: message.html ?? null,
          kind: message.kind,
        })
        .returning(columns);
      if (!stored) throw new Error('the dev mailbox did not store the mail');
      return stored;
    },

    list({ to, limit }: DevMailQuery): Promise<DevMail[]> {
      return db
        .select(columns)
        .from(devMail)
        .where(to === undefined ? undefined : sql`lower(${devMail.toAddress}) = lower(${to})`)
        .orderBy(desc(devMail.sentAt), desc(devMail.seq))
        .limit(limit);
    },

    async find(id: string): Promise<DevMail | undefined> {
      // Not a uuid cannot name a stored mail; PostgreSQL would reject the cast instead.
      if (!UUID.test(id)) return undefined;
      const [found] = await db.select(columns).from(devMail).where(eq(devMail.id, id));
      return found;
    },
  };
}
