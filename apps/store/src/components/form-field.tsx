import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { cx } from '@makrx/ui';

const controlClasses =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-400 focus:ring-2 focus:ring-accent-600 focus:outline-none sm:text-sm aria-invalid:ring-red-500';

/** What every field takes besides its control's own attributes. */
interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** Why the last send was refused because of this field, shown under it. */
  error?: string | null;
  wrapperClassName?: string;
}

/** The hint and the error describe the control, so a screen reader reads them with its label. */
function describedBy({ id, hint, error }: FieldProps) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

function HintAndError({ id, hint, error }: FieldProps) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-ink-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A label above its control, then the hint and what was wrong with it. */
function FieldFrame({ children, ...field }: FieldProps & { children: ReactNode }) {
  return (
    <div className={field.wrapperClassName}>
      <label htmlFor={field.id} className="block text-sm font-medium text-ink-900">
        {field.label}
      </label>
      <div className="mt-1.5">{children}</div>
      <HintAndError {...field} />
    </div>
  );
}

export type TextFieldProps = FieldProps & InputHTMLAttributes<HTMLInputElement>;

export function TextField({
  id,
  label,
  hint,
  error,
  wrapperClassName,
  className,
  ...input
}: TextFieldProps) {
  const field = { id, label, hint, error, wrapperClassName };
  return (
    <FieldFrame {...field}>
      <input
        id={id}
        name={input.name ?? id}
        {...describedBy(field)}
        className={cx(controlClasses, className)}
        {...input}
      />
    </FieldFrame>
  );
}

export type MoneyFieldProps = TextFieldProps & { currency: string };

/** An amount typed as the buyer reads it ("24.99"), in the currency its label names. */
export function MoneyField({ currency, label, className, ...input }: MoneyFieldProps) {
  return (
    <TextField
      label={`${label} (${currency})`}
      inputMode="decimal"
      autoComplete="off"
      placeholder="24.99"
      className={cx('tabular-nums', className)}
      {...input}
    />
  );
}

export type TextAreaFieldProps = FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({
  id,
  label,
  hint,
  error,
  wrapperClassName,
  className,
  ...textarea
}: TextAreaFieldProps) {
  const field = { id, label, hint, error, wrapperClassName };
  return (
    <FieldFrame {...field}>
      <textarea
        id={id}
        name={textarea.name ?? id}
        {...describedBy(field)}
        className={cx(controlClasses, className)}
        {...textarea}
      />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldProps & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({
  id,
  label,
  hint,
  error,
  wrapperClassName,
  className,
  children,
  ...select
}: SelectFieldProps) {
  const field = { id, label, hint, error, wrapperClassName };
  return (
    <FieldFrame {...field}>
      <select
        id={id}
        name={select.name ?? id}
        {...describedBy(field)}
        className={cx(controlClasses, 'pr-8', className)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export type FileFieldProps = FieldProps & InputHTMLAttributes<HTMLInputElement>;

export function FileField({
  id,
  label,
  hint,
  error,
  wrapperClassName,
  className,
  ...input
}: FileFieldProps) {
  const field = { id, label, hint, error, wrapperClassName };
  return (
    <FieldFrame {...field}>
      <input
        id={id}
        name={input.name ?? id}
        type="file"
        {...describedBy(field)}
        className={cx(
          'block w-full text-sm text-ink-700 file:mr-3 file:rounded-lg file:border-0 file:bg-ink-100 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-ink-900',
          className,
        )}
        {...input}
      />
    </FieldFrame>
  );
}

export type CheckboxFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'defaultValue'> & {
    /** "on" starts it ticked: the value a ticked box sends, so a kept value reads the same. */
    defaultValue?: string;
  };

/** A box with its label beside it, then the hint and what was wrong with it. */
export function CheckboxField({
  id,
  label,
  hint,
  error,
  wrapperClassName,
  defaultValue,
  ...input
}: CheckboxFieldProps) {
  const field = { id, label, hint, error, wrapperClassName };
  return (
    <div className={wrapperClassName}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={input.name ?? id}
          type="checkbox"
          defaultChecked={defaultValue === 'on'}
          {...describedBy(field)}
          className="size-4 rounded border-ink-300 text-accent-600"
          {...input}
        />
        <label htmlFor={id} className="text-sm text-ink-900">
          {label}
        </label>
      </div>
      <HintAndError {...field} />
    </div>
  );
}

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

const noticeTones: Record<NoticeTone, string> = {
  info: 'border-sky-200 bg-sky-50 text-sky-900',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  danger: 'border-red-200 bg-red-50 text-red-900',
};

/** A message box; `danger` and `warning` are announced as alerts. */
export function Notice({
  tone = 'info',
  title,
  children,
  className,
}: {
  tone?: NoticeTone;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div
      role={urgent ? 'alert' : 'status'}
      className={cx('rounded-xl border px-4 py-3 text-sm', noticeTones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
