import type {
  AuditLogEntry,
  AuditLogFilter,
  AuditLogPage,
  AuditLogQuery,
  AuditSuggestion,
  AuditSuggestionQuery,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { auditLogs, featureFlags, users } from '@makrx/db/schema';
import { and, asc, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/** The user an entry is about, when it is about a user (its id is the user's). */
const subject = alias(users, 'subject');
const subjectJoin = and(
  eq(auditLogs.entityType, 'user'),
  eq(sql`${subject.id}::text`, auditLogs.entityId),
);
const flagJoin = and(
  eq(auditLogs.entityType, 'feature_flag'),
  eq(featureFlags.key, auditLogs.entityId),
);
const entityNameOf = sql<
  string | null
>`coalesce(${subject.displayName}, nullif(${featureFlags.name}, ''))`;

type Row = typeof auditLogs.$inferSelect;

const toEntry = (
  row: Row,
  actorName: string | null,
  entityName: string | null = null,
): AuditLogEntry => ({
  id: row.id,
  occurredAt: row.occurredAt.toISOString(),
  service: row.service,
  actorId: row.actorId,
  actorName,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  entityName,
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
      entityName: entityNameOf,
      total: sql<number>`cast(count(*) over () as integer)`,
    })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .leftJoin(subject, subjectJoin)
    .leftJoin(featureFlags, flagJoin)
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
    items: rows.map((r) => toEntry(r.row, r.actorName, r.entityName)),
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

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The viewer's type-ahead, so nobody types a UUID: people by name, username or email; entities
 * by kind ("feature_flag" offers every flag), id, or name (a user's, a flag's).
 */
export async function auditSuggestions(
  db: Database,
  query: AuditSuggestionQuery,
): Promise<AuditSuggestion[]> {
  const pattern = likePattern(query.q);
  if (query.kind === 'person') {
    const people = await db
      .select({ id: users.id, name: users.displayName, email: users.email })
      .from(users)
      .where(
        or(
          ilike(users.displayName, pattern),
          ilike(users.email, pattern),
          ilike(users.username, pattern),
        ),
      )
      .orderBy(asc(users.displayName))
      .limit(8);
    return people.map((p) => ({ id: p.id, entityType: null, label: p.name, detail: p.email }));
  }
  const kinds = await db
    .selectDistinct({ entityType: auditLogs.entityType })
    .from(auditLogs)
    .where(ilike(auditLogs.entityType, pattern))
    .orderBy(asc(auditLogs.entityType))
    .limit(4);
  const entities = await db
    .selectDistinct({
      entityType: auditLogs.entityType,
      entityId: auditLogs.entityId,
      name: entityNameOf,
    })
    .from(auditLogs)
    .leftJoin(subject, subjectJoin)
    .leftJoin(featureFlags, flagJoin)
    .where(
      or(
        ilike(auditLogs.entityId, pattern),
        ilike(subject.displayName, pattern),
        ilike(subject.email, pattern),
        ilike(featureFlags.name, pattern),
      ),
    )
    .orderBy(asc(auditLogs.entityType), asc(auditLogs.entityId))
    .limit(8);
  return [
    ...kinds.map((k) => ({
      id: null,
      entityType: k.entityType,
      label: `Every ${k.entityType.replace(/_/g, ' ')}`,
      detail: k.entityType,
    })),
    ...entities.map((e) => ({
      id: e.entityId,
      entityType: e.entityType,
      label: e.name ?? e.entityId,
      detail: `${e.entityType.replace(/_/g, ' ')} · ${e.entityId}`,
    })),
  ];
}

/** The latest entries a user made, or made to their account: the admin's user page. */
export async function recentActivityOf(
  db: Database,
  userId: string,
  limit = 10,
): Promise<AuditLogEntry[]> {
  const rows = await db
    .select({ row: auditLogs, actorName: users.displayName, entityName: entityNameOf })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .leftJoin(subject, subjectJoin)
    .leftJoin(featureFlags, flagJoin)
    .where(
      or(
        eq(auditLogs.actorId, userId),
        and(eq(auditLogs.entityType, 'user'), eq(auditLogs.entityId, userId)),
      ),
    )
    .orderBy(desc(auditLogs.id))
    .limit(limit);
  return rows.map((r) => toEntry(r.row, r.actorName, r.entityName));
}
