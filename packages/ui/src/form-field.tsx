import { useId, type ReactNode } from 'react';
import { cx } from './class-names';

/** The look of a text input or select, for fields laid out by hand. */
export const inputClasses =
  'block h-10 w-full rounded-lg border border-ink-300 bg-white px-3 text-sm text-ink-900 shadow-sm placeholder:text-ink-500 aria-invalid:border-red-600';

export interface FormFieldProps {
  label: ReactNode;
  /** A sentence under the label: what goes here, or why. */
  hint?: ReactNode;
  /** What is wrong with the value, shown under the field and linked to it. */
  error?: ReactNode;
  className?: string;
  /** The control, given the ids it must carry. */
  children: (field: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: true;
  }) => ReactNode;
}

/** A labelled control with its hint and error, wired for screen readers. */
export function FormField({ label, hint, error, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-ink-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1.5">
        {children({
          id,
          'aria-describedby': describedBy || undefined,
          'aria-invalid': error ? true : undefined,
        })}
      </div>
      {error ? (
        <p id={errorId} className={cx('mt-1 text-sm text-red-700')}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
