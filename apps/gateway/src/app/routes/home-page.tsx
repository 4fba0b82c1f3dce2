import {
  portalUrlsOf,
  useDocumentTitle,
  useFlag,
  useRuntimeConfig,
  useSession,
} from '@makrx/spa-kit';
import { ArrowRightIcon, Container, SectionHeader } from '@makrx/ui';
import { lazy } from 'react';
import { Link } from 'react-router-dom';
import { Hero } from '../../features/ecosystem/components/hero';
import {
  CardGridSkeleton,
  SeeAll,
  seeAllClasses,
  WhenNear,
} from '../../features/ecosystem/components/landing-parts';
import { MakerspaceInvitation } from '../../features/ecosystem/components/makerspace-invitation';
import { PortalCards } from '../../features/ecosystem/components/portal-cards';
import { heroTiles, portalPitches, type LandingFlags } from '../../features/ecosystem/presentation';
import { FeaturedMakers } from '../../features/makers/components/featured-makers';
import { FeaturedProducts } from '../../features/products/components/featured-products';

const sections = () => import('../../features/ecosystem/components/landing-sections');
const RecentProjects = lazy(() => sections().then((m) => ({ default: m.RecentProjects })));
const FeaturedMakerspaces = lazy(() =>
  sections().then((m) => ({ default: m.FeaturedMakerspaces })),
);
const FeaturedProviders = lazy(() => sections().then((m) => ({ default: m.FeaturedProviders })));

function useLandingFlags(): LandingFlags {
  return {
    makerSpotlight: useFlag('SHOW_MAKER_SPOTLIGHT', true),
    stlUpload: useFlag('ENABLE_STL_UPLOAD', false),
    serviceMarketplace: useFlag('ENABLE_SERVICE_MARKETPLACE', false),
    bomOrdering: useFlag('ENABLE_BOM_ORDERING', false),
    realTimeEquipmentStatus: useFlag('ENABLE_REAL_TIME_EQUIPMENT_STATUS', false),
  };
}

export function HomePage() {
  const config = useRuntimeConfig();
  const urls = portalUrlsOf(config);
  const { user } = useSession();
  const flags = useLandingFlags();
  useDocumentTitle(undefined);

  return (
    <>
      <Hero
        caveUrl={config.caveUrl}
        tiles={heroTiles(urls, flags)}
        greetName={user?.name.split(' ')[0]}
      />

      <section aria-labelledby="portals-heading" className="py-16 sm:py-24">
        <Container>
          <SectionHeader
            id="portals-heading"
            eyebrow="What is MakrX?"
            title="One maker platform, three portals"
            description="MakrX connects the people who make things with the spaces, machines and materials they need. MakrX.org is where makers show their work, MakrCave is where makerspaces run their machines and members book them, and MakrX.Store sells the materials and parts — one account signs you in to all three."
          />
          <div className="mt-10">
            <PortalCards pitches={portalPitches(urls, flags)} />
          </div>
        </Container>
      </section>

      {flags.makerSpotlight ? (
        <section
          aria-labelledby="makers-heading"
          className="border-y border-ink-200 bg-ink-50 py-16 sm:py-24"
        >
          <Container>
            <SectionHeader
              id="makers-heading"
              eyebrow="Maker spotlight"
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

      <section aria-labelledby="projects-heading" data-portal="cave" className="py-16 sm:py-24">
        <Container>
          <SectionHeader
            id="projects-heading"
            eyebrow="Made with MakrX"
            title="Recent projects"
            description="What makers are building in their makerspaces, shared in public."
            action={<SeeAll href={`${config.caveUrl}/projects`}>All projects</SeeAll>}
          />
          <div className="mt-10">
            <WhenNear placeholder={<CardGridSkeleton count={3} label="recent projects" />}>
              <RecentProjects />
            </WhenNear>
          </div>
        </Container>
      </section>

      <section
        aria-labelledby="spaces-heading"
        data-portal="cave"
        className="border-y border-ink-200 bg-ink-50 py-16 sm:py-24"
      >
        <Container>
          <SectionHeader
            id="spaces-heading"
            eyebrow="MakrCave"
            title="Makerspaces to visit"
            description="Community workshops with printers, lasers and CNC machines you can book by the hour."
            action={<SeeAll href={config.caveUrl}>All makerspaces</SeeAll>}
          />
          <div className="mt-10">
            <WhenNear placeholder={<CardGridSkeleton count={3} label="makerspaces" />}>
              <FeaturedMakerspaces />
            </WhenNear>
          </div>
          {flags.serviceMarketplace ? (
            <div className="mt-16">
              <SectionHeader
                id="providers-heading"
                titleAs="h2"
                eyebrow="Fabrication services"
                title="Print providers"
                description="Makerspaces that print your models for you, rated by the makers they printed for."
                action={<SeeAll href={`${config.storeUrl}/print/providers`}>All providers</SeeAll>}
              />
              <div className="mt-10">
                <WhenNear placeholder={<CardGridSkeleton count={3} label="print providers" />}>
                  <FeaturedProviders />
                </WhenNear>
              </div>
            </div>
          ) : null}
        </Container>
      </section>

      <section aria-labelledby="products-heading" data-portal="store" className="pt-16 sm:pt-24">
        <Container>
          <SectionHeader
            id="products-heading"
            eyebrow="MakrX.Store"
            title="Fresh from the store"
            description="Materials, electronics and tools makers are reaching for this week."
            action={<SeeAll href={config.storeUrl}>Browse the store</SeeAll>}
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
