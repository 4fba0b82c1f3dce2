import { AppError, bomItemInput } from '@makrx/contracts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { NewBomItem } from './items';

/*
 * A BOM as a CSV file (RFC 4180, a header row first): parsed by csv-parse, written by
 * csv-stringify. An exported file imports back as the same items. Headers are matched
 * without regard to case; a file's good rows are kept and each bad row is reported by the
 * line it starts on, so the person can fix those and import them again.
 */

export const MAX_CSV_BYTES = 1024 * 1024;
export const MAX_CSV_ROWS = 1000;

const columns = ['name', 'quantity', 'unit', 'code', 'supplier', 'notes'] as const;
type Column = (typeof columns)[number];

/** Other names people give the same columns (a Store export says "sku", spreadsheets "qty"). */
const aliases: Record<string, Column> = {
  name: 'name',
  item: 'name',
  quantity: 'quantity',
  qty: 'quantity',
  unit: 'unit',
  units: 'unit',
  code: 'code',
  sku: 'code',
  'product code': 'code',
  supplier: 'supplier',
  'preferred supplier': 'supplier',
  notes: 'notes',
  note: 'notes',
};

export interface BomCsvRejection {
  line: number;
  message: string;
}

const invalid = (message: string, details?: Record<string, unknown>) =>
  new AppError(400, 'CSV_INVALID', message, details);

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Where a record starts: its last line less the line breaks inside it. */
function firstLineOf({ info, raw }: ParsedRecord): number {
  const inside = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return info.lines - (inside.match(/\n/g)?.length ?? 0);
}

function readRecords(text: string): ParsedRecord[] {
  if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
    throw new AppError(413, 'CSV_TOO_LARGE', 'A BOM file may be at most 1 MB.', {
      limitBytes: MAX_CSV_BYTES,
    });
  }
  if (text.includes('\u0000')) throw invalid('This file is not text: it is not a CSV file.');
  try {
    return parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalid(
      `This file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`,
      line ? { line } : {},
    );
  }
}

/** The column of each known header, by its position in the file. */
function headerOf(record: string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  record.forEach((cell, index) => {
    const column = aliases[cell.trim().toLowerCase()];
    if (column && !found.has(column)) found.set(column, index);
  });
  if (!found.has('name') || !found.has('quantity')) {
    throw invalid(
      'The first line must name the columns: at least "name" and "quantity" (and unit, code or sku, supplier, notes as needed).',
      { header: record.slice(0, 20) },
    );
  }
  return found;
}

/** A cell written by `bomCsv` with its formula guard, read back as it was. */
const unguarded = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function itemOf(cells: string[], header: Map<Column, number>): NewBomItem | string {
  const cell = (column: Column) => {
    const index = header.get(column);
    return index === undefined ? undefined : unguarded(cells[index] ?? '').trim();
  };
  const quantityText = cell('quantity') ?? '';
  const quantity = quantityText === '' ? Number.NaN : Number(quantityText);
  const parsed = bomItemInput.safeParse({
    name: cell('name') ?? '',
    quantity,
    unit: cell('unit') || undefined,
    code: cell('code') ?? null,
    supplier: cell('supplier') ?? null,
    notes: cell('notes') ?? null,
  });
  if (parsed.success) return parsed.data;
  return parsed.error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? 'row');
      if (field === 'quantity') {
        return `quantity "${quantityText}" is not a positive number with at most three decimals`;
      }
      if (field === 'name') return 'name is empty or longer than 200 characters';
      if (field === 'code') return `code "${cell('code')}" is not a Store product code (SKU)`;
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** The file's good rows as items, and each bad row's line and what is wrong with it. */
export function readBomCsv(text: string): { items: NewBomItem[]; rejected: BomCsvRejection[] } {
  const records = readRecords(text);
  if (records.length === 0) throw invalid('The file is empty: it has no header and no items.');
  const [head, ...rows] = records;
  const header = headerOf(head!.record);
  if (rows.length === 0) throw invalid('The file has a header but no items.');
  if (rows.length > MAX_CSV_ROWS) {
    throw new AppError(
      413,
      'CSV_TOO_LARGE',
      `A BOM file may hold at most ${MAX_CSV_ROWS} items; this one has ${rows.length}.`,
      { limitRows: MAX_CSV_ROWS, rows: rows.length },
    );
  }
  const items: NewBomItem[] = [];
  const rejected: BomCsvRejection[] = [];
  for (const row of rows) {
    const item = itemOf(row.record, header);
    if (typeof item === 'string') rejected.push({ line: firstLineOf(row), message: item });
    else items.push(item);
  }
  return { items, rejected };
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text by a quote. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The BOM as a CSV file that `readBomCsv` reads back as the same items. */
export function bomCsv(items: readonly NewBomItem[]): string {
  return stringify(
    [
      [...columns],
      ...items.map((item) => [
        inert(item.name),
        String(item.quantity),
        inert(item.unit),
        item.code ?? '',
        inert(item.supplier ?? ''),
        inert(item.notes ?? ''),
      ]),
    ],
    { record_delimiter: '\r\n' },
  );
}
