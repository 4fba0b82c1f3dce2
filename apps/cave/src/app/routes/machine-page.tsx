import type { MachineDetail } from '@makrx/contracts';
import { equipmentTypeLabels } from '@makrx/contracts/equipment-types';
import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { buttonClasses, CalendarIcon, EmptyState, Skeleton, WrenchIcon } from '@makrx/ui';
import { Link, useParams } from 'react-router-dom';
import { useMachine, useMachinePhotoActions } from '../../features/equipment/api';
import { MachineAdmin } from '../../features/equipment/components/machine-admin';
import { takesBookings } from '../../features/equipment/components/machine-card';
import { MachineFacts } from '../../features/equipment/components/machine-facts';
import { MaintenancePanel } from '../../features/equipment/components/maintenance-panel';
import { useMakerspaceAccess } from '../../features/memberships/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { useMakerspace } from '../../features/makerspaces/api';
import { PhotosPanel } from '../../features/photos/components/photos-panel';
import { paths } from '../../paths';
import { MakerspaceFrame } from '../makerspace-frame';

/** The machine's photos for those who run it: add, put in order, remove. */
function MachinePhotos({ slug, machine }: { slug: string; machine: MachineDetail }) {
  const actions = useMachinePhotoActions(slug, machine.slug);
  return (
    <PhotosPanel
      photos={machine.photos}
      actions={actions}
      leads="the machine’s page and its card"
      example="The print bed"
    />
  );
}

function MachineContent({ slug, machineSlug }: { slug: string; machineSlug: string }) {
  const machine = useMachine(slug, machineSlug);
  // The frame reads the makerspace too: its zone is what maintenance times are drawn in.
  const timeZone = useMakerspace(slug).data?.timeZone;
  const access = useMakerspaceAccess(slug);
  const canManage = access.status === 'known' && access.manageEquipment;
  if (machine.isPending || !timeZone)
    return (
      <div aria-busy="true" className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <span className="sr-only">Loading the machine…</span>
        <Skeleton className="h-96 rounded-2xl" />
        <Skeleton className="h-64 rounded-2xl" />
      </div>
    );
  if (machine.error instanceof ApiError && machine.error.isNotFound)
    return (
      <EmptyState
        icon={<WrenchIcon />}
        title="We couldn’t find that machine"
        description="It may have been renamed or archived."
        action={
          <Link to={paths.equipment(slug)} className={buttonClasses({ variant: 'secondary' })}>
            All equipment
          </Link>
        }
      />
    );
  if (machine.isError)
    return (
      <ServiceErrorState
        error={machine.error}
        subject="this machine"
        onRetry={() => void machine.refetch()}
      />
    );
  const maintenance = (
    <MaintenancePanel
      slug={slug}
      machine={machine.data}
      timeZone={timeZone}
      canManage={canManage}
    />
  );
  // Those who run the machine get its controls beside it; members its maintenance.
  return canManage ? (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-8">
        <MachineFacts machine={machine.data} />
        <MachinePhotos slug={slug} machine={machine.data} />
        {maintenance}
      </div>
      <aside>
        <MachineAdmin slug={slug} machine={machine.data} />
      </aside>
    </div>
  ) : (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
      <MachineFacts machine={machine.data} />
      <div className="min-w-0">{maintenance}</div>
    </div>
  );
}

/** One machine: what it is, its status and maintenance; managed by admins and service providers. */
export function MachinePage() {
  const { slug = '', machine: machineSlug = '' } = useParams();
  const machine = useMachine(slug, machineSlug);
  const access = useMakerspaceAccess(slug);
  const data = machine.data;
  useDocumentTitle(data?.name ?? 'Machine');
  const canBook = access.status === 'known' && access.book && data && takesBookings(data);

  return (
    <MakerspaceFrame
      slug={slug}
      eyebrow={
        <Link to={paths.equipment(slug)} className="hover:text-accent-900">
          Equipment
        </Link>
      }
      title={data?.name ?? (machine.isPending ? <Skeleton className="h-9 w-64" /> : 'Machine')}
      description={
        data
          ? [equipmentTypeLabels[data.type], data.make, data.model].filter(Boolean).join(' · ')
          : undefined
      }
      actions={
        canBook ? (
          <Link to={paths.machineCalendar(slug, machineSlug)} className={buttonClasses()}>
            <CalendarIcon />
            Book time
          </Link>
        ) : undefined
      }
    >
      <MakerspaceGate slug={slug} needs="isInside" audience="members of this makerspace">
        <MachineContent slug={slug} machineSlug={machineSlug} />
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
