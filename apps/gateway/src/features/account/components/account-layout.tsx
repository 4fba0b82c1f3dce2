import { useDocumentTitle, useSession } from '@makrx/spa-kit';
import { Button, Container, EmptyState, SectionHeader, SubNav, ShieldIcon } from '@makrx/ui';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { accountNavItems } from '../sections';
import { useAccountFlagsOn } from '../use-account-sections';

export interface AccountLayoutProps {
  title: string;
  description: string;
  children: ReactNode;
}

/**
 * One page of the account area: signed-in people only, its title and the account's sections
 * as tabs under it. A guest is asked to sign in rather than shown an empty form.
 */
export function AccountLayout({ title, description, children }: AccountLayoutProps) {
  useDocumentTitle(title === 'Your account' ? title : `${title} · Your account`);
  const session = useSession();
  const { pathname } = useLocation();
  const flagsOn = useAccountFlagsOn();
  return (
    <Container className="py-10 sm:py-14">
      {session.status === 'loading' ? (
        <p role="status" className="py-16 text-center text-ink-600">
          Checking your account…
        </p>
      ) : session.status === 'signed-out' ? (
        <EmptyState
          titleAs="h1"
          icon={<ShieldIcon />}
          title="Sign in to manage your account"
          description="Your preferences, addresses and data are kept with your MakrX account."
          action={<Button onClick={session.signIn}>Sign in</Button>}
        />
      ) : (
        <>
          <SectionHeader
            titleAs="h1"
            eyebrow="Your account"
            title={title}
            description={description}
          />
          <SubNav
            label="Your account"
            items={accountNavItems(pathname, flagsOn)}
            className="mt-6"
          />
          <div className="mt-8">{children}</div>
        </>
      )}
    </Container>
  );
}
