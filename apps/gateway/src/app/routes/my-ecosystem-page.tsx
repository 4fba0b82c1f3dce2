import { SignedInOnly, useDocumentTitle } from '@makrx/spa-kit';
import { CompassIcon, Container, SectionHeader } from '@makrx/ui';
import { PurchaseSummaryCard } from '../../features/addresses/components/purchase-summary-card';
import {
  MyMakerspaces,
  MyPrints,
  MyRecentOrders,
} from '../../features/ecosystem/components/my-ecosystem';
import { PurchaseSharingCard } from '../../features/ecosystem/components/purchase-sharing-card';

/** "My ecosystem": one page of what the signed-in user has in all three portals. */
export function MyEcosystemPage() {
  useDocumentTitle('My ecosystem');
  return (
    <Container className="py-10 sm:py-14">
      <SignedInOnly
        icon={<CompassIcon />}
        title="Sign in to see your ecosystem"
        description="Your makerspaces, orders and prints across MakrX, on one page."
      >
        <>
          <SectionHeader
            titleAs="h1"
            eyebrow="Your account"
            title="My ecosystem"
            description="Your makerspaces, orders and prints across MakrCave and MakrX.Store, in one place."
          />
          <div className="mt-10 grid gap-12 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:gap-10">
            <div className="space-y-12">
              <MyMakerspaces />
              <MyRecentOrders />
            </div>
            <div className="space-y-12">
              <MyPrints />
              <div className="space-y-4">
                <PurchaseSummaryCard />
                <PurchaseSharingCard />
              </div>
            </div>
          </div>
        </>
      </SignedInOnly>
    </Container>
  );
}
