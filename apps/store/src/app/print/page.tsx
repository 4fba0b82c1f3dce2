import type { Metadata } from 'next';
import Link from 'next/link';
import { Container } from '@makrx/ui';
import { serverFlags } from '../../features/flags/server-flags';
import { PrintComingSoon, PrintSignIn } from '../../features/print/components/print-gates';
import { PrintStudio } from '../../features/print/components/print-studio';
import { ReturnedUpload } from '../../features/print/components/returned-upload';
import { isUploadId } from '../../features/print/model-upload-proxy';
import { parseQuantity, printProjectOf } from '../../features/print/quotes';
import { currentSession } from '../../features/session/current-session';
import { storeConfig } from '../../lib/config';

export const metadata: Metadata = {
  title: 'Instant 3D printing quotes',
  description:
    'Upload an STL, OBJ or 3MF model: see its size, volume and printability at once, and quotes from makerspaces and print shops near you.',
};

const steps = [
  ['Upload', 'STL, OBJ or 3MF. It resumes by itself if your connection drops.'],
  [
    'Check',
    'Size, volume, holes, overhangs and thin walls, in your browser before the upload ends.',
  ],
  [
    'Compare',
    'Every material and quality local providers offer, with price, breakdown and lead time.',
  ],
] as const;

interface PrintPageProps {
  /** `upload` (and `quantity`): back from a quote's summary to the quotes of that upload. */
  searchParams: Promise<{ upload?: string; quantity?: string; project?: string }>;
}

export default async function PrintPage({ searchParams }: PrintPageProps) {
  const query = await searchParams;
  const returnedTo = query.upload && isUploadId(query.upload) ? query.upload : undefined;
  const projectId = printProjectOf(query.project);
  const here = new URLSearchParams({
    ...(returnedTo ? { upload: returnedTo } : {}),
    ...(projectId ? { project: projectId } : {}),
  }).toString();
  const { modelUploadMaxBytes } = await storeConfig();
  const flags = await serverFlags();
  const session = flags.isOn('ENABLE_STL_UPLOAD') ? await currentSession() : null;
  return (
    <Container className="py-10 sm:py-14">
      <div className="max-w-3xl">
        <p className="text-sm font-semibold text-accent-700">3D printing by local providers</p>
        <h1 className="mt-2 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
          Instant 3D printing quotes
        </h1>
        <p className="mt-3 text-lg leading-8 text-ink-600">
          Upload your model and see at once whether it will print, then compare prices from
          makerspaces and print shops with a machine it fits.
        </p>
      </div>
      <ol className="mt-8 grid gap-3 sm:grid-cols-3">
        {steps.map(([title, text], index) => (
          <li key={title} className="flex gap-3 rounded-2xl border border-ink-200 bg-white p-4">
            <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-accent-100 text-sm font-bold text-accent-700">
              {index + 1}
            </span>
            <span>
              <span className="block text-sm font-semibold text-ink-950">{title}</span>
              <span className="mt-0.5 block text-sm leading-6 text-ink-600">{text}</span>
            </span>
          </li>
        ))}
      </ol>
      {flags.isOn('ENABLE_SERVICE_MARKETPLACE') ? (
        <p className="mt-4 text-sm text-ink-600">
          Who makes the prints?{' '}
          <Link
            href="/print/providers"
            className="font-semibold text-accent-700 underline underline-offset-4"
          >
            See the providers, their machines and ratings
          </Link>
        </p>
      ) : null}
      <div className="mt-10">
        {!flags.isOn('ENABLE_STL_UPLOAD') ? (
          <PrintComingSoon />
        ) : !session ? (
          <PrintSignIn returnTo={here ? `/print?${here}` : '/print'} />
        ) : returnedTo ? (
          <ReturnedUpload
            uploadId={returnedTo}
            quantity={parseQuantity(query.quantity) ?? 1}
            projectId={projectId}
          />
        ) : (
          <PrintStudio maxBytes={modelUploadMaxBytes} projectId={projectId} />
        )}
      </div>
    </Container>
  );
}
