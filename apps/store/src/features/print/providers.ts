import type { AvailableProvider, PrintQuality, ProvidersAvailable } from '@makrx/contracts';
import { callService } from '../../lib/service-client';

/** The providers taking print jobs, as the cave lists them publicly (ENABLE_SERVICE_MARKETPLACE). */
export async function readPublicProviders(): Promise<AvailableProvider[]> {
  const { body } = await callService<ProvidersAvailable>('cave', '/providers', {
    as: 'anonymous',
    timeoutMs: 5000,
  });
  return body.providers;
}

/** Names of the materials providers offer most; any other key is shown as it is. */
const materialNames: Record<string, string> = {
  pla: 'PLA',
  petg: 'PETG',
  abs: 'ABS',
  asa: 'ASA',
  tpu: 'TPU (flexible)',
  'nylon-pa12': 'Nylon PA12',
  'resin-standard': 'Standard resin',
  'resin-tough': 'Tough resin',
};
export const materialName = (key: string) => materialNames[key] ?? key.toUpperCase();

const qualityOrder: PrintQuality[] = ['draft', 'standard', 'fine'];
const qualityNames: Record<PrintQuality, string> = {
  draft: 'Draft',
  standard: 'Standard',
  fine: 'Fine',
};

export interface MachineOffer {
  equipmentId: string;
  name: string;
  buildVolumeMm: { x: number; y: number; z: number };
  materials: { key: string; name: string; qualities: string[]; leadTimeDays: [number, number] }[];
}

/** A provider's offerings by machine: each printer, its bed, and what it prints at which quality. */
export function machinesOf(provider: AvailableProvider): MachineOffer[] {
  const machines = new Map<string, MachineOffer & { byMaterial: Map<string, Set<PrintQuality>> }>();
  const leads = new Map<string, [number, number]>();
  for (const offering of provider.offerings) {
    const { equipmentId } = offering.machine;
    let machine = machines.get(equipmentId);
    if (!machine) {
      machine = {
        equipmentId,
        name: offering.machine.name,
        buildVolumeMm: offering.machine.buildVolumeMm,
        materials: [],
        byMaterial: new Map(),
      };
      machines.set(equipmentId, machine);
    }
    const qualities = machine.byMaterial.get(offering.materialKey) ?? new Set<PrintQuality>();
    qualities.add(offering.quality);
    machine.byMaterial.set(offering.materialKey, qualities);
    const leadKey = `${equipmentId}/${offering.materialKey}`;
    const lead = leads.get(leadKey);
    leads.set(
      leadKey,
      lead
        ? [Math.min(lead[0], offering.leadTimeDays), Math.max(lead[1], offering.leadTimeDays)]
        : [offering.leadTimeDays, offering.leadTimeDays],
    );
  }
  return [...machines.values()]
    .map(({ byMaterial, ...machine }) => ({
      ...machine,
      materials: [...byMaterial.entries()]
        .map(([key, qualities]) => ({
          key,
          name: materialName(key),
          qualities: qualityOrder.filter((q) => qualities.has(q)).map((q) => qualityNames[q]),
          leadTimeDays: leads.get(`${machine.equipmentId}/${key}`)!,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The fastest and slowest lead time of all a provider's offerings. */
export function leadTimeRange(provider: AvailableProvider): [number, number] | null {
  if (provider.offerings.length === 0) return null;
  const days = provider.offerings.map((o) => o.leadTimeDays);
  return [Math.min(...days), Math.max(...days)];
}

/** "Ready in 2 days", "Ready in 1–3 days", "Ships today". */
export function formatLeadTimeRange([from, to]: [number, number]): string {
  if (to <= 0) return 'Ships today';
  if (from === to) return from === 1 ? 'Ready in 1 day' : `Ready in ${from} days`;
  return `Ready in ${from}–${to} days`;
}

/** "250 × 210 × 220 mm". */
export const formatBuildVolume = ({ x, y, z }: { x: number; y: number; z: number }) =>
  `${[x, y, z].map((n) => Math.round(n)).join(' × ')} mm`;
