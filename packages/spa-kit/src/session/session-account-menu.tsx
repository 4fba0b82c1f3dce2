import { AccountMenu } from '@makrx/ui';
import { useSession } from './session-context';

/** The header's account menu, driven by this tab's session. */
export function SessionAccountMenu({ links }: { links?: Array<{ href: string; label: string }> }) {
  const session = useSession();
  if (session.status === 'signed-in' && session.user) {
    return (
      <AccountMenu
        status="signed-in"
        user={session.user}
        signOut={{ onSelect: session.signOut }}
        links={links}
      />
    );
  }
  if (session.status === 'signed-out') {
    return <AccountMenu status="signed-out" signIn={{ onSelect: session.signIn }} />;
  }
  return <AccountMenu status="loading" />;
}
