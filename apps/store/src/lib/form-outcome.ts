import type { ServiceError } from './service-client';

/**
 * A form's state between sends (React's `useActionState`, which also works without JavaScript):
 * what was typed and what the service refused. A send that succeeds redirects instead (post,
 * redirect, get), so its page says what it did.
 */
export interface FormOutcome<Field extends string> {
  /** How many times the form was sent; its fields start afresh from `values` after each. */
  attempt: number;
  /** What was typed, kept in the form when the service refused it. */
  values: Partial<Record<Field, string>>;
  /** Words beside each field the service refused. */
  errors: Partial<Record<Field, string>>;
  /** A refusal no field explains, or a summary of the fields marked. */
  problem?: string;
}

export const unsentForm: FormOutcome<never> = { attempt: 0, values: {}, errors: {} };

/** How one form reads the service's refusals. */
export interface RefusalFields<Field extends string> {
  /** The form field a field path of the service belongs to (`variants.0.priceCents` → price). */
  fieldOf: (path: string) => Field | undefined;
  /** Codes about one field whatever the details say (`SKU_TAKEN` → sku), in the service's words. */
  codes?: Partial<Record<ServiceError['code'], Field>>;
  /** Words an admin can act on for a refused field, instead of the schema's. */
  advice?: Partial<Record<Field, string>>;
}

type Refusal = Pick<ServiceError, 'code' | 'message' | 'details'>;

/**
 * The service's refusal as words beside the fields: a validation failure names each field in
 * its details; a conflict (a taken slug, an unknown category) is known by its code.
 */
export function refusedFields<Field extends string>(
  refusal: Refusal,
  form: RefusalFields<Field>,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const fieldOfCode = form.codes?.[refusal.code];
  if (fieldOfCode) {
    errors[fieldOfCode] = refusal.message;
    return errors;
  }
  if (refusal.code !== 'VALIDATION_FAILED' || !Array.isArray(refusal.details)) return errors;
  for (const detail of refusal.details as Array<{ field?: unknown; message?: unknown }>) {
    const field = typeof detail.field === 'string' ? form.fieldOf(detail.field) : undefined;
    if (!field || errors[field]) continue;
    errors[field] =
      form.advice?.[field] ??
      (typeof detail.message === 'string' ? detail.message : refusal.message);
  }
  return errors;
}

/**
 * A form after the service refused it: the typed values kept, each refused field marked, and
 * `summary` above them (the service's own words when no field explains the refusal).
 */
export function refusedForm<Field extends string>(
  previous: FormOutcome<Field>,
  values: FormOutcome<Field>['values'],
  refusal: Refusal,
  form: RefusalFields<Field>,
  summary: string,
): FormOutcome<Field> {
  const errors = refusedFields(refusal, form);
  const problem = Object.keys(errors).length > 0 ? summary : refusal.message;
  return { attempt: previous.attempt + 1, values, errors, problem };
}

/** The form's text fields as sent, trimmed; a field left out of the form reads as empty. */
export const formValues = <Field extends string>(form: FormData, fields: readonly Field[]) =>
  Object.fromEntries(
    fields.map((field) => [field, String(form.get(field) ?? '').trim()]),
  ) as Record<Field, string>;

/**
 * The props that tie a shared field (components/form-field) to its form's outcome: its id and
 * name, the text it starts from (what was typed, else what is saved) and the words beside it.
 */
export const bindField =
  <Field extends string>(
    formId: string,
    outcome: FormOutcome<Field>,
    saved: Partial<Record<Field, string>> = {},
  ) =>
  (field: Field) => ({
    id: `${formId}-${field}`,
    name: field,
    defaultValue: outcome.values[field] ?? saved[field] ?? '',
    error: outcome.errors[field],
  });

/**
 * A key for a form's fields that changes whenever they must start afresh: after each send, and
 * when the saved values they start from change (another form on the page saved them).
 */
export const freshFieldsKey = <Field extends string>(
  outcome: FormOutcome<Field>,
  saved: Partial<Record<Field, string>> = {},
) => `${outcome.attempt}:${JSON.stringify(saved)}`;
