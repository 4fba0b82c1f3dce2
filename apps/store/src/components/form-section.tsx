import type { ReactNode } from 'react';
import { cx } from '@makrx/ui';

/** A titled card holding one part of a long form: "Details", "Variants and stock". */
export function FormSection({
  id,
  title,
  description,
  className,
  children,
}: {
  /** The heading's id, which names the section for screen readers. */
  id: string;
  title: string;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={cx('rounded-2xl border border-ink-200 bg-white p-5 sm:p-6', className)}
    >
      <h2 id={id} className="text-lg font-bold text-ink-950">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-ink-600">{description}</p> : null}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}
