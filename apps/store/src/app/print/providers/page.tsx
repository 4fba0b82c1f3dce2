import type { Metadata } from 'next';
import Link from 'next/link';
import type { AvailableProvider } from '@makrx/contracts';
import { buttonClasses, Container, EmptyState, ErrorState, PrinterIcon } from '@makrx/ui';
import { serverFlags } from '../../../features/flags/server-flags';
import { ProviderCard } from '../../../features/print/components/provider-card';
import { ProvidersComingSoon } from '../../../features/print/components/print-gates';
import { readPublicProviders } from '../../../features/print/providers';
import { ServiceError } from '../../../lib/service-client';

export const metadata: Metadata = {
  title: '3D printing providers',
  description:
    'The makerspaces and print shops that print for MakrX.Store customers: where they are, their printers and build volumes, materials, lead times and ratings.',
};

/** The providers, or why they cannot be shown: switched off, or the cave not answering. */
async function providersOrProblem(): Promise<AvailableProvider[] | 'off' | 'unavailable'> {
  try {
    return await readPublicProviders();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return error.code === 'FEATURE_DISABLED' ? 'off' : 'unavailable';
  }
}

/** The marketplace (ENABLE_SERVICE_MARKETPLACE): every provider taking print jobs, for anyone. */
export default async function ProvidersPage() {
  const flags = await serverFlags();
  const listed = flags.isOn('ENABLE_SERVICE_MARKETPLACE') ? await providersOrProblem() : 'off';
  return (
    <Container className="py-10 sm:py-14">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
        <Link href="/print" className="underline-offset-4 hover:underline">
          3D printing
        </Link>{' '}
        / <span className="text-ink-900">Providers</span>
      </nav>
      <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
            3D printing providers
          </h1>
          <p className="mt-3 text-lg leading-8 text-ink-600">
            Makerspaces and print shops that make your prints: their printers and build volumes, the
            materials they print, how soon, and what customers thought.
          </p>
        </div>
        {Array.isArray(listed) && listed.length > 0 ? (
          <Link href="/print" className={buttonClasses({ size: 'lg' })}>
            Get a quote
          </Link>
        ) : null}
      </div>
      <div className="mt-8">
        {listed === 'off' ? (
          <ProvidersComingSoon />
        ) : listed === 'unavailable' ? (
          <ErrorState
            title="The providers can’t be shown right now"
            description="The list did not load. Try again in a moment; quotes and orders are not affected."
            action={
              <Link href="/print/providers" className={buttonClasses({ variant: 'secondary' })}>
                Try again
              </Link>
            }
          />
        ) : listed.length === 0 ? (
          <EmptyState
            icon={<PrinterIcon />}
            title="No providers are taking print jobs yet"
            description="Makerspaces and print shops appear here as soon as they offer 3D printing. Upload a model meanwhile to see whether it will print."
            action={
              <Link href="/print" className={buttonClasses({ variant: 'secondary' })}>
                Check a model
              </Link>
            }
          />
        ) : (
          <>
            <p className="mb-4 text-sm text-ink-600">
              {listed.length} {listed.length === 1 ? 'provider' : 'providers'}
            </p>
            <ul className="grid gap-5 lg:grid-cols-2">
              {listed.map((provider) => (
                <li key={provider.makerspaceId} className="flex">
                  <ProviderCard provider={provider} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Container>
  );
}
