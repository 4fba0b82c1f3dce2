import { buttonClasses } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useFeatureAccess } from '../access';

export const featuresPath = (slug: string) =>
  `/makerspaces/${encodeURIComponent(slug)}/manage/features`;

/** "Features" in the makerspace's settings, shown only to the people who may manage them. */
export function ManageFeaturesLink({ slug }: { slug: string }) {
  const access = useFeatureAccess(slug);
  if (access.status !== 'allowed') return null;
  return (
    <Link to={featuresPath(slug)} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      Manage features
    </Link>
  );
}
