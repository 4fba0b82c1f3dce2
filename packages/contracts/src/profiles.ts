import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

export const profileHandle = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a handle: lowercase letters, digits and dashes');

export const makerProfile = z.object({
  handle: z.string(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  location: z.string(),
  skills: z.array(z.string()),
  featured: z.boolean(),
  joinedAt: z.iso.datetime(),
});
export type MakerProfile = z.infer<typeof makerProfile>;

export const profileListQuery = pageQuery.extend({
  featured: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ProfileListQuery = z.infer<typeof profileListQuery>;

export const profilePage = pageOf(makerProfile);
export type ProfilePage = z.infer<typeof profilePage>;
