import { slugFromName } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import { Button, Card, FormField, inputClasses } from '@makrx/ui';
import { useState } from 'react';
import { useCreateMakerspace } from '../api';
import { browserTimeZone, fieldErrorsOf } from '../presentation';
import {
  CityAndCountry,
  CurrencyField,
  TimeZoneField,
  VisibilityChoice,
} from './makerspace-fields';

/** What the new makerspace's page was opened with: it says so above its settings. */
export interface CreatedMakerspaceState {
  created: string;
}

/** A taken slug is the slug field's error, told as the service tells it. */
function slugErrorOf(error: unknown, fieldErrors: Record<string, string>): string | undefined {
  if (error instanceof ApiError && error.code === 'SLUG_TAKEN') return error.message;
  return fieldErrors.slug;
}

/**
 * Opens a makerspace with what it needs to exist: a name, its link (made from the name until
 * edited), where it is, its time zone (the browser's to start with) and who finds it. Address,
 * hours and photos follow on its settings page, where `onCreated` takes the person.
 */
export function NewMakerspaceForm({
  onCreated,
}: {
  onCreated: (slug: string, name: string) => void;
}) {
  const create = useCreateMakerspace();
  const [name, setName] = useState('');
  const [editedSlug, setEditedSlug] = useState<string | null>(null);
  const slug = editedSlug ?? slugFromName(name);
  const [timeZone] = useState(browserTimeZone);
  const errors = fieldErrorsOf(create.error);
  const slugError = slugErrorOf(create.error, errors);
  const otherFailure =
    create.error && !slugError && Object.keys(errors).length === 0 ? create.error : null;

  return (
    <Card className="p-5 sm:p-6">
      <form
        aria-label="New makerspace"
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const text = (field: string) => String(data.get(field) ?? '').trim();
          create.mutate(
            {
              name: text('name'),
              slug,
              city: text('city'),
              country: text('country'),
              ...(text('currency') ? { currency: text('currency') } : {}),
              timeZone: text('timeZone'),
              isPublic: text('visibility') === 'public',
            },
            { onSuccess: (created) => onCreated(created.slug, created.name) },
          );
        }}
      >
        <FormField label="Name" error={errors.name}>
          {(field) => (
            <input
              {...field}
              name="name"
              required
              minLength={2}
              maxLength={120}
              autoComplete="off"
              placeholder="Fab Lab Kochi"
              value={name}
              onChange={(event) => setName(event.target.value)}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField
          label="Link"
          hint={`Its page: /makerspaces/${slug || '…'}. Made from the name; lowercase letters, digits and dashes.`}
          error={slugError}
        >
          {(field) => (
            <input
              {...field}
              name="slug"
              required
              minLength={2}
              maxLength={80}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              autoCapitalize="none"
              spellCheck={false}
              value={slug}
              onChange={(event) => setEditedSlug(event.target.value)}
              className={inputClasses}
            />
          )}
        </FormField>
        <CityAndCountry errors={errors} />
        <TimeZoneField zone={timeZone} error={errors.timeZone} />
        <CurrencyField
          hint="Machine rates, plans and invoices are in it. Left as it is, it follows the country (rupees for India, pounds for the United Kingdom)."
          error={errors.currency}
        />
        <VisibilityChoice isPublic />
        {otherFailure ? (
          <p role="alert" className="text-sm text-red-700">
            {otherFailure instanceof ApiError && otherFailure.code === 'SERVICE_UNREACHABLE'
              ? 'MakrCave could not be reached, so nothing was created. Try again in a moment.'
              : otherFailure.message}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 border-t border-ink-100 pt-5">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Opening…' : 'Open makerspace'}
          </Button>
          <p className="text-sm text-ink-600">
            You become its admin. Address, opening hours and photos come next.
          </p>
        </div>
      </form>
    </Card>
  );
}
