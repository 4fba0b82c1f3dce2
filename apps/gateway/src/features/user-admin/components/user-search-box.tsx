import { SearchIcon } from '@makrx/ui';
import { useEffect, useId, useState } from 'react';

/** Long enough to skip the keystrokes in a word, short enough to feel immediate. */
const SEARCH_DELAY_MS = 300;

export interface UserSearchBoxProps {
  /** The search in the URL. */
  query: string;
  onSearch: (query: string) => void;
}

/** Searches as you type, once typing pauses; Enter searches at once. */
export function UserSearchBox({ query, onSearch }: UserSearchBoxProps) {
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState(query);
  const [searched, setSearched] = useState(query);

  // The URL moved on its own (back button, "Clear search"): show its search in the box.
  if (query !== searched) {
    setSearched(query);
    if (draft.trim() !== query) setDraft(query);
  }

  useEffect(() => {
    const next = draft.trim();
    if (next === query) return;
    const timer = setTimeout(() => onSearch(next), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, query, onSearch]);

  return (
    <form
      role="search"
      aria-label="Users"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
      className="max-w-xl"
    >
      <label htmlFor={inputId} className="block text-sm font-semibold text-ink-900">
        Search users
      </label>
      <div className="relative mt-2">
        <SearchIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-ink-500"
        />
        <input
          id={inputId}
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          placeholder="Name, email or username"
          className="h-11 w-full rounded-xl border-0 bg-white pr-4 pl-11 text-base text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-500 sm:text-sm"
        />
      </div>
      <p id={hintId} className="mt-2 text-sm text-ink-600">
        Matches any part of a name, email address or username.
      </p>
    </form>
  );
}
