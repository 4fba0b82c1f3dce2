import { Readable } from 'node:stream';
import {
  auditLogFilter,
  auditLogPage,
  auditLogQuery,
  auditSuggestionList,
  auditSuggestionQuery,
  errorBody,
} from '@makrx/contracts';
import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { auditLogCsv, auditSuggestions, searchAuditLog } from './service';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

/** The audit log viewer for super admins: filters, pages, and a CSV export. */
export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/audit',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags: ['audit log'],
        summary: 'Audit log entries, newest first, by actor, action, entity and time range',
        querystring: auditLogQuery,
        response: { 200: auditLogPage, ...errors },
      },
    },
    async (request) => {
      return searchAuditLog(app.db, request.query);
    },
  );

  app.get(
    '/admin/audit/suggestions',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags: ['audit log'],
        summary:
          'Type-ahead for the filters: people by name or email, entities by kind, id or name',
        querystring: auditSuggestionQuery,
        response: { 200: auditSuggestionList, ...errors },
      },
    },
    async (request) => ({ suggestions: await auditSuggestions(app.db, request.query) }),
  );

  app.get(
    '/admin/audit.csv',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags: ['audit log'],
        summary: 'The same entries as a CSV download (RFC 4180, with a header row)',
        querystring: auditLogFilter,
      },
    },
    async (request, reply) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(auditLogCsv(app.db, request.query)));
    },
  );
};
