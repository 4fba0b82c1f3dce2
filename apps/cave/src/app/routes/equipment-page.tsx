import { equipmentStatus, type EquipmentStatus, type EquipmentType } from '@makrx/contracts';
import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Button, EmptyState, FormField, inputClasses, WrenchIcon } from '@makrx/ui';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMachines, type MachineFilters } from '../../features/equipment/api';
import { MachineGrid, MachineGridSkeleton } from '../../features/equipment/components/machine-card';
import { filtersFromSearch, typeOptions } from '../../features/equipment/presentation';
import { equipmentStatusDisplay } from '../../features/makerspaces/equipment-presentation';
import { useMakerspaceAccess } from '../../features/memberships/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { MakerspaceFrame } from '../makerspace-frame';

function Filters({
  filters,
  onChange,
}: {
  filters: MachineFilters;
  onChange: (filters: MachineFilters) => void;
}) {
  return (
    <form
      role="search"
      aria-label="Filter machines"
      className="mb-6 grid gap-4 sm:flex sm:items-end"
      onSubmit={(event) => event.preventDefault()}
    >
      <FormField label="Type" className="sm:w-56">
        {(field) => (
          <select
            {...field}
            className={inputClasses}
            value={filters.type ?? ''}
            onChange={(event) =>
              onChange({ ...filters, type: (event.target.value || undefined) as EquipmentType })
            }
          >
            <option value="">All types</option>
            {typeOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Status" className="sm:w-56">
        {(field) => (
          <select
            {...field}
            className={inputClasses}
            value={filters.status ?? ''}
            onChange={(event) =>
              onChange({
                ...filters,
                status: (event.target.value || undefined) as EquipmentStatus,
              })
            }
          >
            <option value="">Any status</option>
            {equipmentStatus.options.map((status) => (
              <option key={status} value={status}>
                {equipmentStatusDisplay[status].label}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </form>
  );
}

function MachineResults({
  slug,
  filters,
  canBook,
  onClear,
}: {
  slug: string;
  filters: MachineFilters;
  canBook: boolean;
  onClear: () => void;
}) {
  const machines = useMachines(slug, filters);
  if (machines.isPending) return <MachineGridSkeleton />;
  if (machines.isError)
    return (
      <ServiceErrorState
        error={machines.error}
        subject="the machines"
        onRetry={() => void machines.refetch()}
      />
    );
  const filtered = Boolean(filters.type || filters.status);
  if (machines.data.length === 0)
    return (
      <EmptyState
        icon={<WrenchIcon />}
        title={filtered ? 'No machines match these filters' : 'No machines listed yet'}
        description={
          filtered
            ? 'Try another type or status.'
            : 'Machines appear here once the makerspace’s admins add them.'
        }
        action={
          filtered ? (
            <Button variant="secondary" onClick={onClear}>
              Show every machine
            </Button>
          ) : undefined
        }
      />
    );
  return (
    <>
      <p role="status" className="mb-4 text-sm text-ink-600">
        {machines.data.length} {machines.data.length === 1 ? 'machine' : 'machines'}
        {filtered ? ' match' : ''}
      </p>
      <MachineGrid slug={slug} machines={machines.data} canBook={canBook} />
    </>
  );
}

/** A makerspace's machines for the people inside it, by type and status. */
export function EquipmentPage() {
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const access = useMakerspaceAccess(slug);
  useDocumentTitle('Equipment');
  const setFilters = (next: MachineFilters) => {
    const params = new URLSearchParams();
    if (next.type) params.set('type', next.type);
    if (next.status) params.set('status', next.status);
    setSearch(params, { replace: true });
  };

  return (
    <MakerspaceFrame
      slug={slug}
      title="Equipment"
      description="Every machine, its status and rate. Open one for its specifications, maintenance and calendar."
    >
      <MakerspaceGate slug={slug} needs="isInside" audience="members of this makerspace">
        <Filters filters={filters} onChange={setFilters} />
        <MachineResults
          slug={slug}
          filters={filters}
          canBook={access.status === 'known' && access.book}
          onClear={() => setFilters({})}
        />
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
