import { BuildingIcon, ContextSwitcher } from '@makrx/ui';
import { makerspaceSlugOf, paths } from '../../../paths';
import { useMyMakerspaces } from '../api';
import { lastMakerspace } from '../last-makerspace';
import { rolesText } from '../roles';

/**
 * The header's way between the signed-in person's makerspaces, showing the one they are in (or
 * were in last). Absent for guests and for people in no makerspace.
 */
export function MakerspaceSwitcher({ pathname }: { pathname: string }) {
  const mine = useMyMakerspaces();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  const here = makerspaceSlugOf(pathname);
  const isMine = (slug: string | undefined) =>
    slug !== undefined && items.some((item) => item.makerspace.slug === slug);
  const current = isMine(here) ? here : isMine(lastMakerspace()) ? lastMakerspace() : undefined;
  return (
    <ContextSwitcher
      label="Your makerspaces"
      placeholder="Your makerspaces"
      icon={<BuildingIcon />}
      currentHref={current ? paths.makerspace(current) : undefined}
      options={items.map(({ makerspace, roles }) => ({
        href: paths.makerspace(makerspace.slug),
        label: makerspace.name,
        detail: rolesText(roles),
      }))}
    />
  );
}
