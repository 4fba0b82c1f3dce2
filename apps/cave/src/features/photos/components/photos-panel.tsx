import type { Photo } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import { Button, Card, FormField, inputClasses } from '@makrx/ui';
import { useId, useRef } from 'react';
import type { PhotoActions } from '../api';
import { usePhotoSource } from '../photo-source';
import { moved } from '../presentation';

const refusalOf = (error: unknown) =>
  error instanceof ApiError && error.code === 'SERVICE_UNREACHABLE'
    ? 'MakrCave could not be reached, so nothing changed. Try again in a moment.'
    : error instanceof Error
      ? error.message
      : 'That did not work. Try again in a moment.';

export interface PhotosPanelProps {
  photos: Photo[];
  actions: PhotoActions;
  /** What the first photo leads: "the makerspace’s page", "the machine’s page and card". */
  leads: string;
  /** An example of what a photo shows, for the description field. */
  example: string;
}

/** An album's photos (a makerspace's, a machine's) in the order shown: add, move and remove. */
export function PhotosPanel({ photos, actions, leads, example }: PhotosPanelProps) {
  const { upload, reorder, remove } = actions;
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const sourceOf = usePhotoSource();
  const busy = upload.isPending || reorder.isPending || remove.isPending;
  const failed = upload.error ?? reorder.error ?? remove.error;
  return (
    <Card className="p-5 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold text-ink-950">
        Photos
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        PNG, JPEG or WebP, up to 5 MB each. The first one leads {leads}.
      </p>
      {photos.length === 0 ? (
        <p className="mt-4 rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
          No photos yet.
        </p>
      ) : (
        <ol aria-label="Photos in order" className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {photos.map((photo, index) => (
            <li
              key={photo.id}
              className="overflow-hidden rounded-xl border border-ink-200 bg-white"
            >
              <img
                src={sourceOf(photo)}
                alt={photo.alt}
                className="aspect-[4/3] w-full bg-ink-100 object-cover"
              />
              <div className="flex flex-wrap items-center justify-between gap-2 p-3">
                <p className="min-w-0 truncate text-sm text-ink-700">
                  {index + 1}. {photo.alt || 'No description'}
                </p>
                <div className="flex gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy || index === 0}
                    aria-label={`Move photo ${index + 1} earlier`}
                    onClick={() => reorder.mutate(moved(photos, index, -1).map((p) => p.id))}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy || index === photos.length - 1}
                    aria-label={`Move photo ${index + 1} later`}
                    onClick={() => reorder.mutate(moved(photos, index, 1).map((p) => p.id))}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    aria-label={`Delete photo ${index + 1}`}
                    onClick={() => remove.mutate(photo.id)}
                  >
                    Delete
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <form
        ref={form}
        aria-labelledby={headingId}
        className="mt-5 grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const file = data.get('photo');
          if (!(file instanceof File) || file.size === 0) return;
          upload.mutate(
            { file, alt: String(data.get('alt') ?? '') },
            { onSuccess: () => form.current?.reset() },
          );
        }}
      >
        <FormField label="Photo">
          {(field) => (
            <input
              {...field}
              name="photo"
              type="file"
              required
              accept="image/png,image/jpeg,image/webp"
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="What it shows">
          {(field) => (
            <input
              {...field}
              name="alt"
              maxLength={200}
              placeholder={example}
              className={inputClasses}
            />
          )}
        </FormField>
        <Button type="submit" disabled={busy}>
          {upload.isPending ? 'Uploading…' : 'Add photo'}
        </Button>
      </form>
      {failed ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {refusalOf(failed)}
        </p>
      ) : null}
    </Card>
  );
}
