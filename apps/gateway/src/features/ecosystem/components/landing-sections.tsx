import { apiUrl, ServiceErrorState, useRuntimeConfig } from '@makrx/spa-kit';
import {
  BuildingIcon,
  Card,
  CoverArt,
  EmptyState,
  LightbulbIcon,
  MapPinIcon,
  PrinterIcon,
  buttonClasses,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import { CardGridSkeleton } from './landing-parts';
import { useFeaturedMakerspaces, useFeaturedProviders, useRecentProjects } from '../api';
import { placeText, ratingText } from '../card-text';

/*
 * The landing's sections below the fold, in a chunk of their own that loads as the visitor
 * scrolls towards them (`WhenNear`): the first page's JavaScript budget is for what is seen first.
 */

/** One card that is one link: a title, a line of where or who, a picture above. */
function LinkCard({
  href,
  title,
  lines,
  picture,
}: {
  href: string;
  title: string;
  lines: ReactNode[];
  picture: ReactNode;
}) {
  return (
    <Card interactive className="group flex h-full flex-col overflow-hidden">
      <div className="h-36 overflow-hidden">{picture}</div>
      <div className="flex flex-1 flex-col p-5">
        <h3 className="text-base font-semibold text-ink-950">
          <a
            href={href}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
          >
            {title}
          </a>
        </h3>
        {lines.map((line, index) => (
          <p key={index} className="mt-1.5 text-sm leading-6 text-ink-600">
            {line}
          </p>
        ))}
      </div>
    </Card>
  );
}

function CardGrid({ children }: { children: ReactNode }) {
  return <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">{children}</ul>;
}

export function RecentProjects() {
  const { caveUrl, caveApiUrl } = useRuntimeConfig();
  const projects = useRecentProjects();
  if (projects.isPending) return <CardGridSkeleton count={3} label="recent projects" />;
  if (projects.isError) {
    return (
      <ServiceErrorState
        error={projects.error}
        subject="recent projects"
        titleAs="h3"
        onRetry={() => void projects.refetch()}
      />
    );
  }
  if (projects.data.items.length === 0) {
    return (
      <EmptyState
        icon={<LightbulbIcon />}
        titleAs="h3"
        title="No public projects yet"
        description="When makers share what they build in MakrCave, their projects show up here."
        action={
          <a href={`${caveUrl}/projects`} className={buttonClasses({ variant: 'secondary' })}>
            Start a project in MakrCave
          </a>
        }
      />
    );
  }
  return (
    <CardGrid>
      {projects.data.items.map((project) => (
        <li key={project.id}>
          <LinkCard
            href={`${caveUrl}/projects/${encodeURIComponent(project.slug)}`}
            title={project.title}
            lines={[
              project.summary,
              <span key="by" className="text-ink-500">
                by {project.owner.displayName}
                {project.makerspace ? ` · ${project.makerspace.name}` : ''}
              </span>,
            ]}
            picture={
              project.coverPhoto ? (
                <img
                  src={apiUrl(caveApiUrl, project.coverPhoto.url)}
                  alt={project.coverPhoto.alt}
                  loading="lazy"
                  className="size-full object-cover"
                />
              ) : (
                <CoverArt
                  seed={`project/${project.slug}`}
                  icon={<LightbulbIcon />}
                  className="size-full"
                />
              )
            }
          />
        </li>
      ))}
    </CardGrid>
  );
}

export function FeaturedMakerspaces() {
  const { caveUrl } = useRuntimeConfig();
  const spaces = useFeaturedMakerspaces();
  if (spaces.isPending) return <CardGridSkeleton count={3} label="makerspaces" />;
  if (spaces.isError) {
    return (
      <ServiceErrorState
        error={spaces.error}
        subject="makerspaces"
        titleAs="h3"
        onRetry={() => void spaces.refetch()}
      />
    );
  }
  if (spaces.data.items.length === 0) {
    return (
      <EmptyState
        icon={<BuildingIcon />}
        titleAs="h3"
        title="No makerspaces listed yet"
        description="Run a workshop? List it in MakrCave and makers can book your machines."
        action={
          <a href={caveUrl} className={buttonClasses({ variant: 'secondary' })}>
            Open MakrCave
          </a>
        }
      />
    );
  }
  return (
    <CardGrid>
      {spaces.data.items.map((space) => (
        <li key={space.id}>
          <LinkCard
            href={`${caveUrl}/makerspaces/${encodeURIComponent(space.slug)}`}
            title={space.name}
            lines={[
              <span key="where" className="inline-flex items-center gap-1.5">
                <MapPinIcon className="size-4 shrink-0 text-ink-500" />
                {placeText(space.city, space.country)}
              </span>,
              space.equipmentCount === 1 ? '1 machine' : `${space.equipmentCount} machines`,
            ]}
            picture={
              <CoverArt
                seed={`makerspace/${space.slug}`}
                icon={<BuildingIcon />}
                className="size-full"
              />
            }
          />
        </li>
      ))}
    </CardGrid>
  );
}

/** Print providers from the cave; shown only while ENABLE_SERVICE_MARKETPLACE is on. */
export function FeaturedProviders() {
  const { caveUrl, storeUrl } = useRuntimeConfig();
  const providers = useFeaturedProviders(true);
  if (providers.isPending) return <CardGridSkeleton count={3} label="print providers" />;
  if (providers.isError) {
    return (
      <ServiceErrorState
        error={providers.error}
        subject="print providers"
        titleAs="h3"
        onRetry={() => void providers.refetch()}
      />
    );
  }
  const shown = providers.data.providers.slice(0, 3);
  if (shown.length === 0) {
    return (
      <EmptyState
        icon={<PrinterIcon />}
        titleAs="h3"
        title="No print providers taking jobs right now"
        description="Makerspaces with printers can offer their capacity from MakrCave."
        action={
          <a href={`${storeUrl}/print`} className={buttonClasses({ variant: 'secondary' })}>
            Get a print quote
          </a>
        }
      />
    );
  }
  return (
    <CardGrid>
      {shown.map((provider) => (
        <li key={provider.makerspaceId}>
          <LinkCard
            href={`${caveUrl}/makerspaces/${encodeURIComponent(provider.slug)}`}
            title={provider.name}
            lines={[
              <span key="where" className="inline-flex items-center gap-1.5">
                <MapPinIcon className="size-4 shrink-0 text-ink-500" />
                {placeText(provider.city, provider.country)}
              </span>,
              ratingText(provider.rating),
            ]}
            picture={
              <CoverArt
                seed={`provider/${provider.slug}`}
                icon={<PrinterIcon />}
                className="size-full"
              />
            }
          />
        </li>
      ))}
    </CardGrid>
  );
}
