import type { MakerProfile } from '@makrx/contracts';
import { Card, MapPinIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { textOfHtml } from '../presentation';
import { MakerAvatar } from './maker-avatar';
import { SkillList } from './skill-list';

export interface MakerCardProps {
  maker: MakerProfile;
  titleAs?: 'h2' | 'h3';
}

export function MakerCard({ maker, titleAs: Title = 'h3' }: MakerCardProps) {
  return (
    <Card interactive className="flex h-full flex-col p-6">
      <div className="flex items-start gap-4">
        <MakerAvatar name={maker.displayName} avatar={maker.avatar} size="md" />
        <div className="min-w-0">
          <Title className="text-base font-semibold text-ink-950">
            <Link
              to={`/makers/${maker.handle}`}
              className="rounded-sm after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
            >
              {maker.displayName}
            </Link>
          </Title>
          {maker.headline ? <p className="mt-0.5 text-sm text-ink-600">{maker.headline}</p> : null}
        </div>
      </div>
      {maker.bio ? (
        <p className="mt-4 line-clamp-2 text-sm leading-6 text-ink-700">
          {textOfHtml(maker.bioHtml)}
        </p>
      ) : null}
      <div className="mt-auto pt-5">
        {maker.location ? (
          <p className="mb-3 flex items-center gap-1.5 text-sm text-ink-600">
            <MapPinIcon className="size-4 text-ink-500" />
            {maker.location}
          </p>
        ) : null}
        <SkillList skills={maker.skills} limit={3} />
      </div>
    </Card>
  );
}
