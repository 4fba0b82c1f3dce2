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
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditLogEntry = z.infer<typeof auditLogEntry>;

export const auditLogPage = pageOf(auditLogEntry);
export type AuditLogPage = z.infer<typeof auditLogPage>;
