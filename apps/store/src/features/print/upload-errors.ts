import { errorBody } from '@makrx/contracts';

/** A refusal from the store service (through the store app), as the page shows it. */
export interface UploadRefusal {
  status: number;
  code: string;
  message: string;
}

/**
 * Reads the one error body the services answer with; a body without one (a proxy's page, no
 * body at all) gets a message from its status.
 */
export function refusalOf(status: number, bodyText: string | undefined): UploadRefusal {
  try {
    const parsed = errorBody.safeParse(JSON.parse(bodyText ?? ''));
    if (parsed.success) {
      return { status, code: parsed.data.error.code, message: parsed.data.error.message };
    }
  } catch {
    // Not JSON: named by its status below.
  }
  return { status, code: fallbackCode(status), message: fallbackMessage(status) };
}

function fallbackCode(status: number): string {
  if (status === 0) return 'SERVICE_UNREACHABLE';
  if (status === 401) return 'AUTHENTICATION_REQUIRED';
  if (status === 413) return 'FILE_TOO_LARGE';
  return 'UNEXPECTED_ANSWER';
}

function fallbackMessage(status: number): string {
  if (status === 0)
    return 'The connection dropped and could not be resumed. Try again when you are back online.';
  if (status === 401) return 'Your session ended. Sign in again to upload.';
  if (status === 413) return 'The file is larger than the store accepts.';
  if (status === 404)
    return 'The store does not know this upload (any more). Upload the file again.';
  return `The store could not take the file (status ${status}). Try again in a moment.`;
}
