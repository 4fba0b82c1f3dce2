'use client';

import { useActionState } from 'react';
import { Button } from '@makrx/ui';
import { FileField, TextField } from '../../../components/form-field';
import { FormStatus } from '../../../components/form-status';
import { bindField, unsentForm, type FormOutcome } from '../../../lib/form-outcome';
import { uploadImage } from '../product-editor-actions';
import type { UploadField } from '../product-editor';

/** A new photo of the product and what it shows, for those who cannot see it. */
export function ImageUploadForm({ productId }: { productId: string }) {
  const [outcome, send, pending] = useActionState<FormOutcome<UploadField>, FormData>(
    uploadImage,
    unsentForm,
  );
  const field = bindField('upload', outcome);
  return (
    <form action={send} noValidate className="border-t border-ink-200 pt-5">
      <input type="hidden" name="productId" value={productId} />
      {/* A new key per send: a browser keeps no file in the form once it is sent. */}
      <div key={outcome.attempt} className="space-y-3">
        <FileField
          id="upload-image"
          name="image"
          label="Add an image"
          required
          accept="image/png,image/jpeg,image/webp"
          hint="PNG, JPEG or WebP, at most 5 MB."
          error={outcome.errors.image}
        />
        <TextField label="Alt text" placeholder="What the photo shows" {...field('alt')} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Uploading…' : 'Upload image'}
        </Button>
        <FormStatus outcome={outcome} />
      </div>
    </form>
  );
}
