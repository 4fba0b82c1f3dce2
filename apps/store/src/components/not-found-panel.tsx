import Link from 'next/link';
import { ArrowLeftIcon, buttonClasses, Container } from '@makrx/ui';
import { EmptySpool } from './empty-spool';

export interface NotFoundPanelProps {
  title: string;
  description: string;
}

export function NotFoundPanel({ title, description }: NotFoundPanelProps) {
  return (
    <Container className="flex flex-col items-center py-16 text-center sm:py-24">
      <EmptySpool className="size-44 sm:size-52" />
      <p className="mt-8 text-sm font-semibold tracking-widest text-accent-700 uppercase">
        Error 404
      </p>
      <h1 className="mt-3 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
        {title}
      </h1>
      <p className="mt-4 max-w-lg text-base leading-7 text-ink-600">{description}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClasses({ size: 'lg' })}>
          <ArrowLeftIcon />
          Back to the catalog
        </Link>
      </div>
    </Container>
  );
}
