/*
 * The projects' pages. "My projects" and "New project" sit outside /projects/, where they would
 * read as projects called "mine" and "new" (a title can make either slug).
 */
const project = (slug: string) => `/projects/${encodeURIComponent(slug)}`;

export const projectPaths = {
  all: '/projects',
  tag: (tag: string) => `/projects?tag=${encodeURIComponent(tag)}`,
  mine: '/my-projects',
  new: '/new-project',
  project,
  edit: (slug: string) => `${project(slug)}/edit`,
} as const;
