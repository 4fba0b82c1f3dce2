import type { AuditLogFilter } from '@makrx/contracts';
import { Button } from '@makrx/ui';
import { useId, useState, type FormEvent } from 'react';
import { isoToLocal, localToIso, type FilterLabels } from '../audit-filter';
import { SuggestionField } from './suggestion-field';

const inputClasses =
  'mt-1 block w-full rounded-lg border border-ink-300 bg-white px-3 py-2 text-sm text-ink-900 shadow-sm focus:border-accent-500 focus:ring-2 focus:ring-accent-200 focus:outline-none';

interface Draft {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

const draftOf = (filter: AuditLogFilter): Draft => ({
  actor: filter.actor ?? '',
  action: filter.action ?? '',
  entityType: filter.entityType ?? '',
  entityId: filter.entityId ?? '',
  from: isoToLocal(filter.from),
  to: isoToLocal(filter.to),
});

export interface AuditFiltersProps {
  filter: AuditLogFilter;
  labels: FilterLabels;
  onApply: (filter: AuditLogFilter, labels: FilterLabels) => void;
}

/** The viewer's filters; applied together when the form is sent. */
export function AuditFilters({ filter, labels, onApply }: AuditFiltersProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter));
  const [chosen, setChosen] = useState<FilterLabels>(() => ({
    actor: filter.actor ? (labels.actor ?? filter.actor) : undefined,
    entity:
      filter.entityType || filter.entityId
        ? (labels.entity ?? [filter.entityType, filter.entityId].filter(Boolean).join(' · '))
        : undefined,
  }));
  const field = (name: keyof Draft, label: string, type = 'text', placeholder?: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={draft[name]}
        placeholder={placeholder}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        className={inputClasses}
      />
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: AuditLogFilter = {};
    for (const name of ['actor', 'action', 'entityType', 'entityId'] as const) {
      const value = draft[name].trim();
      if (value) next[name] = value;
    }
    const from = localToIso(draft.from);
    const to = localToIso(draft.to);
    if (from) next.from = from;
    if (to) next.to = to;
    onApply(next, chosen);
  };
  const clear = () => {
    setDraft(draftOf({}));
    setChosen({});
    onApply({}, {});
  };

  return (
    <form
      onSubmit={submit}
      aria-label="Filter the audit log"
      className="rounded-2xl border border-ink-200 bg-white p-4 shadow-card sm:p-5"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SuggestionField
          kind="person"
          label="Person"
          placeholder="Name or email"
          chosenLabel={chosen.actor ?? ''}
          inputClassName={inputClasses}
          onChoose={(person) => {
            setDraft((d) => ({ ...d, actor: person?.id ?? '' }));
            setChosen((c) => ({ ...c, actor: person?.label }));
          }}
        />
        <SuggestionField
          kind="entity"
          label="Entity"
          placeholder="A user, a flag, or a kind such as feature_flag"
          chosenLabel={chosen.entity ?? ''}
          inputClassName={inputClasses}
          onChoose={(entity) => {
            setDraft((d) => ({
              ...d,
              entityType: entity?.entityType ?? '',
              entityId: entity?.id ?? '',
            }));
            setChosen((c) => ({ ...c, entity: entity?.label }));
          }}
        />
        {field('action', 'Action', 'text', 'role.granted')}
        {field('from', 'From', 'datetime-local')}
        {field('to', 'To', 'datetime-local')}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" onClick={clear}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
