import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { useParams } from 'react-router-dom';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { useSettings } from '../../features/settings/api';
import { PhotosPanel } from '../../features/settings/components/photos-panel';
import { SettingsForm } from '../../features/settings/components/settings-form';
import { MakerspaceFrame } from '../makerspace-frame';

function Settings({ slug }: { slug: string }) {
  const settings = useSettings(slug);
  if (settings.isPending)
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">Loading the settings…</span>
        <Skeleton className="h-64 rounded-2xl" />
        <Skeleton className="h-96 rounded-2xl" />
      </div>
    );
  if (settings.isError)
    return (
      <ServiceErrorState
        error={settings.error}
        subject="the settings"
        onRetry={() => void settings.refetch()}
      />
    );
  return (
    <div className="space-y-6">
      <SettingsForm slug={slug} settings={settings.data} />
      <PhotosPanel slug={slug} photos={settings.data.photos} />
    </div>
  );
}

/** A makerspace's settings, for its admins: what it says about itself, when it is open. */
export function SettingsPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  useDocumentTitle(makerspace.data ? `Settings · ${makerspace.data.name}` : 'Settings');
  return (
    <MakerspaceFrame
      slug={slug}
      title="Settings"
      description="What members and visitors read about the makerspace, and when it is open for bookings."
    >
      <MakerspaceGate slug={slug} needs="runMakerspace" audience="the makerspace’s admins">
        <Settings slug={slug} />
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
