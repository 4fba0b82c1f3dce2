/* Words on the landing's cards (loaded with the sections below the fold). */

/** "Bengaluru, India", or whichever part is known. */
export function placeText(city: string, country: string): string {
  return [city, country].filter((part) => part.trim().length > 0).join(', ');
}

/** "4.7 ★ (12 ratings)", "New provider" before the first rating. */
export function ratingText(rating: { average: number | null; count: number }): string {
  if (rating.average === null || rating.count === 0) return 'New provider';
  const ratings = rating.count === 1 ? '1 rating' : `${rating.count} ratings`;
  return `${rating.average.toFixed(1)} ★ (${ratings})`;
}
