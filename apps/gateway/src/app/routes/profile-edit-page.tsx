import { ServiceErrorState } from '@makrx/spa-kit';
import { Card, Skeleton } from '@makrx/ui';
import { AccountLayout } from '../../features/account/components/account-layout';
import { Link, useNavigate } from 'react-router-dom';
import { AvatarPicker } from '../../features/makers/components/avatar-picker';
import { ProfileEditForm } from '../../features/makers/components/profile-edit-form';
import { SavedFlash } from '../../features/makers/components/saved-flash';
import { ProfileVisibilityCard } from '../../features/makers/components/profile-visibility-card';
import { useOwnProfile } from '../../features/makers/own-profile-api';

function EditProfile() {
  const profile = useOwnProfile();
  const navigate = useNavigate();
  if (profile.isPending)
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">Loading your profile…</span>
        <Skeleton shape="round" className="size-24" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  if (profile.isError)
    return (
      <ServiceErrorState
        error={profile.error}
        subject="your profile"
        onRetry={() => void profile.refetch()}
      />
    );
  const own = profile.data;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <Card className="p-5 sm:p-8">
        <section aria-labelledby="picture-heading">
          <h2 id="picture-heading" className="mb-4 text-lg font-semibold text-ink-950">
            Picture
          </h2>
          <AvatarPicker profile={own} />
        </section>
        <section aria-labelledby="details-heading" className="mt-8 border-t border-ink-200 pt-8">
          <h2 id="details-heading" className="mb-4 text-lg font-semibold text-ink-950">
            About you
          </h2>
          <ProfileEditForm
            profile={own}
            onSaved={(saved) =>
              saved.public
                ? navigate(`/makers/${saved.handle}`, {
                    state: { flash: 'Your profile is saved. This is how others see it.' },
                  })
                : navigate('.', {
                    replace: true,
                    state: {
                      flash:
                        'Your profile is saved. It is private: make it public for others to see it.',
                    },
                  })
            }
          />
        </section>
      </Card>
      <div className="space-y-6">
        <ProfileVisibilityCard />
        {own.public ? (
          <Card className="p-5">
            <p className="text-sm text-ink-700">
              Others see your profile at{' '}
              <Link
                to={`/makers/${own.handle}`}
                className="font-semibold wrap-anywhere text-accent-700 underline underline-offset-2"
              >
                /makers/{own.handle}
              </Link>
              .
            </p>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

export function ProfileEditPage() {
  return (
    <AccountLayout
      title="Profile"
      description="Your picture, name, city, skills and links, shown on your public page and in the makers directory."
    >
      <SavedFlash className="-mt-2 mb-6" />
      <EditProfile />
    </AccountLayout>
  );
}
