'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { SearchSuggestions } from '@makrx/contracts';
import { cx, formatPrice, SearchIcon } from '@makrx/ui';
import { catalogHref, productHref } from '../catalog-query';

/** How long typing must pause before the box asks for suggestions. */
const PAUSE_MS = 200;
/** Fewer letters than this suggest too much to be of use. */
const MIN_LETTERS = 2;

interface Choice {
  key: string;
  href: string;
  label: string;
  price?: string;
  imageUrl?: string;
}

const choicesOf = (found: SearchSuggestions) => ({
  products: found.products.map<Choice>((p) => ({
    key: `product-${p.slug}`,
    href: productHref(p.slug),
    label: p.name,
    price: formatPrice(p.priceCents, p.currency),
    imageUrl: p.imageUrl,
  })),
  categories: found.categories.map<Choice>((c) => ({
    key: `category-${c.slug}`,
    href: catalogHref({ category: c.slug }),
    label: c.name,
  })),
});

/**
 * The store header's search box: a plain GET form to the store's own `/search`, so it works
 * without JavaScript; with it, a combobox that offers products (name, price, picture) and
 * categories as the shopper types. Arrow keys move through them, Enter opens the one chosen
 * (or searches when none is), Escape closes the list.
 */
export function StoreHeaderSearch({ defaultQuery = '' }: { defaultQuery?: string }) {
  const id = useId();
  const listId = `${id}-list`;
  const router = useRouter();
  const [query, setQuery] = useState(defaultQuery);
  const [typed, setTyped] = useState(false);
  const [found, setFound] = useState<ReturnType<typeof choicesOf> | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef<AbortController | null>(null);

  const choices = found ? [...found.products, ...found.categories] : [];
  const wanted = query.trim();

  useEffect(() => {
    if (!typed) return;
    asked.current?.abort();
    if (wanted.length < MIN_LETTERS) {
      setFound(null);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    asked.current = controller;
    const timer = setTimeout(() => {
      fetch(`/api/search/suggestions?${new URLSearchParams({ q: wanted.slice(0, 100) })}`, {
        signal: controller.signal,
      })
        .then((response) => (response.ok ? (response.json() as Promise<SearchSuggestions>) : null))
        .then((body) => {
          if (controller.signal.aborted) return;
          const next = body ? choicesOf(body) : null;
          setFound(next);
          setActive(-1);
          setOpen(next !== null && next.products.length + next.categories.length > 0);
        })
        .catch(() => undefined);
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [wanted, typed]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const go = (choice: Choice) => {
    close();
    router.push(choice.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = choices.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (!open) {
        setOpen(true);
        setActive(down ? 0 : count - 1);
        return;
      }
      setActive((current) =>
        down ? (current + 1) % count : current <= 0 ? count - 1 : current - 1,
      );
    } else if (event.key === 'Enter' && open && active >= 0 && choices[active]) {
      event.preventDefault();
      go(choices[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  const optionId = (index: number) => `${id}-option-${index}`;
  let index = -1;
  const group = (title: string, items: Choice[]) =>
    items.length === 0 ? null : (
      <div role="group" aria-labelledby={`${id}-${title}`}>
        <div
          id={`${id}-${title}`}
          role="presentation"
          className="px-3 pt-2.5 pb-1 text-xs font-semibold tracking-wide text-ink-500 uppercase"
        >
          {title}
        </div>
        {items.map((choice) => {
          index += 1;
          const at = index;
          return (
            <div
              key={choice.key}
              id={optionId(at)}
              role="option"
              aria-selected={at === active}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(at)}
              onClick={() => go(choice)}
              className={cx(
                'flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-3 py-1.5 text-sm text-ink-900',
                at === active && 'bg-accent-50 text-ink-950',
              )}
            >
              {choice.imageUrl ? (
                <img
                  src={choice.imageUrl}
                  alt=""
                  width={40}
                  height={40}
                  className="size-10 shrink-0 rounded-md bg-ink-100 object-cover"
                />
              ) : null}
              <span className="min-w-0 flex-1 truncate">{choice.label}</span>
              {choice.price ? (
                <span className="shrink-0 font-semibold text-ink-950 tabular-nums">
                  {choice.price}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    );

  return (
    <form role="search" aria-label="Store" action="/search" method="get" className="relative">
      <label htmlFor={`${id}-box`} className="sr-only">
        Search the store
      </label>
      <SearchIcon
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-500"
      />
      <input
        id={`${id}-box`}
        type="search"
        name="q"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        required
        maxLength={100}
        value={query}
        onChange={(event) => {
          setTyped(true);
          setQuery(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(choices.length > 0 && wanted.length >= MIN_LETTERS)}
        onBlur={close}
        placeholder="Search"
        autoComplete="off"
        enterKeyHint="search"
        className="h-10 w-full rounded-lg border-0 bg-ink-50 pr-3 pl-9 text-base text-ink-950 ring-1 ring-ink-200 ring-inset placeholder:text-ink-500 focus:bg-white focus:ring-2 focus:ring-accent-600 focus:outline-none sm:text-sm"
      />
      <button type="submit" className="sr-only">
        Search
      </button>
      <div
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!open}
        className="absolute top-full left-0 z-50 mt-2 max-h-[70vh] w-full overflow-y-auto rounded-xl bg-white p-1.5 shadow-lift ring-1 ring-ink-900/10 sm:w-[26rem]"
      >
        {found ? group('Products', found.products) : null}
        {found ? group('Categories', found.categories) : null}
      </div>
      {/* A live region, not a status: the page's own status messages stay the page's only one. */}
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {typed && found && wanted.length >= MIN_LETTERS
          ? choices.length > 0
            ? `${choices.length} suggestions; the up and down arrows move through them.`
            : 'No suggestions.'
          : ''}
      </p>
    </form>
  );
}
