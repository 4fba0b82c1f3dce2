import { authRoutes } from '@makrx/spa-kit';
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { RouteLoading } from './route-loading';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';

// Own chunks: the first page's JavaScript budget is for the home page's visitors.
const MakersPage = lazy(() =>
  import('./routes/makers-page').then((module) => ({ default: module.MakersPage })),
);
const MakerProfilePage = lazy(() =>
  import('./routes/maker-profile-page').then((module) => ({ default: module.MakerProfilePage })),
);
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
const FeedPage = lazy(() =>
  import('./routes/feed-page').then((module) => ({ default: module.FeedPage })),
);
const MakerspaceMembersPage = lazy(() =>
  import('./routes/makerspace-members-page').then((module) => ({
    default: module.MakerspaceMembersPage,
  })),
);
const AccountSessionsPage = lazy(() =>
  import('./routes/account-sessions-page').then((module) => ({
    default: module.AccountSessionsPage,
  })),
);
const AccountOverviewPage = lazy(() =>
  import('./routes/account-pages').then((module) => ({ default: module.AccountOverviewPage })),
);
const AccountPreferencesPage = lazy(() =>
  import('./routes/account-pages').then((module) => ({ default: module.AccountPreferencesPage })),
);
const AccountDataPage = lazy(() =>
  import('./routes/account-pages').then((module) => ({ default: module.AccountDataPage })),
);
const ProfileEditPage = lazy(() =>
  import('./routes/profile-edit-page').then((module) => ({ default: module.ProfileEditPage })),
);
const AccountPasskeysPage = lazy(() =>
  import('./routes/account-passkeys-page').then((module) => ({
    default: module.AccountPasskeysPage,
  })),
);
const NotificationsPage = lazy(() =>
  import('./routes/notifications-page').then((module) => ({ default: module.NotificationsPage })),
);

const MyEcosystemPage = lazy(() =>
  import('./routes/my-ecosystem-page').then((module) => ({ default: module.MyEcosystemPage })),
);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'makers',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <MakersPage />
          </Suspense>
        ),
      },
      {
        path: 'makers/:handle',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <MakerProfilePage />
          </Suspense>
        ),
      },
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
        path: 'feed',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <FeedPage />
          </Suspense>
        ),
      },
      {
        path: 'makerspaces/:slug/members',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <MakerspaceMembersPage />
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
      ...[
        { path: 'account', Page: AccountOverviewPage },
        { path: 'account/profile', Page: ProfileEditPage },
        { path: 'account/preferences', Page: AccountPreferencesPage },
        { path: 'account/sessions', Page: AccountSessionsPage },
        { path: 'account/passkeys', Page: AccountPasskeysPage },
        { path: 'account/data', Page: AccountDataPage },
      ].map(({ path, Page }) => ({
        path,
        element: (
          <Suspense fallback={<RouteLoading />}>
            <Page />
          </Suspense>
        ),
      })),
      {
        path: 'account/ecosystem',
        element: (
          <Suspense fallback={<RouteLoading />}>
            <MyEcosystemPage />
          </Suspense>
        ),
      },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
