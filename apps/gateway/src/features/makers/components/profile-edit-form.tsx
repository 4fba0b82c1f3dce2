import type { OwnProfile } from '@makrx/contracts';
import { profileLimits } from '@makrx/contracts/profile-limits';
import { Button, FormField, inputClasses } from '@makrx/ui';
import { useState } from 'react';
import { useEditProfile } from '../own-profile-api';
import {
  profileEditOf,
  profileFormErrors,
  type ProfileFormErrors,
  type ProfileFormValues,
} from '../presentation';
import { LinksField } from './links-field';
import { SkillsField } from './skills-field';

const valuesOf = (profile: OwnProfile): ProfileFormValues => ({
  displayName: profile.displayName,
  headline: profile.headline,
  bio: profile.bio,
  location: profile.location,
  skills: profile.skills,
  links: profile.links,
});

/** The service's refusal of one field, as the form shows it beside the field. */
function serviceErrors(error: unknown): ProfileFormErrors {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return {};
  return Object.fromEntries(
    details
      .filter((d): d is { field: string; message: string } => typeof d?.field === 'string')
      .map((d) => [d.field, d.message]),
  );
}

function Counter({ value, max }: { value: string; max: number }) {
  const left = max - value.trim().length;
  return (
    <span className={left < 0 ? 'text-red-700' : 'text-ink-500'}>
      {left < 0 ? `${-left} over` : `${left} left`}
    </span>
  );
}

/**
 * The owner's profile as a form: live messages as they type (after a field is first left, or
 * once they tried to save), saved in one request; `onSaved` hears of the saved profile.
 */
export function ProfileEditForm({
  profile,
  onSaved,
}: {
  profile: OwnProfile;
  onSaved: (saved: OwnProfile) => void;
}) {
  const [values, setValues] = useState(() => valuesOf(profile));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const save = useEditProfile();
  const errors = profileFormErrors(values);
  const shownErrors: ProfileFormErrors = {
    ...serviceErrors(save.error),
    ...Object.fromEntries(
      Object.entries(errors).filter(([field]) => tried || touched.has(field.split('.')[0]!)),
    ),
  };
  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const leave = (field: string) => setTouched((current) => new Set(current).add(field));

  return (
    <form
      aria-label="Edit your profile"
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (Object.keys(errors).length > 0) return;
        save.mutate(profileEditOf(values), { onSuccess: onSaved });
      }}
    >
      <FormField
        label="Name"
        hint="How people see you across MakrX."
        error={shownErrors.displayName}
      >
        {(field) => (
          <input
            {...field}
            className={inputClasses}
            value={values.displayName}
            autoComplete="name"
            onChange={(event) => set('displayName', event.target.value)}
            onBlur={() => leave('displayName')}
          />
        )}
      </FormField>
      <FormField
        label="Headline"
        hint={
          <>
            What you make, in a line.{' '}
            <Counter value={values.headline} max={profileLimits.headline} />
          </>
        }
        error={shownErrors.headline}
      >
        {(field) => (
          <input
            {...field}
            className={inputClasses}
            value={values.headline}
            placeholder="Furniture maker mixing CNC and hand tools"
            onChange={(event) => set('headline', event.target.value)}
            onBlur={() => leave('headline')}
          />
        )}
      </FormField>
      <FormField
        label="City"
        hint="Where you make things, e.g. “Lisbon, Portugal”."
        error={shownErrors.location}
      >
        {(field) => (
          <input
            {...field}
            className={inputClasses}
            value={values.location}
            autoComplete="address-level2"
            onChange={(event) => set('location', event.target.value)}
            onBlur={() => leave('location')}
          />
        )}
      </FormField>
      <FormField
        label="Bio"
        hint={
          <>
            A few words about you and your work. **Bold**, _italics_, lists and links work
            (Markdown). <Counter value={values.bio} max={profileLimits.bio} />
          </>
        }
        error={shownErrors.bio}
      >
        {(field) => (
          <textarea
            {...field}
            rows={6}
            className={`${inputClasses} h-auto py-2 leading-6`}
            value={values.bio}
            onChange={(event) => set('bio', event.target.value)}
            onBlur={() => leave('bio')}
          />
        )}
      </FormField>
      <SkillsField
        skills={values.skills}
        onChange={(skills) => set('skills', skills)}
        error={shownErrors.skills}
      />
      <LinksField
        links={values.links}
        onChange={(links) => set('links', links)}
        onBlur={() => leave('links')}
        errors={shownErrors}
      />
      <div className="flex flex-wrap items-center gap-3 border-t border-ink-200 pt-6">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save profile'}
        </Button>
        {save.isError ? (
          <p role="alert" className="text-sm text-red-700">
            Your profile was not saved: {save.error.message}
          </p>
        ) : tried && Object.keys(errors).length > 0 ? (
          <p role="alert" className="text-sm text-red-700">
            Fix the fields marked above, then save again.
          </p>
        ) : null}
      </div>
    </form>
  );
}
