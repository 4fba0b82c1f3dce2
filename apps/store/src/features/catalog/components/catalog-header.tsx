import { Container } from '@makrx/ui';
import { Breadcrumbs, type Crumb } from './breadcrumbs';

export interface CatalogHeaderProps {
  title: string;
  description?: string;
  crumbs: Crumb[];
}

/** The compact page head of a category or of a later catalog page. */
export function CatalogHeader({ title, description, crumbs }: CatalogHeaderProps) {
  return (
    <section className="border-b border-ink-200 bg-gradient-to-b from-accent-50/70 to-white">
      <Container className="py-8 sm:py-10">
        <Breadcrumbs crumbs={crumbs} />
        <h1 className="mt-4 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
          {title}
        </h1>
        {description ? (
          <p className="mt-3 max-w-2xl text-base leading-7 text-ink-600">{description}</p>
        ) : null}
      </Container>
    </section>
  );
}
