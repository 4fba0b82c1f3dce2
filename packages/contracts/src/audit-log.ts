import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

/** Filters of the audit log viewer; all optional, `from`/`to` inclusive ISO datetimes. */
export const auditLogFilter = z.object({
  actor: z.uuid().optional(),
  action: z.string().trim().min(1).max(120).optional(),
  entityType: z.string().trim().min(1).max(120).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditLogFilter = z.infer<typeof auditLogFilter>;

export const auditLogQuery = pageQuery.extend(auditLogFilter.shape);
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const auditLogEntry = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  service: z.string(),
  actorId: z.uuid().nullable(),
  /** The actor's display name, for the viewer; null for the system or a deleted account. */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** What people call the entity (a user's name, a flag's name), when the log can tell. */
  entityName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditLogEntry = z.infer<typeof auditLogEntry>;

export const auditLogPage = pageOf(auditLogEntry);
export type AuditLogPage = z.infer<typeof auditLogPage>;

/** The audit viewer's type-ahead: people by name or email, entities by kind, id or name. */
export const auditSuggestionQuery = z.object({
  kind: z.enum(['person', 'entity']),
  q: z.string().trim().min(1).max(120),
});
export type AuditSuggestionQuery = z.infer<typeof auditSuggestionQuery>;

export const auditSuggestion = z.object({
  /** A person: their id. An entity: its id, or null for every entity of `entityType`. */
  id: z.string().nullable(),
  entityType: z.string().nullable(),
  label: z.string(),
  detail: z.string(),
});
export type AuditSuggestion = z.infer<typeof auditSuggestion>;

export const auditSuggestionList = z.object({ suggestions: z.array(auditSuggestion) });
export type AuditSuggestionList = z.infer<typeof auditSuggestionList>;
