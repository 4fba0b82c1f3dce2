import { SignedInOnly, useDocumentTitle } from '@makrx/spa-kit';
import { Container, SectionHeader, SubNav, ShieldIcon } from '@makrx/ui';
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
  const { pathname } = useLocation();
  const flagsOn = useAccountFlagsOn();
  return (
    <Container className="py-10 sm:py-14">
      <SignedInOnly
        icon={<ShieldIcon />}
        title="Sign in to manage your account"
        description="Your preferences, addresses and data are kept with your MakrX account."
      >
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
      </SignedInOnly>
    </Container>
  );
}
