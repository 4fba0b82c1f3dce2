import type { EquipmentStatus } from '@makrx/contracts';
import {
  ChipIcon,
  CncIcon,
  formatPrice,
  LaserIcon,
  PrinterIcon,
  ScissorsIcon,
  WrenchIcon,
  type BadgeTone,
} from '@makrx/ui';
import type { ReactNode } from 'react';

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

/**
 * The equipment contract carries no currency; MakrX prices in US dollars everywhere today
 * (the store catalog does too). Revisit when makerspaces set their own currency.
 */
export const RATE_CURRENCY = 'USD';

export function HourlyRate({ cents }: { cents: number }) {
  if (cents === 0) return <>Free</>;
  return (
    <>
      {formatPrice(cents, RATE_CURRENCY)}
      <span aria-hidden="true" className="text-ink-600">
        {' '}
        / hr
      </span>
      <span className="sr-only"> per hour</span>
    </>
  );
}
