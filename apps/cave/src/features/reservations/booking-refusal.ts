import { ApiError } from '@makrx/spa-kit';
import { formatSlot } from './presentation';

interface Slot {
  startsAt: string;
  endsAt: string;
}

const isSlot = (value: unknown): value is Slot =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Slot).startsAt === 'string' &&
  typeof (value as Slot).endsAt === 'string';

/** The field messages of a VALIDATION_FAILED answer: "ends after it starts". */
function fieldMessages(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details
    .map((detail: { message?: unknown }) => detail?.message)
    .filter((message): message is string => typeof message === 'string');
}

/**
 * Why a booking was refused, in words, with the times the service named (UTC in its answer)
 * shown in the makerspace's zone. The service's own message covers what this does not know.
 */
export function bookingRefusalOf(error: unknown, timeZone: string): string {
  if (!(error instanceof ApiError)) return 'The booking could not be made. Try again in a moment.';
  const details = (error.details ?? {}) as Record<string, unknown>;
  switch (error.code) {
    case 'SLOT_TAKEN':
      return isSlot(details.taken)
        ? `Someone booked this machine for ${formatSlot(details.taken.startsAt, details.taken.endsAt, timeZone)} just before you. Choose a time outside that booking.`
        : error.message;
    case 'MAINTENANCE_SCHEDULED':
      return isSlot(details.maintenance)
        ? `The machine is under maintenance ${formatSlot(details.maintenance.startsAt, details.maintenance.endsAt, timeZone)}. Choose a time outside it.`
        : error.message;
    case 'VALIDATION_FAILED': {
      const problems = fieldMessages(error.details);
      return problems.length > 0
        ? `Check the time: a booking ${problems.join(' and ')}.`
        : error.message;
    }
    case 'SERVICE_UNREACHABLE':
      return 'MakrCave could not be reached, so nothing was booked. Try again in a moment.';
    default:
      return error.message;
  }
}
