import type { Product } from '@makrx/contracts';

/** The product's photos: the first large, the others beside it; the catalog image otherwise. */
export function ProductGallery({
  product,
}: {
  product: Pick<Product, 'name' | 'imageUrl' | 'images'>;
}) {
  const images =
    product.images.length > 0
      ? product.images
      : [{ id: 'catalog', url: product.imageUrl, alt: product.name }];
  const [main, ...more] = images;
  return (
    <div>
      <div className="overflow-hidden rounded-3xl bg-ink-100 ring-1 ring-ink-900/5 ring-inset">
        <img
          src={main!.url}
          alt={main!.alt || product.name}
          width={800}
          height={800}
          fetchPriority="high"
          className="aspect-square size-full object-cover"
        />
      </div>
      {more.length > 0 ? (
        <ul className="mt-3 grid grid-cols-4 gap-3" aria-label="More photos">
          {more.map((image) => (
            <li
              key={image.id}
              className="overflow-hidden rounded-xl bg-ink-100 ring-1 ring-ink-900/5 ring-inset"
            >
              <a
                href={image.url}
                className="block focus-visible:outline-2 focus-visible:outline-accent-600"
              >
                <img
                  src={image.url}
                  alt={image.alt || product.name}
                  width={200}
                  height={200}
                  loading="lazy"
                  className="aspect-square size-full object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
