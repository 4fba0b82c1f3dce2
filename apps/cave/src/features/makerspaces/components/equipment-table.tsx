import type { Equipment } from '@makrx/contracts';
import { Badge } from '@makrx/ui';
import { usePhotoSource } from '../../photos/photo-source';
import { equipmentKindIcon, equipmentStatusDisplay, HourlyRate } from '../equipment-presentation';

export function EquipmentTable({
  equipment,
  spaceName,
  currency,
}: {
  equipment: Equipment[];
  spaceName: string;
  /** The makerspace's currency, which every rate is in. */
  currency: string;
}) {
  const sourceOf = usePhotoSource();
  return (
    <div className="overflow-hidden rounded-2xl border border-ink-200 bg-white shadow-card">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Equipment at {spaceName}, with each machine’s status and hourly rate
        </caption>
        <thead className="border-b border-ink-200 bg-ink-50 text-xs font-semibold tracking-wide text-ink-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3 sm:px-6">
              Machine
            </th>
            <th scope="col" className="hidden px-4 py-3 md:table-cell">
              Type
            </th>
            <th scope="col" className="px-4 py-3 text-right sm:text-left">
              <span className="sm:hidden">Status · Rate</span>
              <span className="hidden sm:inline">Status</span>
            </th>
            <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell sm:px-6">
              Rate
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {equipment.map((machine) => {
            const status = equipmentStatusDisplay[machine.status];
            return (
              <tr key={machine.id} className="transition-colors hover:bg-ink-50/60">
                <th scope="row" className="px-4 py-4 font-normal sm:px-6">
                  <div className="flex items-center gap-3">
                    {machine.coverPhoto ? (
                      <img
                        src={sourceOf(machine.coverPhoto)}
                        alt=""
                        loading="lazy"
                        className="hidden size-9 shrink-0 rounded-lg bg-ink-100 object-cover ring-1 ring-ink-200 sm:block"
                      />
                    ) : (
                      <span className="hidden size-9 shrink-0 place-items-center rounded-lg bg-accent-50 text-lg text-accent-700 ring-1 ring-accent-100 sm:grid">
                        {equipmentKindIcon(machine.kind)}
                      </span>
                    )}
                    <div className="min-w-0">
                      <p className="font-semibold text-ink-950">{machine.name}</p>
                      <p className="text-xs text-ink-600 md:hidden">{machine.kind}</p>
                    </div>
                  </div>
                </th>
                <td className="hidden px-4 py-4 text-ink-700 md:table-cell">{machine.kind}</td>
                <td className="px-4 py-4 text-right sm:text-left">
                  <Badge tone={status.tone} dot>
                    {status.label}
                  </Badge>
                  <p className="mt-1.5 text-xs whitespace-nowrap text-ink-800 tabular-nums sm:hidden">
                    <HourlyRate cents={machine.hourlyRateCents} currency={currency} />
                  </p>
                </td>
                <td className="hidden px-4 py-4 text-right whitespace-nowrap text-ink-800 tabular-nums sm:table-cell sm:px-6">
                  <HourlyRate cents={machine.hourlyRateCents} currency={currency} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
