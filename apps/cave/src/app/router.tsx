import { authRoutes } from '@makrx/spa-kit';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { DirectoryPage } from './routes/directory-page';
import { MakerspacePage } from './routes/makerspace-page';
import { NotFoundPage } from './routes/not-found-page';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DirectoryPage /> },
      { path: 'makerspaces/:slug', element: <MakerspacePage /> },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
