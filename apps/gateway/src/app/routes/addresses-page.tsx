import { ServiceErrorState } from '@makrx/spa-kit';
import { AccountLayout } from '../../features/account/components/account-layout';
import { Card, Skeleton } from '@makrx/ui';
import { useShippingPreferences } from '../../features/addresses/api';
import { AddressBook } from '../../features/addresses/components/address-book';
import { PurchaseSummaryCard } from '../../features/addresses/components/purchase-summary-card';
import { ShippingMethodForm } from '../../features/addresses/components/shipping-method-form';
import { ProfileVisibilityCard } from '../../features/makers/components/profile-visibility-card';

function AddressesAndMethod() {
  const preferences = useShippingPreferences();
  if (preferences.isPending)
    return (
      <div className="grid gap-4 sm:grid-cols-2" aria-busy="true">
        <Skeleton className="h-44 w-full" />
        <Skeleton className="h-44 w-full" />
      </div>
    );
  if (preferences.isError)
    return (
      <ServiceErrorState
        error={preferences.error}
        subject="your addresses"
        onRetry={() => void preferences.refetch()}
      />
    );
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-labelledby="saved-addresses">
        <h2 id="saved-addresses" className="mb-4 text-xl font-semibold text-ink-950">
          Saved addresses
        </h2>
        <AddressBook addresses={preferences.data.addresses} />
      </section>
      <div className="space-y-6">
        <Card className="p-5">
          <section aria-labelledby="default-shipping-method">
            <h2 id="default-shipping-method" className="text-lg font-semibold text-ink-950">
              Default shipping method
            </h2>
            <p className="mt-1 mb-4 text-sm text-ink-700">
              MakrX.Store’s checkout starts with this one; you can still change it per order.
            </p>
            <ShippingMethodForm current={preferences.data.defaultShippingMethod} />
          </section>
        </Card>
        <ProfileVisibilityCard />
        <PurchaseSummaryCard />
      </div>
    </div>
  );
}

export function AddressesPage() {
  return (
    <AccountLayout
      title="Addresses"
      description="Where your MakrX.Store orders go. The default is picked for you at checkout."
    >
      <AddressesAndMethod />
    </AccountLayout>
  );
}
