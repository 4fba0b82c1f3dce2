'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { AlertIcon } from './icons';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the change is on its way, e.g. "Locking…". */
  pendingLabel?: string;
  /** `danger` for a change that shuts someone out or cannot be taken back. */
  tone?: 'primary' | 'danger';
  pending?: boolean;
  /** Why the change was refused; the dialog stays open so the choice can be made again. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before a consequential change, on the native `<dialog>`: focus stays inside
 * it, Escape cancels, and focus returns to what opened it. Cancel takes focus first, so a
 * stray Enter does nothing harmful.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  tone = 'primary',
  pending = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="fixed inset-0 m-auto h-fit w-[calc(100%-2rem)] max-w-md overflow-hidden rounded-2xl bg-white p-0 text-left text-ink-900 shadow-lift ring-1 ring-ink-200 backdrop:bg-ink-950/50"
    >
      <div className="flex gap-4 p-6">
        {tone === 'danger' ? (
          <span className="grid size-10 shrink-0 place-items-center rounded-full bg-red-50 text-xl text-red-600 ring-1 ring-red-200">
            <AlertIcon />
          </span>
        ) : null}
        <div className="min-w-0">
          <h2 id={titleId} className="text-lg font-semibold text-ink-950">
            {title}
          </h2>
          <div id={descriptionId} className="mt-2 text-sm leading-6 text-ink-600">
            {children}
          </div>
          {error ? (
            <p
              role="alert"
              className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset"
            >
              {error}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-ink-100 bg-ink-50 px-6 py-4 sm:flex-row sm:justify-end">
        <Button
          ref={cancel}
          variant="secondary"
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onCancel();
          }}
        >
          Cancel
        </Button>
        <Button
          variant={tone}
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {pending && pendingLabel ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
