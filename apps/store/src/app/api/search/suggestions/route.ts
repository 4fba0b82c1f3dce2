import { suggestionsFor } from '../../../../features/catalog/search-suggestions';

/** What the header's search box offers as a shopper types (`?q=`). */
export function GET(request: Request) {
  return suggestionsFor(request);
}
