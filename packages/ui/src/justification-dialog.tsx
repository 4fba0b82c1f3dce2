'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

export interface JustificationDialogProps {
  open: boolean;
  title: string;
  /** What will change, in plain words, and any fields of the change itself. */
  children: ReactNode;
  submitLabel: string;
  /** Shown on the submit button while the change is on its way, e.g. "Saving…". */
  pendingLabel?: string;
  pending?: boolean;
  /** Why the change was refused; the dialog stays open so it can be tried again. */
  error?: ReactNode;
  /** The shortest reason the service takes. */
  minLength?: number;
  /** Called with the reason, trimmed, once it is long enough. */
  onSubmit: (justification: string) => void;
  onCancel: () => void;
}

/**
 * A change that must be explained before it is made (spec 5, "Flag Change Process"): a modal
 * form on the native `<dialog>` with a required reason. Focus goes to the first field (marked
 * `data-autofocus`, else the reason); Escape cancels; focus returns to what opened it.
 */
export function JustificationDialog({
  open,
  title,
  children,
  submitLabel,
  pendingLabel,
  pending = false,
  error,
  minLength = 10,
  onSubmit,
  onCancel,
}: JustificationDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const reason = useRef<HTMLTextAreaElement>(null);
  const [justification, setJustification] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  const reasonId = useId();
  const hintId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setJustification('');
      setTooShort(false);
      element.showModal();
      const first = element.querySelector<HTMLElement>('[data-autofocus]') ?? reason.current;
      first?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const cancel = () => {
    if (!pending) onCancel();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      className="fixed inset-0 m-auto h-fit w-[calc(100%-2rem)] max-w-lg overflow-hidden rounded-2xl bg-white p-0 text-left text-ink-900 shadow-lift ring-1 ring-ink-200 backdrop:bg-ink-950/50"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (pending) return;
          const trimmed = justification.trim();
          if (trimmed.length < minLength) {
            setTooShort(true);
            reason.current?.focus();
            return;
          }
          onSubmit(trimmed);
        }}
      >
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-ink-950">
            {title}
          </h2>
          <div id={descriptionId} className="space-y-4 text-sm leading-6 text-ink-600">
            {children}
          </div>
          <div>
            <label htmlFor={reasonId} className="block text-sm font-semibold text-ink-900">
              Why are you making this change?
            </label>
            <p id={hintId} className="mt-1 text-sm text-ink-600">
              Recorded in the history and the audit log under your name. At least {minLength}{' '}
              characters.
            </p>
            <textarea
              ref={reason}
              id={reasonId}
              name="justification"
              rows={3}
              required
              value={justification}
              aria-describedby={hintId}
              aria-invalid={tooShort || undefined}
              aria-errormessage={tooShort ? `${reasonId}-error` : undefined}
              onChange={(event) => {
                setJustification(event.target.value);
                if (event.target.value.trim().length >= minLength) setTooShort(false);
              }}
              className="mt-2 block w-full rounded-lg border border-ink-300 bg-white px-3 py-2 text-sm text-ink-900 shadow-sm placeholder:text-ink-500 aria-invalid:border-red-500"
            />
            {tooShort ? (
              <p id={`${reasonId}-error`} role="alert" className="mt-1.5 text-sm text-red-700">
                Say why in at least {minLength} characters.
              </p>
            ) : null}
          </div>
          {error ? (
            <p
              role="alert"
              className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset"
            >
              {error}
            </p>
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
          <Button type="submit" aria-disabled={pending || undefined}>
            {pending && pendingLabel ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
