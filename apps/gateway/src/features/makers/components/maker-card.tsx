import type { MakerProfile } from '@makrx/contracts';
import { Avatar, Card, MapPinIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { SkillList } from './skill-list';

export interface MakerCardProps {
  maker: MakerProfile;
  titleAs?: 'h2' | 'h3';
}

export function MakerCard({ maker, titleAs: Title = 'h3' }: MakerCardProps) {
  return (
    <Card interactive className="flex h-full flex-col p-6">
      <div className="flex items-start gap-4">
        <Avatar name={maker.displayName} size="md" />
        <div className="min-w-0">
          <Title className="text-base font-semibold text-ink-950">
            <Link
              to={`/makers/${maker.handle}`}
              className="rounded-sm after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
            >
              {maker.displayName}
            </Link>
          </Title>
          <p className="mt-0.5 text-sm text-ink-600">{maker.headline}</p>
        </div>
      </div>
      <p className="mt-4 line-clamp-2 text-sm leading-6 text-ink-700">{maker.bio}</p>
      <div className="mt-auto pt-5">
        <p className="mb-3 flex items-center gap-1.5 text-sm text-ink-600">
          <MapPinIcon className="size-4 text-ink-500" />
          {maker.location}
        </p>
        <SkillList skills={maker.skills} limit={3} />
      </div>
    </Card>
  );
}
