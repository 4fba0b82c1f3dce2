/** One record of a CSV file with the line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: fields separated by commas, optionally in double quotes, where a quoted field
 * may hold commas, line breaks and doubled quotes (""). Blank lines are skipped. A quote left
 * open at the end of the file is reported as an error on the line it opened.
 */
export function parseCsv(text: string): { records: CsvRecord[]; unterminatedQuoteAt?: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedAt = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteOpenedAt = line;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else field += char;
  }
  if (quoted) return { records, unterminatedQuoteAt: quoteOpenedAt };
  endRecord();
  return { records };
}

/**
 * The first file of a `multipart/form-data` body (the part with a filename), or its `csv` field,
 * as text; null when the body holds neither. Enough for one uploaded CSV file.
 */
export function csvFromMultipart(body: string, contentType: string): string | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return null;
  const parts = body.split(`--${delimiter}`).slice(1, -1);
  const fields = parts.map((part) => {
    const split = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    return { headers, content, isFile: /filename="/i.test(headers) };
  });
  const named = (name: string) =>
    fields.find((f) => new RegExp(`name="${name}"`, 'i').test(f.headers));
  const chosen = fields.find((f) => f.isFile && f.content.length > 0) ?? named('csv');
  return chosen ? chosen.content : null;
}
