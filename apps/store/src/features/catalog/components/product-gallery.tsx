'use client';

import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cx } from '@makrx/ui';
import { galleryImages, imageIndexFor, variantHref } from '../variant-selection';
import { useChosenVariant } from './chosen-variant';

/** How far a finger moves sideways before it counts as a swipe, in CSS pixels. */
const swipeDistance = 40;

/**
 * All the product's pictures: one large, every one as a thumbnail below. The chosen variant's
 * own picture is shown when it has one. Thumbnails are links (`?image=`), so they work without
 * JavaScript; with it they switch in place, the arrow keys and a swipe move between pictures,
 * and a click on the large one zooms in where the pointer is.
 */
export function ProductGallery({ initialImage }: { initialImage?: number }) {
  const { product, selected } = useChosenVariant();
  const images = galleryImages(product);
  const total = images.length;
  const [shown, setShown] = useState(() => ({
    sku: selected.sku,
    index:
      initialImage !== undefined && initialImage >= 0 && initialImage < total
        ? initialImage
        : imageIndexFor(images, selected),
  }));
  // Another variant chosen: show its picture.
  if (shown.sku !== selected.sku)
    setShown({ sku: selected.sku, index: imageIndexFor(images, selected) });
  const index = Math.min(shown.index, total - 1);
  const [zoom, setZoom] = useState<{ x: number; y: number } | null>(null);
  const swipeStart = useRef<number | null>(null);

  const show = (next: number) => {
    setZoom(null);
    setShown({ sku: selected.sku, index: (next + total) % total });
  };
  const pointAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * 100,
      y: ((event.clientY - box.top) / box.height) * 100,
    };
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' && total > 1) show(index + 1);
    else if (event.key === 'ArrowLeft' && total > 1) show(index - 1);
    else if (event.key === 'Escape') setZoom(null);
    else if (event.key === 'Enter' || event.key === ' ') setZoom(zoom ? null : { x: 50, y: 50 });
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    swipeStart.current = event.pointerType === 'mouse' ? null : event.clientX;
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    if (event.pointerType === 'mouse') {
      setZoom(zoom ? null : pointAt(event));
      return;
    }
    const start = swipeStart.current;
    swipeStart.current = null;
    if (start === null || total < 2) return;
    const moved = event.clientX - start;
    if (Math.abs(moved) >= swipeDistance) show(moved < 0 ? index + 1 : index - 1);
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    if (zoom && event.pointerType === 'mouse') setZoom(pointAt(event));
  };

  const image = images[index]!;
  return (
    <section aria-label="Product images" data-gallery>
      <div
        role="group"
        aria-roledescription="image viewer"
        aria-label={`Image ${index + 1} of ${total}`}
        aria-describedby="gallery-hint"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setZoom(null)}
        className={cx(
          'relative touch-pan-y overflow-hidden rounded-3xl bg-ink-100 ring-1 ring-ink-900/5 ring-inset select-none',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600',
          zoom ? 'cursor-zoom-out' : 'cursor-zoom-in',
        )}
        data-zoomed={zoom ? 'true' : undefined}
      >
        <img
          key={image.url}
          src={image.url}
          alt={image.alt}
          width={800}
          height={800}
          fetchPriority="high"
          draggable={false}
          className="aspect-square size-full object-cover transition-transform duration-200 motion-reduce:transition-none"
          style={
            zoom ? { transform: 'scale(2)', transformOrigin: `${zoom.x}% ${zoom.y}%` } : undefined
          }
        />
        {total > 1 ? (
          <p
            aria-hidden="true"
            className="absolute right-3 bottom-3 rounded-full bg-ink-950/70 px-2.5 py-1 text-xs font-medium text-white tabular-nums"
          >
            {index + 1} / {total}
          </p>
        ) : null}
      </div>
      <p id="gallery-hint" className="sr-only">
        {total > 1 ? 'Arrow keys show the other images. ' : ''}Enter zooms in.
      </p>
      {total > 1 ? (
        <ul className="mt-3 grid grid-cols-4 gap-3 sm:grid-cols-5" aria-label="All images">
          {images.map((thumbnail, position) => (
            <li key={thumbnail.url}>
              <a
                href={`${variantHref(product.slug, selected.sku)}&image=${position}`}
                aria-label={`Image ${position + 1} of ${total}`}
                aria-current={position === index ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  show(position);
                }}
                className={cx(
                  'block overflow-hidden rounded-xl bg-ink-100 ring-1 ring-ink-900/5 ring-inset',
                  'outline-offset-2 outline-accent-600 focus-visible:outline-2',
                  position === index && 'outline-2',
                )}
              >
                <img
                  src={thumbnail.url}
                  alt=""
                  width={160}
                  height={160}
                  loading="lazy"
                  className="aspect-square size-full object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
