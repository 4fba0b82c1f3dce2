import type { ProfileLink } from '@makrx/contracts';
import { profileLimits } from '@makrx/contracts/profile-limits';
import { Button, FormField, inputClasses } from '@makrx/ui';
import type { ProfileFormErrors } from '../presentation';

/** Up to five links, each a label and an http(s) address, added and removed as rows. */
export function LinksField({
  links,
  onChange,
  onBlur,
  errors,
}: {
  links: ProfileLink[];
  onChange: (links: ProfileLink[]) => void;
  /** A field of the links was left: their messages may show from now on. */
  onBlur: () => void;
  errors: ProfileFormErrors;
}) {
  const update = (index: number, change: Partial<ProfileLink>) =>
    onChange(links.map((link, i) => (i === index ? { ...link, ...change } : link)));
  return (
    <fieldset onBlur={onBlur}>
      <legend className="text-sm font-semibold text-ink-900">Links</legend>
      <p className="mt-0.5 text-sm text-ink-600">
        Your website, a repository, a shop — up to {profileLimits.links}.
      </p>
      <ul className="mt-2 space-y-3">
        {links.map((link, index) => (
          <li
            key={index}
            className="grid gap-3 rounded-xl border border-ink-200 p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-start"
          >
            <FormField label={`Label of link ${index + 1}`} error={errors[`links.${index}.label`]}>
              {(field) => (
                <input
                  {...field}
                  className={inputClasses}
                  value={link.label}
                  placeholder="Portfolio"
                  onChange={(event) => update(index, { label: event.target.value })}
                />
              )}
            </FormField>
            <FormField label={`Address of link ${index + 1}`} error={errors[`links.${index}.url`]}>
              {(field) => (
                <input
                  {...field}
                  type="url"
                  inputMode="url"
                  className={inputClasses}
                  value={link.url}
                  placeholder="https://"
                  onChange={(event) => update(index, { url: event.target.value })}
                />
              )}
            </FormField>
            <Button
              variant="ghost"
              className="sm:mt-6"
              onClick={() => onChange(links.filter((_, i) => i !== index))}
            >
              Remove<span className="sr-only"> link {index + 1}</span>
            </Button>
          </li>
        ))}
      </ul>
      {links.length < profileLimits.links ? (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => onChange([...links, { label: '', url: '' }])}
        >
          Add a link
        </Button>
      ) : null}
      {errors.links ? <p className="mt-1 text-sm text-red-700">{errors.links}</p> : null}
    </fieldset>
  );
}
