import {
  portalUrlsOf,
  useDocumentTitle,
  useFlag,
  useRuntimeConfig,
  useSession,
} from '@makrx/spa-kit';
import { ArrowRightIcon, Container, SectionHeader } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { Hero } from '../../features/ecosystem/components/hero';
import { MakerspaceInvitation } from '../../features/ecosystem/components/makerspace-invitation';
import { PortalCards } from '../../features/ecosystem/components/portal-cards';
import { FeaturedMakers } from '../../features/makers/components/featured-makers';
import { FeaturedProducts } from '../../features/products/components/featured-products';

const seeAllClasses =
  'inline-flex items-center gap-1.5 rounded-md text-sm font-semibold text-accent-700 hover:text-accent-900';

export function HomePage() {
  const config = useRuntimeConfig();
  const { user } = useSession();
  const showMakerSpotlight = useFlag('SHOW_MAKER_SPOTLIGHT', true);
  useDocumentTitle(undefined);

  return (
    <>
      <Hero caveUrl={config.caveUrl} greetName={user?.name.split(' ')[0]} />

      <section aria-labelledby="portals-heading" className="py-16 sm:py-24">
        <Container>
          <SectionHeader
            id="portals-heading"
            eyebrow="What is MakrX?"
            title="One maker platform, three portals"
            description="MakrX connects the people who make things with the spaces, machines and materials they need. Each portal does one job well, and they work as one."
          />
          <div className="mt-10">
            <PortalCards urls={portalUrlsOf(config)} />
          </div>
        </Container>
      </section>

      {showMakerSpotlight ? (
        <section
          aria-labelledby="makers-heading"
          className="border-y border-ink-200 bg-ink-50 py-16 sm:py-24"
        >
          <Container>
            <SectionHeader
              id="makers-heading"
              eyebrow="Community"
              title="Featured makers"
              description="Designers, engineers and tinkerers sharing how they build."
              action={
                <Link to="/makers" className={seeAllClasses}>
                  All makers
                  <ArrowRightIcon className="size-4" />
                </Link>
              }
            />
            <div className="mt-10">
              <FeaturedMakers />
            </div>
          </Container>
        </section>
      ) : null}

      <section aria-labelledby="products-heading" data-portal="store" className="pt-16 sm:pt-24">
        <Container>
          <SectionHeader
            id="products-heading"
            eyebrow="MakrX.Store"
            title="Fresh from the store"
            description="Materials, electronics and tools makers are reaching for this week."
            action={
              <a href={config.storeUrl} className={seeAllClasses}>
                Browse the store
                <ArrowRightIcon className="size-4" />
              </a>
            }
          />
          <div className="mt-10">
            <FeaturedProducts />
          </div>
        </Container>
      </section>

      <MakerspaceInvitation caveUrl={config.caveUrl} />
    </>
  );
}
