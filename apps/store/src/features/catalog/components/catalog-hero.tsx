import Link from 'next/link';
import {
  ArrowRightIcon,
  buttonClasses,
  CheckIcon,
  ChipIcon,
  Container,
  cx,
  formatPrice,
  UsersIcon,
} from '@makrx/ui';
import type { ProductSummary } from '@makrx/contracts';
import { catalogHref, productHref } from '../catalog-query';

const promises = [
  {
    icon: CheckIcon,
    title: 'Live stock levels',
    text: 'Counts come straight from our inventory, so what you see is on the shelf.',
  },
  {
    icon: ChipIcon,
    title: 'Specs you can build with',
    text: 'Print temperatures, pinouts and tolerances on every product page.',
  },
  {
    icon: UsersIcon,
    title: 'Part of MakrX',
    text: 'One maker account for MakrX.org, MakrCave and the Store.',
  },
];

const tilePlacements = [
  'left-0 top-[7%] w-[70%] -rotate-2',
  'right-0 top-0 w-[42%] rotate-3',
  'right-[3%] bottom-[2%] w-[46%] -rotate-3',
];

function Showcase({ products }: { products: ProductSummary[] }) {
  const lead = products[0];
  if (!lead) return null;
  return (
    <div className="relative mx-auto hidden aspect-square w-full max-w-md sm:block lg:max-w-[30rem]">
      {products.slice(0, 3).map((product, index) => (
        <Link
          key={product.id}
          href={productHref(product.slug)}
          className={cx(
            'absolute block aspect-square overflow-hidden rounded-3xl bg-white shadow-lift ring-1 ring-ink-900/5 transition duration-300 hover:z-10 hover:rotate-0 motion-reduce:transition-none',
            tilePlacements[index],
          )}
        >
          <img
            src={product.imageUrl}
            alt={product.name}
            width={800}
            height={800}
            className="size-full object-cover"
          />
        </Link>
      ))}
      <p className="absolute bottom-[6%] left-[-2%] flex max-w-[62%] items-center gap-3 rounded-2xl bg-white px-4 py-3 shadow-lift ring-1 ring-ink-900/5">
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold text-ink-900">{lead.name}</span>
          <span className="block text-xs text-ink-500">{lead.brand}</span>
        </span>
        <span className="shrink-0 rounded-lg bg-accent-600 px-2 py-1 text-sm font-bold text-white tabular-nums">
          {formatPrice(lead.priceCents, lead.currency)}
        </span>
      </p>
    </div>
  );
}

export interface CatalogHeroProps {
  /** Up to three products to show off, usually the first of the featured sort. */
  showcase: ProductSummary[];
  productCount: number;
  categoryCount: number;
}

export function CatalogHero({ showcase, productCount, categoryCount }: CatalogHeroProps) {
  return (
    <section className="relative overflow-hidden border-b border-ink-200 bg-gradient-to-b from-accent-50 via-accent-50/40 to-white">
      <div
        aria-hidden="true"
        className="absolute inset-0 [mask-image:radial-gradient(ellipse_at_top_right,black,transparent_70%)] bg-[linear-gradient(to_right,rgb(154_52_18/0.07)_1px,transparent_1px),linear-gradient(to_bottom,rgb(154_52_18/0.07)_1px,transparent_1px)] bg-[size:36px_36px]"
      />
      <Container className="relative grid items-center gap-12 py-12 sm:py-16 lg:grid-cols-[1.05fr_1fr] lg:gap-16 lg:py-20">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs font-semibold text-accent-700 shadow-sm ring-1 ring-accent-200">
            <span aria-hidden="true" className="size-1.5 rounded-full bg-accent-500" />
            {productCount} maker essentials in {categoryCount} categories
          </p>
          <h1 className="mt-5 text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl lg:text-[3.4rem] lg:leading-[1.05]">
            Materials, parts and tools for your <span className="text-accent-600">next build</span>
          </h1>
          <p className="mt-5 max-w-xl text-lg leading-8 text-ink-600">
            Filament and resin, boards and motors, precision tools and the small hardware every
            project runs on, each with full specifications and live stock.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <a href="#catalog" className={buttonClasses({ size: 'lg' })}>
              Browse the catalog
              <ArrowRightIcon />
            </a>
            <Link
              href={catalogHref({ category: 'filament' })}
              className={buttonClasses({ variant: 'secondary', size: 'lg' })}
            >
              Shop filament
            </Link>
          </div>
          <p className="mt-6 text-sm text-ink-600">
            Need a part printed?{' '}
            <Link
              href="/print"
              className="font-semibold text-accent-700 underline-offset-4 hover:underline"
            >
              Get instant 3D printing quotes
            </Link>{' '}
            from makerspaces near you.
          </p>
        </div>
        <Showcase products={showcase} />
      </Container>
      <div className="relative border-t border-ink-200/70 bg-white/70 backdrop-blur">
        <Container>
          <ul className="grid gap-3 py-5 sm:grid-cols-3 sm:gap-6 sm:py-6">
            {promises.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex items-center gap-3.5 sm:items-start">
                <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-accent-100 text-lg text-accent-700">
                  <Icon />
                </span>
                <span>
                  <span className="block text-sm font-semibold text-ink-900">{title}</span>
                  <span className="mt-0.5 hidden text-sm leading-6 text-ink-600 sm:block">
                    {text}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Container>
      </div>
    </section>
  );
}
