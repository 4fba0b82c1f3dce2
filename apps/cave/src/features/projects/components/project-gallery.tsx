import type { Photo, Project } from '@makrx/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { usePhotoActions } from '../../photos/api';
import { PhotoGallery } from '../../photos/components/photo-gallery';
import { PhotosPanel } from '../../photos/components/photos-panel';
import { useProjectPhotos } from '../api';

function PhotosEditor({ slug, photos }: { slug: string; photos: Photo[] }) {
  const client = useQueryClient();
  const actions = usePhotoActions(`/projects/${encodeURIComponent(slug)}`, () =>
    client.invalidateQueries({ queryKey: ['projects'] }),
  );
  return (
    <PhotosPanel
      photos={photos}
      actions={actions}
      leads="the project’s page and card, as its cover"
      example="The finished station on the roof"
    />
  );
}

/** A project's photos as a gallery; its editors add, order and remove them here too. */
export function ProjectGallery({ project, mayEdit }: { project: Project; mayEdit: boolean }) {
  const photos = useProjectPhotos(project.slug);
  const items = photos.data?.items ?? [];
  if (!mayEdit && items.length === 0) return null;
  return (
    <section aria-labelledby="gallery-heading" className="space-y-4">
      <h2 id="gallery-heading" className="text-xl font-semibold text-ink-950">
        Gallery
      </h2>
      {items.length > 0 ? <PhotoGallery photos={items} name={project.title} /> : null}
      {mayEdit ? <PhotosEditor slug={project.slug} photos={items} /> : null}
    </section>
  );
}
