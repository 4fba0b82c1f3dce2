import type { OwnProfile } from '@makrx/contracts';
import { useRuntimeConfig } from '@makrx/spa-kit';
import { Avatar, Button } from '@makrx/ui';
import { useId, useRef, useState } from 'react';
import { useRemoveAvatar, useUploadAvatar } from '../own-profile-api';
import { pictureProblem } from '../presentation';

/**
 * The owner's picture: a preview of the chosen file at once, uploaded on choosing (the service
 * squares and resizes it), or removed, leaving the initials.
 */
export function AvatarPicker({ profile }: { profile: OwnProfile }) {
  const { authApiUrl } = useRuntimeConfig();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = (file: File | undefined) => {
    if (!file) return;
    const refused = pictureProblem(file);
    setProblem(refused);
    if (refused) return;
    // A data: URL, which the pages' Content-Security-Policy already allows for images.
    const reader = new FileReader();
    reader.onload = () => typeof reader.result === 'string' && setPreview(reader.result);
    reader.readAsDataURL(file);
    upload.mutate(file, { onSettled: () => setPreview(null) });
  };

  const shown = preview ?? (profile.avatar ? `${authApiUrl}${profile.avatar.large}` : null);
  const busy = upload.isPending || remove.isPending;
  const error =
    problem ??
    (upload.isError ? upload.error.message : remove.isError ? remove.error.message : null);

  return (
    <div className="flex flex-wrap items-center gap-5">
      {shown ? (
        <img
          src={shown}
          alt="Your profile picture"
          width={96}
          height={96}
          className="size-24 shrink-0 rounded-full bg-ink-100 object-cover ring-4 ring-white shadow-lift"
        />
      ) : (
        <Avatar
          name={profile.displayName}
          size="xl"
          labelled
          className="ring-4 ring-white shadow-lift"
        />
      )}
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="sr-only"
            aria-label="Choose a new picture"
            disabled={busy}
            onChange={(event) => {
              choose(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <Button variant="secondary" disabled={busy} onClick={() => input.current?.click()}>
            {upload.isPending
              ? 'Uploading…'
              : profile.avatar
                ? 'Change picture'
                : 'Upload a picture'}
          </Button>
          {profile.avatar && !upload.isPending ? (
            <Button variant="ghost" disabled={busy} onClick={() => remove.mutate()}>
              {remove.isPending ? 'Removing…' : 'Remove'}
            </Button>
          ) : null}
        </div>
        <p className="text-sm text-ink-600">
          PNG, JPEG or WebP, up to 5 MB. We crop it to a square.
        </p>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
