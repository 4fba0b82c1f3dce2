import type { AuditLogFilter } from '@makrx/contracts';

const fields = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter in the URL (`?action=role.granted&from=…`); values the API would refuse are dropped. */
export function filterFromSearch(search: URLSearchParams): AuditLogFilter {
  const filter: AuditLogFilter = {};
  for (const field of fields) {
    const value = search.get(field)?.trim();
    if (!value) continue;
    if (field === 'actor' && !UUID.test(value)) continue;
    if ((field === 'from' || field === 'to') && Number.isNaN(Date.parse(value))) continue;
    filter[field] = value;
  }
  return filter;
}

/** How the filters' chosen person and entity read (names, not ids); kept in the URL beside them. */
export interface FilterLabels {
  actor?: string;
  entity?: string;
}

export function labelsFromSearch(search: URLSearchParams): FilterLabels {
  const labels: FilterLabels = {};
  const actor = search.get('actorLabel')?.trim();
  const entity = search.get('entityLabel')?.trim();
  if (actor) labels.actor = actor.slice(0, 120);
  if (entity) labels.entity = entity.slice(0, 200);
  return labels;
}

export function searchOf(
  filter: AuditLogFilter,
  page = 1,
  labels: FilterLabels = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of fields) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  if (filter.actor && labels.actor) params.set('actorLabel', labels.actor);
  if ((filter.entityType || filter.entityId) && labels.entity)
    params.set('entityLabel', labels.entity);
  if (page > 1) params.set('page', String(page));
  return params;
}

/** `<input type="datetime-local">` speaks local time without a zone; the API wants ISO. */
export const localToIso = (local: string): string | undefined =>
  local ? new Date(local).toISOString() : undefined;

export function isoToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
