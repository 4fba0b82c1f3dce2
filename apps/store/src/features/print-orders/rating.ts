/** What a print's rating takes: 1 to 5 whole stars and a comment of at most 1000 characters. */
export const COMMENT_MAX = 1000;
export const STAR_VALUES = [1, 2, 3, 4, 5] as const;

/** The words for each number of stars, read out with the radio buttons. */
export const starWords: Record<(typeof STAR_VALUES)[number], string> = {
  1: 'Poor',
  2: 'Fair',
  3: 'Good',
  4: 'Very good',
  5: 'Excellent',
};

/** A form's stars field as a whole number from 1 to 5, or null. */
export function parseStars(value: FormDataEntryValue | null): number | null {
  if (typeof value !== 'string' || !/^[1-5]$/.test(value)) return null;
  return Number(value);
}

/** Why a rating was not taken, in words for the buyer (by the form's or the service's code). */
export function ratingProblem(code: string): string {
  switch (code) {
    case 'NO_STARS':
      return 'Choose from 1 to 5 stars.';
    case 'COMMENT_TOO_LONG':
    case 'VALIDATION_FAILED':
      return `Keep the comment to ${COMMENT_MAX} characters.`;
    case 'PRINT_ALREADY_RATED':
      return 'You rated this print already.';
    case 'PRINT_NOT_DELIVERED':
      return 'You can rate the print once it has been delivered.';
    case 'NOT_THE_BUYER':
      return 'Only the customer who bought the print can rate it.';
    case 'AUTHENTICATION_REQUIRED':
      return 'Sign in to rate your print.';
    default:
      return 'The rating could not be saved. Try again in a moment.';
  }
}
