import type { ProjectFile } from '@makrx/contracts';
import { Badge, Button, Card, CubeIcon, FormField, inputClasses, Skeleton } from '@makrx/ui';
import { lazy, Suspense, useRef, useState } from 'react';
import { useProjectFileActions, useProjectFiles } from '../api';
import { isPreviewableModel } from '../model-preview/previewable';

// three.js and the parsers load only when a preview opens (the first page's 150 KB budget).
const ModelPreviewDialog = lazy(() => import('../model-preview/model-preview-dialog'));

const accepted = '.stl,.3mf,.obj,.step,.stp,.gcode,.dxf,.pdf,.txt,.md,.csv,.png,.jpg,.jpeg,.zip';

const kindLabels: Record<ProjectFile['kind'], string> = {
  model: '3D model',
  drawing: 'Drawing',
  document: 'Document',
  image: 'Image',
  archive: 'Archive',
};

/** 1.2 MB, 340 KB, 12 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A project's files with their sizes and downloads; its editors add and remove them. */
export function ProjectFiles({ slug, mayEdit }: { slug: string; mayEdit: boolean }) {
  const files = useProjectFiles(slug);
  const { upload, remove, link } = useProjectFileActions(slug);
  const form = useRef<HTMLFormElement>(null);
  const [previewed, setPreviewed] = useState<ProjectFile | null>(null);
  const items = files.data?.items ?? [];
  const failed = upload.error ?? remove.error ?? link.error;
  const linkOf = link.mutateAsync;
  const download = (fileId: string) =>
    link.mutate(fileId, { onSuccess: ({ url }) => window.location.assign(url) });
  if (!mayEdit && files.isSuccess && items.length === 0) return null;
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading" className="text-xl font-semibold text-ink-950">
        Files
      </h2>
      <Card className="mt-4 p-5 sm:p-6">
        {files.isPending ? (
          <Skeleton className="h-12" />
        ) : items.length === 0 ? (
          <p className="text-sm text-ink-600">
            No files yet: models, drawings and instructions go here.
          </p>
        ) : (
          <ul aria-label="Project files" className="divide-y divide-ink-100">
            {items.map((file) => (
              <li key={file.id} className="flex flex-wrap items-center gap-3 py-3">
                <CubeIcon className="size-5 text-ink-500" aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-ink-900">{file.name}</p>
                  <p className="text-sm text-ink-600">
                    {formatBytes(file.byteSize)}
                    {file.uploadedBy ? ` · added by ${file.uploadedBy.displayName}` : ''}
                  </p>
                </div>
                <Badge>{kindLabels[file.kind]}</Badge>
                {isPreviewableModel(file.name) ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Preview ${file.name} in 3D`}
                    onClick={() => setPreviewed(file)}
                  >
                    Preview in 3D
                  </Button>
                ) : null}
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={link.isPending}
                  aria-label={`Download ${file.name}`}
                  onClick={() => download(file.id)}
                >
                  Download
                </Button>
                {mayEdit ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={remove.isPending}
                    aria-label={`Remove ${file.name}`}
                    onClick={() => remove.mutate(file.id)}
                  >
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {mayEdit ? (
          <form
            ref={form}
            aria-label="Add a file"
            className="mt-5 flex flex-wrap items-end gap-3 border-t border-ink-100 pt-5"
            onSubmit={(event) => {
              event.preventDefault();
              const file = new FormData(event.currentTarget).get('file');
              if (file instanceof File && file.size > 0) {
                upload.mutate(file, { onSuccess: () => form.current?.reset() });
              }
            }}
          >
            <FormField
              label="File"
              hint="STL, 3MF, OBJ, STEP, G-code, DXF, PDF, text, images or ZIP; up to 50 MB."
              className="min-w-0 flex-1"
            >
              {(field) => (
                <input
                  {...field}
                  type="file"
                  name="file"
                  required
                  accept={accepted}
                  className={`${inputClasses} py-1.5`}
                />
              )}
            </FormField>
            <Button type="submit" disabled={upload.isPending}>
              {upload.isPending ? 'Uploading…' : 'Add file'}
            </Button>
          </form>
        ) : null}
        {failed ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {failed.message}
          </p>
        ) : null}
      </Card>
      {previewed ? (
        <Suspense fallback={null}>
          <ModelPreviewDialog
            file={previewed}
            linkOf={linkOf}
            onDownload={() => download(previewed.id)}
            onClose={() => setPreviewed(null)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
