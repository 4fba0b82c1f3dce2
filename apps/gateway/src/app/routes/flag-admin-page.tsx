import { useDocumentTitle } from '@makrx/spa-kit';
import { Container, SectionHeader } from '@makrx/ui';
import { FlagAdminGate } from '../../features/flag-admin/components/flag-admin-gate';
import { FlagAdministration } from '../../features/flag-admin/components/flag-administration';

export function FlagAdminPage() {
  useDocumentTitle('Feature flags');
  return (
    <Container className="py-10 sm:py-14">
      <FlagAdminGate>
        <SectionHeader
          titleAs="h1"
          eyebrow="Administration"
          title="Feature flags"
          description="Turn features of MakrX.org, MakrCave and MakrX.Store on and off, roll them out to a share of users, or aim them at roles. A change is proposed with its reason and approved by another admin who may change the flag; super admins may apply an emergency change at once."
        />
        <div className="mt-8">
          <FlagAdministration />
        </div>
      </FlagAdminGate>
    </Container>
  );
}
