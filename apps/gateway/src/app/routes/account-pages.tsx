import { Card } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { AccountLayout } from '../../features/account/components/account-layout';
import { PreferencesForm } from '../../features/account/components/preferences-form';
import { YourData } from '../../features/account/components/your-data';
import { useAccountSections } from '../../features/account/use-account-sections';

export function AccountOverviewPage() {
  const sections = useAccountSections();
  return (
    <AccountLayout
      title="Your account"
      description="Everything about your MakrX account, for MakrX.org, MakrCave and MakrX.Store alike."
    >
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.path}>
            <Link
              to={section.path}
              className="block h-full rounded-2xl focus-visible:outline-2 focus-visible:outline-accent-600"
            >
              <Card className="h-full p-5 transition-colors hover:border-accent-300">
                <h2 className="text-lg font-semibold text-ink-950">{section.label}</h2>
                <p className="mt-1 text-sm text-ink-700">{section.summary}</p>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </AccountLayout>
  );
}

export function AccountPreferencesPage() {
  return (
    <AccountLayout
      title="Preferences"
      description="How MakrX shows you numbers, prices and times, in all three apps."
    >
      <PreferencesForm />
    </AccountLayout>
  );
}

export function AccountDataPage() {
  return (
    <AccountLayout
      title="Your data"
      description="Take a copy of everything MakrX holds about you, or delete your account."
    >
      <YourData />
    </AccountLayout>
  );
}
