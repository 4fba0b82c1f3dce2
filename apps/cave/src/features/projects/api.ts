import type {
  CollaboratorInvitation,
  CollaboratorRole,
  DescriptionPreview,
  MyProjectList,
  NewProject,
  PhotoList,
  Project,
  ProjectActivityList,
  ProjectChange,
  ProjectCollaboratorList,
  ProjectFileLink,
  ProjectFileList,
  ProjectInvitationList,
  ProjectPage,
  ProjectVisibility,
  ReservationList,
} from '@makrx/contracts';
import {
  apiUrl,
  getJson,
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  useSession,
} from '@makrx/spa-kit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadBytes, useCaveApi } from '../../cave-api';

export const PROJECTS_PAGE_SIZE = 9;

const projectPath = (slug: string) => `/projects/${encodeURIComponent(slug)}`;

/** Public projects a page at a time; with a tag, that tag's page. */
export function usePublicProjects(page: number, tag?: string) {
  const { caveApiUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ['projects', 'public', page, tag ?? null],
    queryFn: ({ signal }) =>
      getJson<ProjectPage>(
        caveApiUrl,
        '/api/v1/projects',
        { page, pageSize: PROJECTS_PAGE_SIZE, ...(tag ? { tag } : {}) },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One project, asked with the signed-in user's token so that its people see a private one. */
export function useProject(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', 'detail', slug, user?.username ?? null],
    queryFn: ({ signal }) =>
      requestJson<Project>(send, caveApiUrl, `/api/v1${projectPath(slug)}`, { signal }),
  });
}

/** A project's photos in order: the first is its cover. */
export function useProjectPhotos(slug: string) {
  const api = useCaveApi();
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', 'photos', slug, user?.username ?? null],
    queryFn: ({ signal }) => api<PhotoList>(`${projectPath(slug)}/photos`, { signal }),
  });
}

/** What happened to a project, newest first. */
export function useProjectActivity(slug: string) {
  const api = useCaveApi();
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', 'activity', slug, user?.username ?? null],
    queryFn: ({ signal }) => api<ProjectActivityList>(`${projectPath(slug)}/activity`, { signal }),
  });
}

/** The signed-in person's projects, owned and shared with them; nothing is asked for a guest. */
export function useMyProjects() {
  const api = useCaveApi();
  const session = useSession();
  return useQuery({
    queryKey: ['projects', 'mine'],
    queryFn: ({ signal }) => api<MyProjectList>('/me/projects', { signal }),
    enabled: session.status === 'signed-in',
  });
}

/** Refreshes every view of projects after a change. */
function useProjectsChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['projects'] });
}

export function useCreateProject() {
  const api = useCaveApi();
  const changed = useProjectsChanged();
  return useMutation({
    mutationFn: (body: NewProject) => api<Project>('/projects', { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useUpdateProject(slug: string) {
  const api = useCaveApi();
  const changed = useProjectsChanged();
  return useMutation({
    mutationFn: async ({
      change,
      visibility,
    }: {
      change: ProjectChange;
      /** Sent on its own, since only the owner may change it. */
      visibility?: ProjectVisibility;
    }) => {
      let project = await api<Project>(projectPath(slug), { method: 'PATCH', body: change });
      if (visibility && visibility !== project.visibility) {
        project = await api<Project>(`${projectPath(slug)}/visibility`, {
          method: 'PUT',
          body: { visibility },
        });
      }
      return project;
    },
    onSuccess: changed,
  });
}

export function useDeleteProject(slug: string) {
  const api = useCaveApi();
  const changed = useProjectsChanged();
  return useMutation({
    mutationFn: () => api<null>(projectPath(slug), { method: 'DELETE' }),
    onSuccess: changed,
  });
}

/** The description as the page will show it, rendered and sanitized by the service. */
export function useDescriptionPreview() {
  const api = useCaveApi();
  return useMutation({
    mutationFn: (description: string) =>
      api<DescriptionPreview>('/projects/description-preview', {
        method: 'POST',
        body: { description },
      }),
  });
}

export function formatProjectDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

export const statusLabels = {
  idea: 'Idea',
  in_progress: 'In progress',
  completed: 'Completed',
} as const;

export const roleLabels = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' } as const;

/** A project's collaborators and invitees, for its owner. */
export function useCollaborators(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: ['projects', 'collaborators', slug],
    queryFn: ({ signal }) =>
      api<ProjectCollaboratorList>(`${projectPath(slug)}/collaborators`, { signal }),
  });
}

/** The owner's changes to who collaborates: invite, change a role, remove. */
export function useCollaboratorActions(slug: string) {
  const api = useCaveApi();
  const changed = useProjectsChanged();
  const people = `${projectPath(slug)}/collaborators`;
  return {
    invite: useMutation({
      mutationFn: (body: CollaboratorInvitation) =>
        api<ProjectCollaboratorList>(people, { method: 'POST', body }),
      onSuccess: changed,
    }),
    changeRole: useMutation({
      mutationFn: ({ handle, role }: { handle: string; role: CollaboratorRole }) =>
        api<ProjectCollaboratorList>(`${people}/${encodeURIComponent(handle)}`, {
          method: 'PATCH',
          body: { role },
        }),
      onSuccess: changed,
    }),
    remove: useMutation({
      mutationFn: (handle: string) =>
        api<ProjectCollaboratorList>(`${people}/${encodeURIComponent(handle)}`, {
          method: 'DELETE',
        }),
      onSuccess: changed,
    }),
  };
}

/** Invitations waiting for the signed-in person's answer. */
export function useProjectInvitations(enabled: boolean) {
  const api = useCaveApi();
  const session = useSession();
  return useQuery({
    queryKey: ['projects', 'invitations'],
    queryFn: ({ signal }) => api<ProjectInvitationList>('/me/project-invitations', { signal }),
    enabled: enabled && session.status === 'signed-in',
  });
}

export function useAnswerInvitation() {
  const api = useCaveApi();
  const changed = useProjectsChanged();
  return useMutation({
    mutationFn: ({ slug, accept }: { slug: string; accept: boolean }) =>
      api<null>(
        `/me/project-invitations/${encodeURIComponent(slug)}/${accept ? 'accept' : 'decline'}`,
        {
          method: 'POST',
        },
      ),
    onSuccess: changed,
  });
}

export const COLLABORATION_FLAG = 'ENABLE_PROJECT_COLLABORATION';

/** A project's files, newest first. */
export function useProjectFiles(slug: string) {
  const api = useCaveApi();
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', 'files', slug, user?.username ?? null],
    queryFn: ({ signal }) => api<ProjectFileList>(`${projectPath(slug)}/files`, { signal }),
  });
}

/** Add a file (its bytes as the body, its name in the query), remove one, or get its link. */
export function useProjectFileActions(slug: string) {
  const api = useCaveApi();
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const changed = useProjectsChanged();
  const files = `/api/v1${projectPath(slug)}/files`;
  return {
    upload: useMutation({
      mutationFn: (file: File) =>
        uploadBytes<ProjectFileList>(
          send,
          apiUrl(caveApiUrl, files, { name: file.name }),
          file,
          'The file could not be uploaded.',
          'application/octet-stream',
        ),
      onSuccess: changed,
    }),
    remove: useMutation({
      mutationFn: (fileId: string) =>
        api<ProjectFileList>(`${projectPath(slug)}/files/${fileId}`, { method: 'DELETE' }),
      onSuccess: changed,
    }),
    link: useMutation({
      mutationFn: (fileId: string) =>
        api<ProjectFileLink>(`${projectPath(slug)}/files/${fileId}/link`),
    }),
  };
}

/** The machine time booked for a project. */
export function useProjectBookings(slug: string) {
  const api = useCaveApi();
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', 'bookings', slug, user?.username ?? null],
    queryFn: ({ signal }) => api<ReservationList>(`${projectPath(slug)}/bookings`, { signal }),
  });
}
