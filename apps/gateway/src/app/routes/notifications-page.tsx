import { SignedInOnly, useDocumentTitle } from '@makrx/spa-kit';
import { BellIcon, Container, SectionHeader } from '@makrx/ui';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { NotificationPreferencesForm } from '../../features/notifications/components/notification-preferences-form';
import { paths } from '../paths';

export function NotificationsPage() {
  useDocumentTitle('Notifications');
  return (
    <Container className="py-10 sm:py-14">
      <SignedInOnly
        icon={<BellIcon />}
        title="Sign in to see your notifications"
        description="Notifications from MakrX.org, MakrCave and MakrX.Store are kept with your account."
      >
        <>
          <SectionHeader
            titleAs="h1"
            eyebrow="Your account"
            title="Notifications"
            description="What happened to your account, your orders and your makerspaces, across MakrX."
          />
          <div className="mt-8 grid gap-12 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <section aria-label="Notifications">
              <NotificationList basePath={paths.notifications} />
            </section>
            <section aria-labelledby="notification-preferences">
              <h2 id="notification-preferences" className="text-xl font-semibold text-ink-950">
                Preferences
              </h2>
              <p className="mt-1 mb-5 text-sm text-ink-700">
                Choose what you’re told about, and how. Important ones go by email unless you turn
                that off.
              </p>
              <NotificationPreferencesForm />
            </section>
          </div>
        </>
      </SignedInOnly>
    </Container>
  );
}
