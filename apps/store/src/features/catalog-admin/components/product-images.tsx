'use client';

import { useActionState } from 'react';
import type { ProductImage } from '@makrx/contracts';
import { Button } from '@makrx/ui';
import { TextField } from '../../../components/form-field';
import { FormStatus } from '../../../components/form-status';
import { bindField, freshFieldsKey, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import { deleteImage, saveImage } from '../product-editor-actions';
import { savedImage, type ImageField } from '../product-editor';

/**
 * The product's photos, each with its alt text, place in the order and a way to remove it.
 * `url`s are absolute, as the browser fetches them from the store service.
 */
export function ProductImages({
  productId,
  images,
}: {
  productId: string;
  images: ProductImage[];
}) {
  // The list says what a removal did: the removed image's own form goes with it.
  const [removal, remove] = useActionState<FormOutcome<never>, FormData>(deleteImage, unsentForm);
  return (
    <div className="space-y-3">
      <FormStatus outcome={removal} />
      {images.length === 0 ? (
        <p className="text-sm text-ink-600">
          No photos yet: the shop shows the catalog illustration.
        </p>
      ) : (
        <ul className="space-y-3">
          {images.map((image) => (
            <li key={image.id} className="flex gap-3 rounded-xl border border-ink-200 p-3">
              <img
                src={image.url}
                alt={image.alt}
                width={72}
                height={72}
                className="size-18 shrink-0 rounded-lg bg-ink-100 object-cover"
              />
              <div className="min-w-0 flex-1 space-y-2">
                <ImageForm productId={productId} image={image} />
                <form action={remove}>
                  <input type="hidden" name="productId" value={productId} />
                  <input type="hidden" name="imageId" value={image.id} />
                  <button
                    type="submit"
                    className="text-xs font-semibold text-red-700 underline-offset-4 hover:underline"
                  >
                    Remove this image
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ImageForm({ productId, image }: { productId: string; image: ProductImage }) {
  const [outcome, send, pending] = useActionState<FormOutcome<ImageField>, FormData>(
    saveImage,
    unsentForm,
  );
  const saved = savedImage(image);
  const field = bindField(`image-${image.id}`, outcome, saved);
  return (
    <form action={send} noValidate>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="imageId" value={image.id} />
      <div key={freshFieldsKey(outcome, saved)} className="grid gap-3 sm:grid-cols-[1fr_6rem]">
        <TextField label="Alt text" {...field('alt')} />
        <TextField label="Order" inputMode="numeric" {...field('position')} />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          Save
        </Button>
        <FormStatus outcome={outcome} />
      </div>
    </form>
  );
}
