import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { useLocation, useParams } from 'react-router-dom';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { PhotosPanel } from '../../features/photos/components/photos-panel';
import { useMakerspacePhotoActions, useSettings } from '../../features/settings/api';
import type { CreatedMakerspaceState } from '../../features/settings/components/new-makerspace-form';
import { SettingsForm } from '../../features/settings/components/settings-form';
import { MakerspaceFrame } from '../makerspace-frame';

/** Said once on arriving from the new makerspace form: it exists, and what to do next. */
function CreatedNotice() {
  const created = (useLocation().state as Partial<CreatedMakerspaceState> | null)?.created;
  if (!created) return null;
  return (
    <div
      role="status"
      className="rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900"
    >
      <p className="font-semibold">{created} is open, and you are its admin.</p>
      <p className="mt-1">
        Add its address and opening hours below: until it has hours, nobody can book its machines.
      </p>
    </div>
  );
}

function Settings({ slug }: { slug: string }) {
  const settings = useSettings(slug);
  const photoActions = useMakerspacePhotoActions(slug);
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
      <CreatedNotice />
      <SettingsForm slug={slug} settings={settings.data} />
      <PhotosPanel
        photos={settings.data.photos}
        actions={photoActions}
        leads="the makerspace’s page"
        example="The laser room"
      />
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
