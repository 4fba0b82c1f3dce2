import type { Project, ProjectStatus, ProjectVisibility } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import { Button, Card, cx, FormField, inputClasses } from '@makrx/ui';
import { useId, useState } from 'react';
import { useMyMakerspaces } from '../../memberships/api';
import { statusLabels, useDescriptionPreview } from '../api';

/** What the form hands over: the fields as the API takes them. */
export interface ProjectFormValues {
  title: string;
  summary: string;
  description: string;
  tags: string[];
  status: ProjectStatus;
  makerspace: string | null;
  visibility: ProjectVisibility;
}

/** Tags as typed: comma separated, each once (whatever its case), blanks dropped. */
export function tagsFrom(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => {
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The messages of a refused form, by field, as the service names them. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'PROJECT_MAKERSPACE_NOT_JOINED') return { makerspace: error.message };
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details as { field?: unknown; message?: unknown }[]) {
    if (typeof detail?.field === 'string' && typeof detail.message === 'string') {
      errors[detail.field.split('.')[0]!] ??= detail.message;
    }
  }
  return errors;
}

function DescriptionEditor({ initial, error }: { initial: string; error?: string }) {
  const [text, setText] = useState(initial);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const preview = useDescriptionPreview();
  const id = useId();
  const tabClasses = (active: boolean) =>
    cx(
      'rounded-md px-3 py-1.5 text-sm font-medium',
      active ? 'bg-white text-ink-950 shadow-sm' : 'text-ink-600 hover:text-ink-900',
    );
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={`${id}-text`} className="block text-sm font-semibold text-ink-900">
          Description
        </label>
        <div
          role="tablist"
          aria-label="Description"
          className="flex gap-1 rounded-lg bg-ink-100 p-1"
        >
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'write'}
            className={tabClasses(tab === 'write')}
            onClick={() => setTab('write')}
          >
            Write
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'preview'}
            className={tabClasses(tab === 'preview')}
            onClick={() => {
              setTab('preview');
              preview.mutate(text);
            }}
          >
            Preview
          </button>
        </div>
      </div>
      <p id={`${id}-hint`} className="mt-0.5 text-sm text-ink-600">
        Markdown: **bold**, _italic_, # headings, - lists, [links](https://…).
      </p>
      <textarea
        id={`${id}-text`}
        name="description"
        rows={12}
        maxLength={20000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        hidden={tab !== 'write'}
        className={cx(inputClasses, 'mt-1.5 h-auto py-2 font-mono leading-6')}
      />
      {tab === 'preview' ? (
        <div
          role="tabpanel"
          aria-label="Preview"
          aria-busy={preview.isPending}
          className="mt-1.5 min-h-40 rounded-lg border border-ink-200 bg-white p-4"
        >
          {preview.isPending ? (
            <p className="text-sm text-ink-600">Rendering…</p>
          ) : preview.isError ? (
            <p role="alert" className="text-sm text-red-700">
              The preview could not be made: {preview.error.message}
            </p>
          ) : preview.data?.descriptionHtml ? (
            <div
              className="project-prose"
              // Rendered and sanitized by the cave service.
              dangerouslySetInnerHTML={{ __html: preview.data.descriptionHtml }}
            />
          ) : (
            <p className="text-sm text-ink-600">Nothing to preview yet.</p>
          )}
        </div>
      ) : null}
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

export interface ProjectFormProps {
  /** The project being edited; a new one when absent. */
  project?: Project;
  /** Whether visibility may be chosen (a new project's maker, an existing one's owner). */
  mayChangeVisibility: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ProjectFormValues) => void;
  onCancel?: () => void;
}

/** A project's fields: what a maker writes about it, where it is built and who sees it. */
export function ProjectForm({
  project,
  mayChangeVisibility,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: ProjectFormProps) {
  const spaces = useMyMakerspaces();
  const errors = fieldErrorsOf(error);
  const otherFailure = error && Object.keys(errors).length === 0 ? error : null;
  const currentSpace = project?.makerspace;
  const spaceOptions = [
    ...(spaces.data?.items.map((item) => item.makerspace) ?? []),
    // A project already at a makerspace its editor is not in keeps it as a choice.
    ...(currentSpace && !spaces.data?.items.some((i) => i.makerspace.slug === currentSpace.slug)
      ? [currentSpace]
      : []),
  ];
  return (
    <Card className="p-5 sm:p-6">
      <form
        aria-label={project ? 'Edit project' : 'New project'}
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const text = (field: string) => String(data.get(field) ?? '');
          onSubmit({
            title: text('title').trim(),
            summary: text('summary').trim(),
            description: text('description'),
            tags: tagsFrom(text('tags')),
            status: text('status') as ProjectStatus,
            makerspace: text('makerspace') || null,
            visibility: (text('visibility') ||
              project?.visibility ||
              'private') as ProjectVisibility,
          });
        }}
      >
        <FormField label="Title" error={errors.title}>
          {(field) => (
            <input
              {...field}
              name="title"
              required
              minLength={3}
              maxLength={120}
              autoComplete="off"
              defaultValue={project?.title}
              placeholder="Solar-powered weather station"
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField
          label="Summary"
          hint="One or two sentences for the project’s card."
          error={errors.summary}
        >
          {(field) => (
            <textarea
              {...field}
              name="summary"
              rows={2}
              maxLength={300}
              defaultValue={project?.summary}
              className={cx(inputClasses, 'h-auto py-2')}
            />
          )}
        </FormField>
        <DescriptionEditor initial={project?.description ?? ''} error={errors.description} />
        <FormField
          label="Tags"
          hint="Separated by commas, e.g. Electronics, ESP32, 3D printing."
          error={errors.tags}
        >
          {(field) => (
            <input
              {...field}
              name="tags"
              autoComplete="off"
              defaultValue={project?.tags.join(', ')}
              className={inputClasses}
            />
          )}
        </FormField>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField label="Status" error={errors.status}>
            {(field) => (
              <select
                {...field}
                name="status"
                defaultValue={project?.status ?? 'idea'}
                className={inputClasses}
              >
                {Object.entries(statusLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Makerspace" hint="Where it is built." error={errors.makerspace}>
            {(field) => (
              <select
                {...field}
                name="makerspace"
                defaultValue={currentSpace?.slug ?? ''}
                className={inputClasses}
              >
                <option value="">A home workshop</option>
                {spaceOptions.map((space) => (
                  <option key={space.slug} value={space.slug}>
                    {space.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        {mayChangeVisibility ? (
          <fieldset>
            <legend className="text-sm font-semibold text-ink-900">Who can see it</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {(
                [
                  ['private', 'Private', 'Only you and the collaborators you invite.'],
                  ['public', 'Public', 'Everyone: listed, searchable and on your profile.'],
                ] as const
              ).map(([value, label, hint]) => (
                <label
                  key={value}
                  className="flex cursor-pointer gap-3 rounded-xl border border-ink-200 p-3 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50"
                >
                  <input
                    type="radio"
                    name="visibility"
                    value={value}
                    defaultChecked={(project?.visibility ?? 'private') === value}
                    className="mt-1"
                  />
                  <span>
                    <span className="block text-sm font-semibold text-ink-900">{label}</span>
                    <span className="block text-sm text-ink-600">{hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {otherFailure ? (
          <p role="alert" className="text-sm text-red-700">
            {otherFailure instanceof ApiError && otherFailure.code === 'SERVICE_UNREACHABLE'
              ? 'MakrCave could not be reached, so nothing was saved. Try again in a moment.'
              : otherFailure instanceof Error
                ? otherFailure.message
                : 'That did not work. Try again in a moment.'}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 border-t border-ink-100 pt-5">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </Button>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
