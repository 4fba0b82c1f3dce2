import type { FastifyPluginAsyncZod } from '@makrx/service-kit';
import { z } from 'zod';
import { projectSlug } from '@makrx/contracts';
import { signedFileRoutes } from '../../file-storage';
import { photoAlbumRoutes, photoFileRoutes } from '../../photo-album-routes';
import { projectFileRoutes } from './file-routes';
import { MAX_PROJECT_FILE_BYTES } from './files';
import { projectOf } from './project-access';
import { projectAlbum } from './photos';
import { collaboratorRoutes } from './collaborator-routes';
import { projectRoutes } from './routes';

/**
 * The projects' routes, one plugin: the projects themselves, their photo albums (their own
 * scope, for the photo body parser) and the photos, served outside the API like every album's.
 */
export const projectsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(projectRoutes, { prefix: '/api/v1' });
  await app.register(collaboratorRoutes, { prefix: '/api/v1' });
  await app.register(projectFileRoutes, { prefix: '/api/v1' });
  // Project files are the cave's only private files: their signed links are answered here.
  await signedFileRoutes(app, MAX_PROJECT_FILE_BYTES);
  await app.register(photoAlbumRoutes, {
    prefix: '/api/v1',
    album: projectAlbum,
    path: '/projects/:projectSlug',
    params: z.object({ projectSlug }),
    // Anyone who may see the project sees its photos; its editors change them.
    access: { feature: 'projectManagement', mode: 'write' },
    config: { read: { access: 'public', projectRole: 'viewer' }, write: { projectRole: 'editor' } },
    tags: ['projects'],
    whose: 'a project’s',
    // The project gate found the project before the handler runs.
    ownerOf: async (_params, request) => projectOf(request).id,
  });
  await app.register(photoFileRoutes, { prefix: '/media/projects', folder: 'projects' });
};
