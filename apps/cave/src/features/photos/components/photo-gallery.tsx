import type { Photo } from '@makrx/contracts';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { usePhotoSource } from '../photo-source';
import { photoAlt } from '../presentation';

export interface PhotoGalleryProps {
  photos: Photo[];
  /** Whose photos they are (the machine's name), for each photo's text alternative. */
  name: string;
  /** Laid over the large photo's corner, e.g. the machine's status. */
  overlay?: ReactNode;
}

/**
 * The first photo large, the others as thumbnails below that show themselves large when
 * chosen: each thumbnail is a button (Tab reaches them, arrow keys move between them).
 */
export function PhotoGallery({ photos, name, overlay }: PhotoGalleryProps) {
  const [shown, setShown] = useState(0);
  const thumbnails = useRef<Array<HTMLButtonElement | null>>([]);
  const sourceOf = usePhotoSource();
  const index = Math.min(shown, photos.length - 1);
  const current = photos[index];
  if (!current) return null;
  const altOf = (at: number) => photoAlt(name, at, photos.length, photos[at]?.alt ?? '');
  const show = (at: number) => {
    const next = (at + photos.length) % photos.length;
    setShown(next);
    thumbnails.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: photos.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    show(to);
  };
  return (
    <figure>
      <div className="relative bg-ink-100">
        <img
          src={sourceOf(current)}
          alt={altOf(index)}
          className="aspect-[4/3] w-full object-cover sm:aspect-[16/10]"
        />
        {overlay}
      </div>
      {photos.length > 1 ? (
        <ul
          aria-label={`Photos of ${name}`}
          className="flex gap-2 overflow-x-auto border-b border-ink-100 px-4 py-3"
          onKeyDown={onKeyDown}
        >
          {photos.map((photo, at) => (
            <li key={photo.id} className="shrink-0">
              <button
                ref={(element) => {
                  thumbnails.current[at] = element;
                }}
                type="button"
                aria-pressed={at === index}
                aria-label={`Show ${altOf(at)}`}
                onClick={() => setShown(at)}
                className={`block overflow-hidden rounded-lg ring-offset-2 focus-visible:ring-2 focus-visible:ring-accent-600 focus-visible:outline-none ${
                  at === index ? 'ring-2 ring-accent-600' : 'opacity-80 hover:opacity-100'
                }`}
              >
                <img src={sourceOf(photo)} alt="" className="h-14 w-20 object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
