import { useDocumentTitle } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { useParams } from 'react-router-dom';
import { MakerspaceFeatures } from '../../features/makerspace-features/components/makerspace-features';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceFrame } from '../makerspace-frame';

export function MakerspaceFeaturesPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const name = makerspace.data?.name;
  useDocumentTitle(name ? `Features · ${name}` : 'Features');

  return (
    <MakerspaceFrame
      slug={slug}
      title="Features"
      description={`Switch features on or off for ${name ?? 'this makerspace'} alone. Each change needs a reason, reaches your members within seconds, and is kept in the feature’s history.`}
    >
      {makerspace.data ? (
        <MakerspaceFeatures space={makerspace.data} />
      ) : (
        <Skeleton className="h-52 rounded-2xl" />
      )}
    </MakerspaceFrame>
  );
}
