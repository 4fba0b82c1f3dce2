import type { AuditLogEntry, AuditLogFilter, AuditLogPage, AuditLogQuery } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { auditLogs, users } from '@makrx/db/schema';
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';

type Row = typeof auditLogs.$inferSelect;

const toEntry = (row: Row, actorName: string | null): AuditLogEntry => ({
  id: row.id,
  occurredAt: row.occurredAt.toISOString(),
  service: row.service,
  actorId: row.actorId,
  actorName,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  before: row.before,
  after: row.after,
  requestId: row.requestId,
  hash: row.hash,
});

function whereOf(filter: AuditLogFilter): SQL | undefined {
  return and(
    filter.actor ? eq(auditLogs.actorId, filter.actor) : undefined,
    filter.action ? eq(auditLogs.action, filter.action) : undefined,
    filter.entityType ? eq(auditLogs.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLogs.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLogs.occurredAt, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLogs.occurredAt, new Date(filter.to)) : undefined,
  );
}

/** One page of the audit log, newest first. */
export async function searchAuditLog(db: Database, query: AuditLogQuery): Promise<AuditLogPage> {
  const rows = await db
    .select({
      row: auditLogs,
      actorName: users.displayName,
      total: sql<number>`cast(count(*) over () as integer)`,
    })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .where(whereOf(query))
    .orderBy(desc(auditLogs.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: still say how many there are.
    const [count] = await db
      .select({ total: sql<number>`cast(count(*) as integer)` })
      .from(auditLogs)
      .where(whereOf(query));
    total = count?.total ?? 0;
  }
  return {
    items: rows.map((r) => toEntry(r.row, r.actorName)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

const CSV_COLUMNS = [
  'id',
  'occurred_at',
  'service',
  'actor_id',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'request_id',
  'hash',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  // A spreadsheet would run a text cell starting like a formula; a leading quote keeps it text.
  const text =
    typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

const csvLine = (fields: Array<string | number | null>) => `${fields.map(csvField).join(',')}\r\n`;

const BATCH = 500;

/**
 * The matching rows as CSV lines, newest first, header first; read in batches by id, so an
 * export of the whole log never holds it in memory at once.
 */
export async function* auditLogCsv(db: Database, filter: AuditLogFilter): AsyncGenerator<string> {
  yield csvLine([...CSV_COLUMNS]);
  let beforeId: number | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLogs)
      .where(and(whereOf(filter), beforeId === undefined ? undefined : lt(auditLogs.id, beforeId)))
      .orderBy(desc(auditLogs.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows
      .map((row) =>
        csvLine([
          row.id,
          row.occurredAt.toISOString(),
          row.service,
          row.actorId,
          row.action,
          row.entityType,
          row.entityId,
          json(row.before),
          json(row.after),
          row.requestId,
          row.hash,
        ]),
      )
      .join('');
    if (rows.length < BATCH) return;
    beforeId = rows[rows.length - 1]!.id;
  }
}
export { ownAuditedActionsOf } from './privacy';
