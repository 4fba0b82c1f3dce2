import type { ModelAnalysis, PrintQuality, ServiceJobStatus } from '@makrx/contracts';
import type { BadgeTone } from '@makrx/ui';
import { ApiError } from '@makrx/spa-kit';

/** The materials MakrX quotes (the keys of @makrx/quoting), by name. */
export const materialNames: Record<string, string> = {
  pla: 'PLA',
  petg: 'PETG',
  abs: 'ABS',
  asa: 'ASA',
  tpu: 'TPU (flexible)',
  'nylon-pa12': 'Nylon PA12',
  'resin-standard': 'Standard resin',
  'resin-tough': 'Tough resin',
};

export const qualityNames: Record<PrintQuality, string> = {
  draft: 'Draft',
  standard: 'Standard',
  fine: 'Fine',
};

export const materialName = (key: string) => materialNames[key] ?? key;

export const statusLabels: Record<ServiceJobStatus, { label: string; tone: BadgeTone }> = {
  offered: { label: 'Waiting for your answer', tone: 'warning' },
  accepted: { label: 'Accepted', tone: 'info' },
  printing: { label: 'Printing', tone: 'info' },
  quality_check: { label: 'Quality check', tone: 'info' },
  shipped: { label: 'Shipped', tone: 'accent' },
  delivered: { label: 'Delivered', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'neutral' },
  unroutable: { label: 'Unroutable', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** The next step of an accepted job, as its button says it; null when it is done. */
export function nextStep(
  status: ServiceJobStatus,
): { status: 'printing' | 'quality_check' | 'shipped' | 'delivered'; label: string } | null {
  switch (status) {
    case 'accepted':
      return { status: 'printing', label: 'Start printing' };
    case 'printing':
      return { status: 'quality_check', label: 'Move to quality check' };
    case 'quality_check':
      return { status: 'shipped', label: 'Mark shipped' };
    case 'shipped':
      return { status: 'delivered', label: 'Mark delivered' };
    default:
      return null;
  }
}

/** "42 × 40 × 30 mm". */
export const sizeText = ({ x, y, z }: { x: number; y: number; z: number }) =>
  `${[x, y, z].map((v) => Math.round(v * 10) / 10).join(' × ')} mm`;

/** "1 h 30 min". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "84 KB", "12.5 MB". */
export function bytesText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Why a change was refused, in the service's words. */
export function refusalOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'That did not work. Try again in a moment.';
  if (error.code === 'SERVICE_UNREACHABLE')
    return 'MakrCave could not be reached, so nothing changed. Try again in a moment.';
  return error.message;
}

const oneDecimal = (value: number) =>
  new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value);
const count = (value: number, one: string, many: string) =>
  `${new Intl.NumberFormat('en').format(value)} ${value === 1 ? one : many}`;

/** One line of a model's analysis; `warn` marks what may need the provider's care. */
export interface AnalysisFact {
  label: string;
  value: string;
  warn?: boolean;
}

/** The store's analysis of a job's model, in the order a provider checks a file. */
export function analysisFacts(analysis: ModelAnalysis): AnalysisFact[] {
  const holes = analysis.boundaryEdges;
  const meshProblems = [
    holes > 0 ? `holes (${count(holes, 'open edge', 'open edges')})` : null,
    analysis.nonManifoldEdges > 0
      ? count(analysis.nonManifoldEdges, 'non-manifold edge', 'non-manifold edges')
      : null,
    analysis.inverted ? 'normals inverted' : null,
  ].filter((problem): problem is string => problem !== null);
  const thin = analysis.thinWallTriangles;
  return [
    {
      label: 'Dimensions',
      value:
        sizeText(analysis.dimensionsMm) + (analysis.unitScale === 1 ? '' : ' (scaled from inches)'),
    },
    { label: 'Volume', value: `${oneDecimal(analysis.volumeMm3 / 1000)} cm³` },
    { label: 'Surface', value: `${oneDecimal(analysis.surfaceAreaMm2 / 100)} cm²` },
    {
      label: 'Mesh',
      value: analysis.watertight
        ? 'Watertight'
        : `Not watertight${meshProblems.length ? `: ${meshProblems.join(', ')}` : ''}`,
      warn: !analysis.watertight || meshProblems.length > 0,
    },
    {
      label: 'Shells',
      value: count(analysis.shells, 'separate part', 'separate parts'),
      warn: analysis.shells > 1,
    },
    { label: 'Overhang area', value: `${oneDecimal(analysis.overhangAreaMm2 / 100)} cm²` },
    {
      label: 'Thin walls',
      value:
        thin === null
          ? 'Not checked (too many triangles)'
          : thin === 0
            ? 'None found'
            : count(thin, 'thin triangle', 'thin triangles'),
      warn: thin !== null && thin > 0,
    },
    { label: 'Triangles', value: new Intl.NumberFormat('en').format(analysis.triangleCount) },
  ];
}
