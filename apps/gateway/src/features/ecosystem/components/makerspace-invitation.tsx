import { ArrowRightIcon, ButtonLink, Container } from '@makrx/ui';

export function MakerspaceInvitation({ caveUrl }: { caveUrl: string }) {
  return (
    <section aria-labelledby="makerspaces-heading" data-portal="cave" className="py-16 sm:py-20">
      <Container>
        <div className="relative isolate overflow-hidden rounded-3xl bg-accent-700 px-6 py-12 shadow-lift sm:px-12 sm:py-16">
          <svg
            aria-hidden="true"
            className="absolute top-1/2 right-0 -z-10 h-[140%] -translate-y-1/2 translate-x-1/3 text-white/10"
            viewBox="0 0 400 400"
            fill="none"
            stroke="currentColor"
          >
            {[40, 80, 120, 160, 200].map((r) => (
              <circle key={r} cx="200" cy="200" r={r - 1} strokeWidth="1.5" />
            ))}
          </svg>
          <div className="max-w-2xl">
            <p className="text-sm font-semibold tracking-wide text-accent-100 uppercase">
              MakrCave
            </p>
            <h2
              id="makerspaces-heading"
              className="mt-3 text-3xl font-bold tracking-tight text-white sm:text-4xl"
            >
              Find a makerspace near you
            </h2>
            <p className="mt-4 text-lg leading-8 text-accent-50">
              Browse community workshops, see which printers, lasers and CNC machines are free right
              now, and book time by the hour.
            </p>
            <ButtonLink href={caveUrl} variant="inverse" size="lg" className="mt-8">
              Browse makerspaces
              <ArrowRightIcon />
            </ButtonLink>
          </div>
        </div>
      </Container>
    </section>
  );
}
