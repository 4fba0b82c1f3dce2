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
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
