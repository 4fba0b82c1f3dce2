import type { MachineDetail } from '@makrx/contracts';
import { equipmentTypeLabels } from '@makrx/contracts/equipment-types';
import { Badge, Card, CoverArt } from '@makrx/ui';
import type { ReactNode } from 'react';
import {
  equipmentKindIcon,
  equipmentStatusDisplay,
  HourlyRate,
} from '../../makerspaces/equipment-presentation';
import { PhotoGallery } from '../../photos/components/photo-gallery';
import { specificationRows } from '../presentation';

/** The machine at a glance: its photos (a picture of its kind until it has some), status and what it does. */
export function MachineFacts({ machine }: { machine: MachineDetail }) {
  const kind = equipmentTypeLabels[machine.type];
  const status = equipmentStatusDisplay[machine.status];
  const rows: Array<[string, ReactNode]> = [
    ['Type', kind],
    ['Make and model', [machine.make, machine.model].filter(Boolean).join(' ') || '—'],
    ['Location', machine.location || '—'],
    ['Rate', <HourlyRate key="rate" cents={machine.hourlyRateCents} currency={machine.currency} />],
    ['Training', machine.training ? `${machine.training.name}, before booking` : 'Not needed'],
    ...specificationRows(machine.specifications),
  ];
  const statusBadge = (
    <Badge tone={status.tone} dot className="absolute top-3 left-3 shadow-card">
      {status.label}
    </Badge>
  );
  return (
    <Card className="overflow-hidden">
      {machine.photos.length > 0 ? (
        <PhotoGallery photos={machine.photos} name={machine.name} overlay={statusBadge} />
      ) : (
        <div className="relative">
          <CoverArt
            seed={machine.slug}
            icon={equipmentKindIcon(kind)}
            iconSize="lg"
            label={`${kind}: no photo yet`}
            className="h-40 sm:h-48"
          />
          {statusBadge}
        </div>
      )}
      <dl className="divide-y divide-ink-100 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[8.5rem_minmax(0,1fr)] gap-3 px-5 py-3">
            <dt className="text-ink-600">{label}</dt>
            <dd className="font-medium text-ink-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
