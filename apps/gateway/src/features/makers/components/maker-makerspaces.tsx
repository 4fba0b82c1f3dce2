import type { ProfileMakerspace } from '@makrx/contracts';
import { BuildingIcon } from '@makrx/ui';
import { makerspaceRoleLabel } from '../presentation';

export interface MakerMakerspacesProps {
  makerspaces: ProfileMakerspace[];
  /** MakrCave's address: each makerspace's public page is there. */
  caveUrl: string;
}

/** The makerspaces the maker belongs to (one at least), each leading to its page on MakrCave. */
export function MakerMakerspaces({ makerspaces, caveUrl }: MakerMakerspacesProps) {
  return (
    <section aria-labelledby="makerspaces-heading">
      <h2 id="makerspaces-heading" className="text-lg font-semibold text-ink-950">
        Makerspaces
      </h2>
      <ul className="mt-3 space-y-3">
        {makerspaces.map((space) => (
          <li key={space.slug} className="flex items-start gap-3 text-sm">
            <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent-100 text-accent-700">
              <BuildingIcon className="size-4" aria-hidden />
            </span>
            <span className="min-w-0 flex-1">
              <a
                href={`${caveUrl}/makerspaces/${encodeURIComponent(space.slug)}`}
                className="rounded-sm font-semibold wrap-anywhere text-ink-900 underline-offset-2 hover:text-accent-800 hover:underline"
              >
                {space.name}
              </a>
              <span className="block text-xs text-ink-500">{makerspaceRoleLabel(space.roles)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
