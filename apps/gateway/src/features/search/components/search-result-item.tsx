import type { SearchResult } from '@makrx/contracts/search-kinds';
import { useRuntimeConfig } from '@makrx/spa-kit';
import { Avatar } from '@makrx/ui';
import { resultHref, resultImage } from '../api';
import { kindPresentation } from '../kinds';

function Thumbnail({ result, imageSrc }: { result: SearchResult; imageSrc: string | undefined }) {
  if (imageSrc) {
    return (
      <img
        src={imageSrc}
        alt=""
        width={56}
        height={56}
        loading="lazy"
        className="size-14 shrink-0 rounded-lg bg-ink-50 object-cover ring-1 ring-ink-200"
      />
    );
  }
  if (result.kind === 'maker') return <Avatar name={result.title} size="md" className="size-14" />;
  return (
    <span
      aria-hidden="true"
      className="grid size-14 shrink-0 place-items-center rounded-lg bg-accent-50 text-2xl text-accent-700 ring-1 ring-accent-100"
    >
      {kindPresentation[result.kind].icon}
    </span>
  );
}

/** One result: a link to its page in the app that shows it. */
export function SearchResultItem({ result }: { result: SearchResult }) {
  const config = useRuntimeConfig();
  return (
    <li>
      <a
        href={resultHref(result, config)}
        className="group flex gap-4 rounded-xl p-3 transition-colors hover:bg-ink-50 focus-visible:bg-ink-50 focus-visible:ring-2 focus-visible:ring-accent-600 focus-visible:outline-none"
      >
        <Thumbnail result={result} imageSrc={resultImage(result, config)} />
        <span className="min-w-0 flex-1">
          <span className="block font-semibold text-ink-950 group-hover:text-accent-700">
            {result.title}
          </span>
          <span className="mt-0.5 line-clamp-2 block text-sm leading-6 text-ink-600">
            {result.summary}
          </span>
          <span className="mt-1 block text-xs text-ink-500">
            {kindPresentation[result.kind].appName}
          </span>
        </span>
      </a>
    </li>
  );
}
