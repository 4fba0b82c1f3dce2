import { modelQuotes, modelUploadDetail, type ModelQuotes } from '@makrx/contracts';
import { fromServerAnalysis, type AnalysisView } from './model-analysis';
import { uploadApiPath } from './paths';
import { refusalOf, type UploadRefusal } from './upload-errors';

/** What one of the page's calls to the store came to: its answer, or why there is none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: UploadRefusal };

const storeCall = { 'x-makrx-store': '1' };

const unreadable = (what: string): UploadRefusal => ({
  status: 502,
  code: 'UNEXPECTED_ANSWER',
  message: `The ${what} came back in a form this page does not read. Try again in a moment.`,
});

/** One call through the store app; a network failure or a refusal becomes its refusal. */
export async function callStore<T>(
  request: () => Promise<Response>,
  read: (body: unknown) => T | undefined,
  what: string,
): Promise<Outcome<T>> {
  let response: Response;
  let text: string;
  try {
    response = await request();
    text = await response.text();
  } catch {
    return { ok: false, refusal: refusalOf(0, undefined) };
  }
  if (!response.ok) return { ok: false, refusal: refusalOf(response.status, text) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, refusal: unreadable(what) };
  }
  const value = read(body);
  return value === undefined ? { ok: false, refusal: unreadable(what) } : { ok: true, value };
}

/**
 * The store's analysis of an accepted upload (`modelUploadDetail`); null when the store
 * answers with the upload but without an analysis, so the page keeps the browser's.
 */
const readAnalysis = (body: unknown): AnalysisView | null => {
  const parsed = modelUploadDetail.safeParse(body);
  return parsed.success ? fromServerAnalysis(parsed.data.analysis) : null;
};

export const fetchUploadAnalysis = (uploadId: string) =>
  callStore(() => fetch(uploadApiPath(uploadId), { cache: 'no-store' }), readAnalysis, 'analysis');

/** Tells the store the file is in mm or inches; it answers with its analysis at that scale. */
export const sendUnits = (uploadId: string, units: 'mm' | 'inch') =>
  callStore(
    () =>
      fetch(`${uploadApiPath(uploadId)}/units`, {
        method: 'POST',
        headers: { ...storeCall, 'content-type': 'application/json' },
        body: JSON.stringify({ units }),
      }),
    readAnalysis,
    'analysis',
  );

export const fetchQuotes = (uploadId: string, quantity: number): Promise<Outcome<ModelQuotes>> =>
  callStore(
    () => fetch(`${uploadApiPath(uploadId)}/quotes?quantity=${quantity}`, { cache: 'no-store' }),
    (body) => {
      const parsed = modelQuotes.safeParse(body);
      return parsed.success ? parsed.data : undefined;
    },
    'quotes',
  );
