import { ServiceErrorState, useRuntimeConfig } from '@makrx/spa-kit';
import { Card, EmptyState, ShoppingBagIcon, Skeleton } from '@makrx/ui';
import {
  FEATURED_PRODUCT_COUNT,
  productImageUrl,
  productPageUrl,
  useFeaturedProducts,
} from '../api';
import { ProductCard } from './product-card';

const gridClasses = 'grid grid-cols-2 gap-4 sm:gap-5 lg:grid-cols-4';

function FeaturedProductsSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading products…</span>
      <div className={gridClasses}>
        {Array.from({ length: FEATURED_PRODUCT_COUNT }, (_, index) => (
          <Card key={index} className="overflow-hidden">
            <Skeleton className="aspect-[4/3] rounded-none" />
            <div className="space-y-2 p-4">
              <Skeleton className="h-3 w-1/3" />
              <Skeleton className="h-4 w-4/5" />
              <Skeleton className="h-3 w-1/4" />
              <Skeleton className="mt-4 h-5 w-1/3" />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}

export function FeaturedProducts() {
  const { storeUrl, storeApiUrl } = useRuntimeConfig();
  const products = useFeaturedProducts();

  if (products.isPending) return <FeaturedProductsSkeleton />;
  if (products.isError) {
    return (
      <ServiceErrorState
        error={products.error}
        subject="the store’s picks"
        titleAs="h3"
        onRetry={() => void products.refetch()}
      />
    );
  }
  if (products.data.items.length === 0) {
    return (
      <EmptyState
        icon={<ShoppingBagIcon />}
        titleAs="h3"
        title="The shelves are being stocked"
        description="New materials and tools are on their way to MakrX.Store."
      />
    );
  }
  return (
    <ul className={gridClasses}>
      {products.data.items.map((product) => (
        <li key={product.id}>
          <ProductCard
            product={product}
            imageSrc={productImageUrl(product.imageUrl, storeApiUrl)}
            href={productPageUrl(product.slug, storeUrl)}
          />
        </li>
      ))}
    </ul>
  );
}
