import { useDocumentTitle } from '@makrx/spa-kit';
import { Container } from '@makrx/ui';
import { useParams } from 'react-router-dom';
import { SuperAdminGate } from '../../features/user-admin/components/super-admin-gate';
import { UserDetail } from '../../features/user-admin/components/user-detail';
import { paths } from '../paths';

export function UserDetailPage() {
  useDocumentTitle('User');
  const { id = '' } = useParams();
  return (
    <Container className="py-10 sm:py-14">
      <SuperAdminGate>
        <UserDetail userId={id} backTo={paths.userAdmin} />
      </SuperAdminGate>
    </Container>
  );
}
