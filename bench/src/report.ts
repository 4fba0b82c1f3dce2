import { writeFileSync } from 'node:fs';

export interface Comparison {
  what: string;
  metric: string;
  ours: number;
  peer: number;
  peerName: string;
  higherIsBetter: boolean;
  /** The DESIGN target this row checks. */
  target: { ratioAtLeast?: number; oursAtMost?: number };
  /** Errors and non-2xx answers seen on our side during the run. */
  failures: number;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

export function meetsTarget(row: Comparison): boolean {
  const ratio = row.ours / row.peer;
  const ratioOk = row.target.ratioAtLeast === undefined || ratio >= row.target.ratioAtLeast;
  const absoluteOk = row.target.oursAtMost === undefined || row.ours <= row.target.oursAtMost;
  return ratioOk && absoluteOk && row.failures === 0;
}

function targetText(row: Comparison): string {
  if (row.target.ratioAtLeast !== undefined)
    return `ours/peer ≥ ${+row.target.ratioAtLeast.toFixed(2)}`;
  if (row.target.oursAtMost !== undefined) return `ours ≤ ${row.target.oursAtMost}`;
  return '';
}

export function printTable(rows: Comparison[]): void {
  const header = ['benchmark', 'metric', 'MakrX', 'peer', 'peer is', 'ours/peer', 'target', 'met'];
  const body = rows.map((row) => [
    row.what,
    row.metric,
    fmt(row.ours),
    fmt(row.peer),
    row.peerName,
    (row.ours / row.peer).toFixed(2),
    targetText(row),
    meetsTarget(row) ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of body) console.log(line(row));
}

export function writeResults(file: string, rows: Comparison[]): void {
  const results = rows.map((row) => ({
    ...row,
    ratio: row.ours / row.peer,
    met: meetsTarget(row),
  }));
  writeFileSync(file, JSON.stringify({ ranAt: new Date().toISOString(), results }, null, 2) + '\n');
}
