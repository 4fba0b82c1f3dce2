'use client';

import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Button } from './button';

export interface FormDialogProps {
  open: boolean;
  title: string;
  /** A sentence under the title. */
  description?: ReactNode;
  /** The form's fields. */
  children: ReactNode;
  submitLabel: string;
  /** Shown on the submit button while the change is on its way, e.g. "Booking…". */
  pendingLabel?: string;
  pending?: boolean;
  /** Why the service refused; the dialog stays open so the change can be made again. */
  error?: ReactNode;
  /** `danger` for a change that shuts something down. */
  tone?: 'primary' | 'danger';
  onSubmit: (form: FormData) => void;
  onCancel: () => void;
}

/**
 * A modal form on the native `<dialog>`: focus goes to the first field (or one marked
 * `data-autofocus`), stays inside, Escape cancels and focus returns to what opened it. The
 * fields are the caller's, checked by the browser (required, type, length) before the dialog
 * hands their values over as `FormData`.
 */
export function FormDialog({
  open,
  title,
  description,
  children,
  submitLabel,
  pendingLabel,
  pending = false,
  error,
  tone = 'primary',
  onSubmit,
  onCancel,
}: FormDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      const first =
        element.querySelector<HTMLElement>('[data-autofocus]') ??
        element.querySelector<HTMLElement>('input, select, textarea');
      first?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const cancel = () => {
    if (!pending) onCancel();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onSubmit(new FormData(event.currentTarget));
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      className="fixed inset-0 m-auto h-fit max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-2xl bg-white p-0 text-left text-ink-900 shadow-lift ring-1 ring-ink-200 backdrop:bg-ink-950/50"
    >
      {open ? (
        <form onSubmit={submit}>
          <div className="space-y-4 p-6">
            <div>
              <h2 id={titleId} className="text-lg font-semibold text-ink-950">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="mt-1.5 text-sm leading-6 text-ink-600">
                  {description}
                </div>
              ) : null}
            </div>
            {children}
            {error ? (
              <div
                role="alert"
                className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset"
              >
                {error}
              </div>
            ) : null}
          </div>
          <div className="flex flex-col-reverse gap-2 border-t border-ink-100 bg-ink-50 px-6 py-4 sm:flex-row sm:justify-end">
            <Button
              type="button"
              variant="secondary"
              aria-disabled={pending || undefined}
              onClick={cancel}
            >
              Cancel
            </Button>
            <Button type="submit" variant={tone} aria-disabled={pending || undefined}>
              {pending && pendingLabel ? pendingLabel : submitLabel}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
