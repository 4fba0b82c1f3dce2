import type { MakerProfile } from '@makrx/contracts';
import { Avatar, Card } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { FollowMakerButton } from './follow-maker-button';

/** Makers to follow, for an empty feed: each with a follow button of its own. */
export function SuggestedMakers({ makers }: { makers: MakerProfile[] }) {
  return (
    <ul className="grid w-full gap-3 text-left sm:grid-cols-2">
      {makers.map((maker) => (
        <li key={maker.handle}>
          <Card className="flex h-full flex-col gap-4 p-4">
            <div className="flex items-start gap-3">
              <Avatar name={maker.displayName} size="sm" />
              <div className="min-w-0">
                <Link
                  to={`/makers/${maker.handle}`}
                  className="font-semibold text-ink-950 hover:underline"
                >
                  {maker.displayName}
                </Link>
                <p className="text-sm text-ink-600">{maker.headline}</p>
              </div>
            </div>
            <div className="mt-auto">
              <FollowMakerButton handle={maker.handle} displayName={maker.displayName} />
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
