import type { MakerspaceSummary } from '@makrx/contracts';
import { Badge, Card, CoverArt, MapPinIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { equipmentKindIcon, signatureKind } from '../equipment-presentation';
import { AvailableNow } from './availability';

const SHOWN_KINDS = 3;

export function MakerspaceCard({ space }: { space: MakerspaceSummary }) {
  const shownKinds = space.equipmentKinds.slice(0, SHOWN_KINDS);
  const hiddenKinds = space.equipmentKinds.length - shownKinds.length;

  return (
    <Card interactive className="flex h-full flex-col overflow-hidden">
      <CoverArt
        seed={space.slug}
        icon={equipmentKindIcon(signatureKind(space.equipmentKinds))}
        className="h-36"
      />
      <div className="flex flex-1 flex-col p-5">
        <p className="flex items-center gap-1.5 text-sm text-ink-600">
          <MapPinIcon className="size-4 text-ink-500" />
          {space.city}, {space.country}
        </p>
        <h2 className="mt-2 text-lg font-semibold text-ink-950">
          <Link
            to={`/makerspaces/${space.slug}`}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
          >
            {space.name}
          </Link>
        </h2>
        <p className="mt-1 line-clamp-2 text-sm leading-6 text-ink-600">{space.tagline}</p>
        <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Equipment">
          {shownKinds.map((kind) => (
            <li key={kind}>
              <Badge>{kind}</Badge>
            </li>
          ))}
          {hiddenKinds > 0 ? (
            <li>
              <Badge>+{hiddenKinds} more</Badge>
            </li>
          ) : null}
        </ul>
        <div className="mt-auto pt-5">
          <div className="border-t border-ink-100 pt-4">
            <AvailableNow available={space.availableNow} total={space.equipmentCount} />
          </div>
        </div>
      </div>
    </Card>
  );
}
