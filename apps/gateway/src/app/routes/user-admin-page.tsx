import { useDocumentTitle } from '@makrx/spa-kit';
import { Container, SectionHeader } from '@makrx/ui';
import { SuperAdminGate } from '../../features/user-admin/components/super-admin-gate';
import { UserAdministration } from '../../features/user-admin/components/user-administration';
import { paths } from '../paths';

export function UserAdminPage() {
  useDocumentTitle('Users');
  return (
    <Container className="py-10 sm:py-14">
      <SuperAdminGate>
        <SectionHeader
          titleAs="h1"
          eyebrow="Administration"
          title="Users"
          description="Find anyone with a MakrX account, give or take away their global roles, and lock or unlock their account (super admins); domain admins manage their own domain’s admin role. Every change is recorded in the audit log under your name."
        />
        <div className="mt-8">
          <UserAdministration basePath={paths.userAdmin} />
        </div>
      </SuperAdminGate>
    </Container>
  );
}
