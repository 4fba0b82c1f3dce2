/**
 * The most a maker's profile holds (a profile, not a portfolio): the service refuses more, the
 * gateway's form says so as the maker types. Imported by the browser as
 * `@makrx/contracts/profile-limits`, without the zod schemas.
 */
export const profileLimits = {
  displayName: 80,
  headline: 120,
  bio: 4000,
  location: 80,
  skills: 12,
  skill: 40,
  links: 5,
  linkLabel: 40,
  linkUrl: 300,
} as const;

/** The largest picture a maker may upload, before it is resized. */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
