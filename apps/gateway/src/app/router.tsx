import { authRoutes } from '@makrx/spa-kit';
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { RouteLoading } from './route-loading';
import { HomePage } from './routes/home-page';
import { MakerProfilePage } from './routes/maker-profile-page';
import { MakersPage } from './routes/makers-page';
import { NotFoundPage } from './routes/not-found-page';

// Own chunks: the first page's JavaScript budget is for the home page's visitors.
const SearchPage = lazy(() =>
  import('./routes/search-page').then((module) => ({ default: module.SearchPage })),
);
const UserAdminPage = lazy(() =>
  import('./routes/user-admin-page').then((module) => ({ default: module.UserAdminPage })),
);
const UserDetailPage = lazy(() =>
  import('./routes/user-detail-page').then((module) => ({ default: module.UserDetailPage })),
);
const FlagAdminPage = lazy(() =>
  import('./routes/flag-admin-page').then((module) => ({ default: module.FlagAdminPage })),
);
const AuditLogPage = lazy(() =>
  import('./routes/audit-log-page').then((module) => ({ default: module.AuditLogPage })),
);
const AddressesPage = lazy(() =>
  import('./routes/addresses-page').then((module) => ({ default: module.AddressesPage })),
);
const NotificationsPage = lazy(() =>
  import('./routes/notifications-page').then((module) => ({ default: module.NotificationsPage })),
);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'makers', element: <MakersPage /> },
      { path: 'makers/:handle', element: <MakerProfilePage /> },
      {
        path: 'search',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <SearchPage />
          </Suspense>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <UserAdminPage />
          </Suspense>
        ),
      },
      {
        path: 'admin/users/:id',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <UserDetailPage />
          </Suspense>
        ),
      },
      {
        path: 'admin/flags',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <FlagAdminPage />
          </Suspense>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <AuditLogPage />
          </Suspense>
        ),
      },
      {
        path: 'notifications',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <NotificationsPage />
          </Suspense>
        ),
      },
      {
        path: 'account/addresses',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <AddressesPage />
          </Suspense>
        ),
      },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
