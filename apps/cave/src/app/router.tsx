import { authRoutes } from '@makrx/spa-kit';
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { DirectoryPage } from './routes/directory-page';
import { MakerspacePage } from './routes/makerspace-page';
import { NotFoundPage } from './routes/not-found-page';

// Its own chunk: the directory's first page is for visitors, not for makerspace admins.
const MakerspaceFeaturesPage = lazy(() =>
  import('./routes/makerspace-features-page').then((module) => ({
    default: module.MakerspaceFeaturesPage,
  })),
);
// Projects have their own chunk too, so the directory's first page stays small.
const ProjectsPage = lazy(() =>
  import('./routes/projects-page').then((module) => ({ default: module.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import('./routes/project-page').then((module) => ({ default: module.ProjectPage })),
);
// Analytics and their chart library load only on that page.
const AnalyticsPage = lazy(() =>
  import('../features/analytics/components/analytics-page').then((module) => ({
    default: module.AnalyticsPage,
  })),
);
// Only invitees open it, from their mail.
const InviteAcceptPage = lazy(() =>
  import('./routes/invite-accept-page').then((module) => ({ default: module.InviteAcceptPage })),
);
const loading = (
  <p role="status" className="py-16 text-center text-ink-600">
    Loading…
  </p>
);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DirectoryPage /> },
      { path: 'makerspaces/:slug', element: <MakerspacePage /> },
      {
        path: 'makerspaces/:slug/manage/features',
        element: (
          <Suspense fallback={loading}>
            <MakerspaceFeaturesPage />
          </Suspense>
        ),
      },
      {
        path: 'makerspaces/:slug/analytics',
        element: (
          <Suspense fallback={loading}>
            <AnalyticsPage />
          </Suspense>
        ),
      },
      {
        path: 'projects',
        element: (
          <Suspense fallback={loading}>
            <ProjectsPage />
          </Suspense>
        ),
      },
      {
        path: 'projects/:slug',
        element: (
          <Suspense fallback={loading}>
            <ProjectPage />
          </Suspense>
        ),
      },
      {
        path: 'invites/accept',
        element: (
          <Suspense fallback={loading}>
            <InviteAcceptPage />
          </Suspense>
        ),
      },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
