import { Button, SparkIcon } from '@makrx/ui';
import { useFeatureProject, useMyFeaturedProjects } from '../api';

export interface FeatureOnProfileProps {
  projectId: string;
  visibility: 'public' | 'private';
}

/**
 * The owner's switch that features a project on their MakrX.org profile. A private project
 * cannot be featured (nobody else could open it), and says so instead of offering the switch.
 */
export function FeatureOnProfile({ projectId, visibility }: FeatureOnProfileProps) {
  const featured = useMyFeaturedProjects();
  const change = useFeatureProject();
  if (visibility === 'private') {
    return (
      <p className="text-sm text-ink-600">
        Make the project public to feature it on your MakrX.org profile.
      </p>
    );
  }
  const isFeatured = featured.data?.items.some((p) => p.id === projectId) ?? false;
  return (
    <div>
      <Button
        variant={isFeatured ? 'secondary' : 'primary'}
        size="sm"
        aria-pressed={isFeatured}
        disabled={featured.isPending || change.isPending}
        onClick={() => change.mutate({ projectId, featured: !isFeatured })}
      >
        <SparkIcon />
        {isFeatured ? 'Featured on your profile' : 'Feature on my profile'}
      </Button>
      {change.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {change.error.message}
        </p>
      ) : null}
    </div>
  );
}
