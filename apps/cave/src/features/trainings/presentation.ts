import type { TrainingPass } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import type { BadgeTone } from '@makrx/ui';

/** "3 seats left", "1 seat left", "Full". */
export function seatsText(seatsLeft: number): string {
  if (seatsLeft <= 0) return 'Full';
  return `${seatsLeft} ${seatsLeft === 1 ? 'seat' : 'seats'} left`;
}

/** How long a pass lasts: "Valid for 12 months", "Valid for good". */
export function validityText(validityMonths: number | null): string {
  if (validityMonths === null) return 'Valid for good';
  if (validityMonths % 12 === 0) {
    const years = validityMonths / 12;
    return `Valid for ${years} ${years === 1 ? 'year' : 'years'}`;
  }
  return `Valid for ${validityMonths} ${validityMonths === 1 ? 'month' : 'months'}`;
}

/** A pass as a badge: valid, expired or revoked. */
export function passState(pass: Pick<TrainingPass, 'valid' | 'revokedAt'>): {
  label: string;
  tone: BadgeTone;
} {
  if (pass.revokedAt) return { label: 'Revoked', tone: 'danger' };
  return pass.valid ? { label: 'Valid', tone: 'success' } : { label: 'Expired', tone: 'warning' };
}

/**
 * Why the service refused a change to trainings, in words a member or an admin acts on. The
 * service's own message covers the codes this does not name.
 */
export function trainingRefusalOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'That did not work. Try again in a moment.';
  switch (error.code) {
    case 'SESSION_FULL':
      return 'Every seat of this session is taken. Pick another session, or ask the makerspace to add one.';
    case 'SESSION_PAST':
      return 'This session has already started, so its seats can no longer change.';
    case 'SESSION_CANCELLED':
      return 'This session was cancelled.';
    case 'ALREADY_SIGNED_UP':
      return 'You already have a seat in this session.';
    case 'TRAINING_NAME_TAKEN':
      return 'There is already a training of that name. Choose another name.';
    case 'TRAINING_ARCHIVED':
      return 'This training is archived: it takes no new sessions or passes.';
    case 'PASS_REVOKED':
      return 'That pass was already revoked.';
    case 'NOT_A_MEMBER':
      return 'Only members of this makerspace can hold its passes.';
    case 'SERVICE_UNREACHABLE':
      return 'MakrCave could not be reached, so nothing changed. Try again in a moment.';
    default:
      return error.message;
  }
}
