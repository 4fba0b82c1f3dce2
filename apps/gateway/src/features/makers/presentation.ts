import type { MakerProfile, MakerspaceRoleName, ProfileEdit, ProfileLink } from '@makrx/contracts';
import { MAX_AVATAR_BYTES, profileLimits } from '@makrx/contracts/profile-limits';

/** "Milo" of "Milo Member": how the page speaks of the maker. */
export function firstNameOf(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || displayName;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** The words of the service's sanitized bio HTML, for a card's two-line summary. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Nothing of the maker's own to show: no bio, skills, links, milestones or featured projects. */
export function hasSharedNothing(maker: MakerProfile): boolean {
  return (
    !maker.headline &&
    !maker.bio &&
    maker.skills.length === 0 &&
    maker.links.length === 0 &&
    maker.achievements.length === 0 &&
    maker.featuredProjects.length === 0
  );
}

/** A link as the page writes it: the address's host and path, without the scheme. */
export function linkDisplay(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** The edit form's values as typed (links as rows that may still be half filled). */
export interface ProfileFormValues {
  displayName: string;
  headline: string;
  bio: string;
  location: string;
  skills: string[];
  links: ProfileLink[];
}

export type ProfileFormErrors = Partial<Record<string, string>>;

const tooLong = (what: string, max: number) => `${what} can be at most ${max} characters.`;

function linkErrors(links: ProfileLink[], errors: ProfileFormErrors) {
  links.forEach((link, index) => {
    if (!link.label.trim()) errors[`links.${index}.label`] = 'Give the link a label.';
    else if (link.label.trim().length > profileLimits.linkLabel)
      errors[`links.${index}.label`] = tooLong('A label', profileLimits.linkLabel);
    const url = link.url.trim();
    let valid = false;
    try {
      const parsed = new URL(url);
      valid =
        (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.host.includes('.');
    } catch {
      valid = false;
    }
    if (!valid) errors[`links.${index}.url`] = 'Enter an address starting with https://';
    else if (url.length > profileLimits.linkUrl)
      errors[`links.${index}.url`] = tooLong('An address', profileLimits.linkUrl);
  });
}

/**
 * What is wrong with the form as it stands, by field (`links.0.url`), in words: the service's
 * rules (contracts' `profileEdit`), said while the maker types rather than after saving.
 */
export function profileFormErrors(values: ProfileFormValues): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  const name = values.displayName.trim();
  if (!name) errors.displayName = 'Enter the name people know you by.';
  else if (name.length > profileLimits.displayName)
    errors.displayName = tooLong('Your name', profileLimits.displayName);
  if (values.headline.trim().length > profileLimits.headline)
    errors.headline = tooLong('The headline', profileLimits.headline);
  if (values.bio.trim().length > profileLimits.bio)
    errors.bio = tooLong('Your bio', profileLimits.bio);
  if (values.location.trim().length > profileLimits.location)
    errors.location = tooLong('The city', profileLimits.location);
  if (values.skills.length > profileLimits.skills)
    errors.skills = `List at most ${profileLimits.skills} skills.`;
  if (values.links.length > profileLimits.links)
    errors.links = `Add at most ${profileLimits.links} links.`;
  linkErrors(values.links, errors);
  return errors;
}

/**
 * A skill typed into the chips field, or why it is not added: empty, too long, already there,
 * or one too many.
 */
export function skillToAdd(
  typed: string,
  skills: readonly string[],
): { skill: string } | { error: string } | null {
  const skill = typed.trim().replace(/\s+/g, ' ');
  if (!skill) return null;
  if (skill.length > profileLimits.skill) return { error: tooLong('A skill', profileLimits.skill) };
  if (skills.some((s) => s.toLowerCase() === skill.toLowerCase()))
    return { error: `“${skill}” is already listed.` };
  if (skills.length >= profileLimits.skills)
    return { error: `List at most ${profileLimits.skills} skills.` };
  return { skill };
}

/** The form's values as the service takes them: trimmed. */
export function profileEditOf(values: ProfileFormValues): ProfileEdit {
  return {
    displayName: values.displayName.trim(),
    headline: values.headline.trim(),
    bio: values.bio.trim(),
    location: values.location.trim(),
    skills: values.skills,
    links: values.links.map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
  };
}

const acceptedPictureTypes = ['image/png', 'image/jpeg', 'image/webp'];

/** Why a chosen picture will not be taken, before it is sent; null when it may be. */
export function pictureProblem(file: { type: string; size: number }): string | null {
  if (!acceptedPictureTypes.includes(file.type)) return 'Choose a PNG, JPEG or WebP picture.';
  if (file.size > MAX_AVATAR_BYTES) return 'Choose a picture of at most 5 MB.';
  return null;
}

const roleNames: Record<MakerspaceRoleName, string> = {
  makerspace_admin: 'Admin',
  service_provider: 'Service provider',
  member: 'Member',
};
const rolePrecedence: MakerspaceRoleName[] = ['makerspace_admin', 'service_provider', 'member'];

/** The one role a profile names a maker by in a makerspace: the most they hold there. */
export function makerspaceRoleLabel(roles: readonly MakerspaceRoleName[]): string {
  const top = rolePrecedence.find((role) => roles.includes(role)) ?? 'member';
  return roleNames[top];
}

/** A store category's slug as words: "dev-boards" reads "Dev boards". */
export function purchaseCategoryLabel(slug: string): string {
  return slug.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
}
