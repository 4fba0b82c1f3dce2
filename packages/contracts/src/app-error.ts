import type { ErrorCode } from './error-codes';

/**
 * The one error type of the services. A handler throws `new AppError(...)`; the service's error
 * handler turns it into the one error body (`errorBody`) with its status. It lives beside the
 * error body because status, code, message and details are what a client is promised.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    /** One of the catalogue's codes (error-codes.ts), so clients can rely on it. */
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, details?: unknown) =>
  new AppError(404, 'NOT_FOUND', `${what} was not found.`, details);

export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(409, code, message, details);

export const badRequest = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
