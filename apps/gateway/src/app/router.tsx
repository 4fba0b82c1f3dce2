import { authRoutes } from '@makrx/spa-kit';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { HomePage } from './routes/home-page';
import { MakerProfilePage } from './routes/maker-profile-page';
import { MakersPage } from './routes/makers-page';
import { NotFoundPage } from './routes/not-found-page';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'makers', element: <MakersPage /> },
      { path: 'makers/:handle', element: <MakerProfilePage /> },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
