import { Badge, Button, cx } from '@makrx/ui';
import { formatArea, formatCount, formatDimensions, formatVolume } from '../format';
import { findingsOf, INCH, type AnalysisView } from '../model-analysis';

const formatNames = {
  'stl-binary': 'Binary STL',
  'stl-ascii': 'ASCII STL',
  obj: 'OBJ',
  '3mf': '3MF',
} as const;

const fitWords = { fits: 'Fits', 'fits-rotated': 'Fits turned', 'too-big': 'Too big' } as const;

export interface AnalysisPanelProps {
  analysis: AnalysisView;
  /** The customer's answer to the units question; undefined until asked. */
  onUnits(units: 'mm' | 'inch'): void;
  unitsBusy: boolean;
  /** Why the last units change did not reach the store. */
  unitsProblem?: string;
}

/** The model's facts and a printability checklist, from the browser's or the store's analysis. */
export function AnalysisPanel({ analysis, onUnits, unitsBusy, unitsProblem }: AnalysisPanelProps) {
  const findings = findingsOf(analysis);
  const inInches = analysis.unitScale === INCH;
  const facts: [string, string][] = [
    ['Size', formatDimensions(analysis.dimensions)],
    ['Volume', formatVolume(analysis.volume)],
    ['Surface area', formatArea(analysis.surfaceArea)],
    ['Triangles', formatCount(analysis.triangleCount)],
    ['Shells', formatCount(analysis.shells)],
    ['Format', formatNames[analysis.format]],
  ];
  return (
    <section aria-labelledby="analysis-heading" className="space-y-5" id="model-analysis">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="analysis-heading" className="text-lg font-bold text-ink-950">
          Analysis
        </h2>
        {analysis.source === 'server' ? (
          <Badge tone="success">Checked by the store</Badge>
        ) : (
          <Badge tone="info">Checked in your browser</Badge>
        )}
      </div>

      {analysis.unitsGuess === 'inch' && !inInches ? (
        <div className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">Is this model in inches?</p>
          <p className="mt-1 text-amber-900">
            At {formatDimensions(analysis.dimensions)} it is very small for millimetres. In inches
            it would be{' '}
            {formatDimensions(analysis.dimensions.map((d) => d * INCH) as [number, number, number])}
            .
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button size="sm" onClick={() => onUnits('inch')} disabled={unitsBusy}>
              It’s in inches — rescale
            </Button>
          </div>
        </div>
      ) : null}
      {inInches ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-ink-200 bg-ink-50 p-4 text-sm text-ink-800">
          <p>Rescaled from inches (× 25.4).</p>
          <Button size="sm" variant="secondary" onClick={() => onUnits('mm')} disabled={unitsBusy}>
            No, it’s in millimetres
          </Button>
        </div>
      ) : null}

      {unitsProblem ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {unitsProblem}
        </p>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label} className="rounded-xl border border-ink-200 bg-white px-3.5 py-3">
            <dt className="text-xs font-medium text-ink-500">{label}</dt>
            <dd
              className="mt-0.5 text-sm font-semibold text-ink-950 tabular-nums"
              data-testid={`analysis-${label.toLowerCase().replace(' ', '-')}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <ul className="space-y-2" aria-label="Printability">
        {findings.map((finding) => (
          <li
            key={finding.title}
            className={cx(
              'flex gap-3 rounded-xl border px-3.5 py-3 text-sm',
              finding.tone === 'ok' && 'border-emerald-200 bg-emerald-50/60',
              finding.tone === 'warning' && 'border-amber-200 bg-amber-50/60',
              finding.tone === 'problem' && 'border-red-200 bg-red-50/60',
            )}
          >
            <span
              aria-hidden="true"
              className={cx(
                'mt-0.5 grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold text-white',
                finding.tone === 'ok' && 'bg-emerald-600',
                finding.tone === 'warning' && 'bg-amber-500',
                finding.tone === 'problem' && 'bg-red-600',
              )}
            >
              {finding.tone === 'ok' ? '✓' : '!'}
            </span>
            <span>
              <span className="font-semibold text-ink-950">{finding.title}</span>
              <span className="block text-ink-700">{finding.detail}</span>
            </span>
          </li>
        ))}
      </ul>

      <div>
        <h3 className="text-sm font-semibold text-ink-900">Fits common printers</h3>
        <ul className="mt-2 divide-y divide-ink-100 rounded-xl border border-ink-200 bg-white text-sm">
          {analysis.fit.map((fit) => (
            <li key={fit.name} className="flex items-center justify-between gap-3 px-3.5 py-2.5">
              <span className="text-ink-700">{fit.name}</span>
              <Badge tone={fit.fit === 'too-big' ? 'danger' : 'success'}>{fitWords[fit.fit]}</Badge>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** The analysis in one sentence, for the preview's text alternative. */
export function describeAnalysis(analysis: AnalysisView): string {
  return [
    `Size ${formatDimensions(analysis.dimensions)}`,
    `volume ${formatVolume(analysis.volume)}`,
    `${formatCount(analysis.triangleCount)} triangles`,
    analysis.watertight ? 'watertight' : 'not watertight',
    analysis.overhangArea > 0 ? 'overhangs shown in orange' : 'no overhangs',
    analysis.thinWallTriangles ? 'thin walls shown in red' : '',
  ]
    .filter(Boolean)
    .join(', ')
    .concat('. The full analysis is listed beside the preview.');
}
