import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeftIcon, buttonClasses, Card, Container, EmptyState, ErrorState } from '@makrx/ui';
import { serverFlags } from '../../../features/flags/server-flags';
import { readModelQuotes, readModelUpload } from '../../../features/print/api';
import { PrintComingSoon, PrintSignIn } from '../../../features/print/components/print-gates';
import { QuoteFacts } from '../../../features/print/components/quote-card';
import {
  formatArea,
  formatBytes,
  formatDimensions,
  formatVolume,
  formatValidUntil,
} from '../../../features/print/format';
import { isUploadId } from '../../../features/print/model-upload-proxy';
import {
  chosenQuote,
  isExpired,
  parseQuantity,
  printProjectOf,
} from '../../../features/print/quotes';
import { invalidFields } from '../../../features/checkout/checkout-state';
import { NEW_ADDRESS, readSavedAddresses } from '../../../features/checkout/saved-addresses';
import { PrintOrderForm } from '../../../features/print-orders/components/print-order-form';
import { currentSession } from '../../../features/session/current-session';
import { storeConfig } from '../../../lib/config';
import { ServiceError } from '../../../lib/service-client';

export const metadata: Metadata = { title: 'Your 3D print', robots: { index: false } };

interface SummaryPageProps {
  params: Promise<{ uploadId: string }>;
  searchParams: Promise<{
    offering?: string;
    quantity?: string;
    address?: string;
    invalid?: string;
    refused?: string;
    project?: string;
  }>;
}

/**
 * The quote the customer chose, kept in the URL (`?offering=…&quantity=…`): the model, the
 * quote in full and what comes next. Priced again on every visit, so the figures are current.
 */
export default async function PrintSummaryPage({ params, searchParams }: SummaryPageProps) {
  const { uploadId } = await params;
  const query = await searchParams;
  if (!isUploadId(uploadId)) notFound();
  const flags = await serverFlags();
  const quantity = parseQuantity(query.quantity) ?? 1;
  const projectId = printProjectOf(query.project);
  const forProject: Record<string, string> = projectId ? { project: projectId } : {};
  const quotesHref = `/print?${new URLSearchParams({ upload: uploadId, quantity: String(quantity), ...forProject })}`;
  const page = (body: React.ReactNode) => (
    <Container className="py-10 sm:py-14">
      <Link
        href={quotesHref}
        className="inline-flex items-center gap-1.5 text-sm font-semibold text-accent-700 hover:text-accent-900"
      >
        <ArrowLeftIcon className="size-4" />
        All quotes for this model
      </Link>
      <h1 className="mt-3 text-3xl font-extrabold tracking-tight text-ink-950">Your 3D print</h1>
      <div className="mt-8">{body}</div>
    </Container>
  );
  if (!flags.isOn('ENABLE_STL_UPLOAD')) return page(<PrintComingSoon />);
  const here = `/print/${uploadId}?${new URLSearchParams(query as Record<string, string>)}`;
  if (!(await currentSession())) return page(<PrintSignIn returnTo={here} />);

  const [saved, { portalUrls }] = await Promise.all([readSavedAddresses(true), storeConfig()]);
  const invalid = invalidFields(query.invalid);
  let upload: Awaited<ReturnType<typeof readModelUpload>>;
  let quotes: Awaited<ReturnType<typeof readModelQuotes>>;
  try {
    [upload, quotes] = await Promise.all([
      readModelUpload(uploadId),
      readModelQuotes(uploadId, quantity),
    ]);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.status === 404 && error.code === 'NOT_FOUND') notFound();
    return page(
      <ErrorState
        title="This quote could not be loaded"
        description={error.message}
        code={error.code}
      />,
    );
  }
  const quote = chosenQuote(quotes.quotes, query.offering);
  const analysis = 'analysis' in upload ? upload.analysis : undefined;

  return page(
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        {quote ? (
          <Card className="p-5 sm:p-6">
            <h2 className="mb-4 text-lg font-bold text-ink-950">The quote you chose</h2>
            <QuoteFacts quote={quote} breakdownOpen />
          </Card>
        ) : (
          <EmptyState
            title="That quote is no longer offered"
            description="The provider changed or withdrew it. The quotes for your model right now are on the quotes page."
            action={
              <Link href={quotesHref} className={buttonClasses()}>
                See the quotes again
              </Link>
            }
          />
        )}
        {quote ? (
          <>
            <p className="text-sm text-ink-700">
              {isExpired(quote, new Date())
                ? 'This quote has expired; the figures above are its latest price, which your order is placed at.'
                : `This price holds until ${formatValidUntil(quote.validUntil)}.`}
            </p>
            <PrintOrderForm
              uploadId={uploadId}
              quote={quote}
              savedAddresses={saved.addresses}
              showSaved={
                saved.addresses.length > 0 && query.address !== NEW_ADDRESS && invalid.length === 0
              }
              anotherHref={`/print/${uploadId}?${new URLSearchParams({ offering: quote.offeringId, quantity: String(quantity), address: NEW_ADDRESS, ...forProject })}#order`}
              manageUrl={`${portalUrls.gateway}/account/addresses`}
              invalid={invalid}
              {...(query.refused ? { refused: query.refused } : {})}
              projectId={projectId}
            />
          </>
        ) : null}
      </div>
      <aside>
        <Card className="p-5">
          <h2 className="text-base font-bold text-ink-950">Your model</h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-ink-600">File</dt>
              <dd className="truncate font-medium text-ink-950" title={upload.originalName}>
                {upload.originalName}
              </dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-ink-600">Size on disk</dt>
              <dd className="font-medium text-ink-950">{formatBytes(upload.sizeBytes)}</dd>
            </div>
            {analysis ? (
              <>
                <div className="flex justify-between gap-3">
                  <dt className="text-ink-600">Dimensions</dt>
                  <dd className="text-right font-medium text-ink-950">
                    {formatDimensions([
                      analysis.dimensionsMm.x,
                      analysis.dimensionsMm.y,
                      analysis.dimensionsMm.z,
                    ])}
                  </dd>
                </div>
                <div className="flex justify-between gap-3">
                  <dt className="text-ink-600">Volume</dt>
                  <dd className="font-medium text-ink-950">{formatVolume(analysis.volumeMm3)}</dd>
                </div>
                <div className="flex justify-between gap-3">
                  <dt className="text-ink-600">Surface</dt>
                  <dd className="font-medium text-ink-950">
                    {formatArea(analysis.surfaceAreaMm2)}
                  </dd>
                </div>
              </>
            ) : null}
            <div className="flex justify-between gap-3">
              <dt className="text-ink-600">Quantity</dt>
              <dd className="font-medium text-ink-950">{quantity}</dd>
            </div>
          </dl>
        </Card>
      </aside>
    </div>,
  );
}
