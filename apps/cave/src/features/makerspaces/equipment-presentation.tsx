import type { EquipmentStatus } from '@makrx/contracts';
import {
  ChipIcon,
  CncIcon,
  LaserIcon,
  PrinterIcon,
  ScissorsIcon,
  WrenchIcon,
  type BadgeTone,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import { formatMoney } from '../../money';

const kindIcons: [RegExp, () => ReactNode][] = [
  [/print/i, () => <PrinterIcon />],
  [/laser/i, () => <LaserIcon />],
  [/cnc|router|mill|lathe|drill/i, () => <CncIcon />],
  [/electronic|pcb|solder|reflow|oven/i, () => <ChipIcon />],
  [/embroider|sew|textile|vinyl|cutter/i, () => <ScissorsIcon />],
];

export function equipmentKindIcon(kind: string): ReactNode {
  const match = kindIcons.find(([pattern]) => pattern.test(kind));
  return match ? match[1]() : <WrenchIcon />;
}

/** Nearly every space has a 3D printer, so a space is pictured by the first kind that is not one. */
export function signatureKind(kinds: string[]): string {
  const specialist = kinds.find((kind) => !/^3d printer$/i.test(kind));
  return specialist ?? kinds[0] ?? 'Workshop';
}

export const equipmentStatusDisplay: Record<EquipmentStatus, { label: string; tone: BadgeTone }> = {
  available: { label: 'Available', tone: 'success' },
  in_use: { label: 'In use', tone: 'info' },
  maintenance: { label: 'Maintenance', tone: 'warning' },
  offline: { label: 'Offline', tone: 'neutral' },
};

/** A machine's hourly rate in its makerspace's currency (every machine answer carries it). */
export function HourlyRate({ cents, currency }: { cents: number; currency: string }) {
  if (cents === 0) return <>Free</>;
  return (
    <>
      {formatMoney(cents, currency)}
      <span aria-hidden="true" className="text-ink-600">
        {' '}
        / hr
      </span>
      <span className="sr-only"> per hour</span>
    </>
  );
}
