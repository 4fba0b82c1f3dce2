import { authRoutes } from '@makrx/spa-kit';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { DirectoryPage } from './routes/directory-page';
import { MakerspacePage } from './routes/makerspace-page';
import { NotFoundPage } from './routes/not-found-page';

/*
 * The directory and a makerspace's page load with the app: they are what visitors open. Every
 * other page has a chunk of its own, fetched when it is first opened, so the first page stays
 * small; the machine and makerspace calendars' chunks are the only ones that carry the calendar
 * component.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const EquipmentPage = page(() => import('./routes/equipment-page'), 'EquipmentPage');
const MachinePage = page(() => import('./routes/machine-page'), 'MachinePage');
const MachineCalendarPage = page(
  () => import('./routes/machine-calendar-page'),
  'MachineCalendarPage',
);
const MakerspaceCalendarPage = page(
  () => import('./routes/makerspace-calendar-page'),
  'MakerspaceCalendarPage',
);
const TrainingsPage = page(() => import('./routes/trainings-page'), 'TrainingsPage');
const BillingPage = page(() => import('./routes/billing-page'), 'BillingPage');
const SettingsPage = page(() => import('./routes/settings-page'), 'SettingsPage');
const MembersPage = page(() => import('./routes/members-page'), 'MembersPage');
const MyBookingsPage = page(() => import('./routes/my-bookings-page'), 'MyBookingsPage');
const MakerspaceFeaturesPage = page(
  () => import('./routes/makerspace-features-page'),
  'MakerspaceFeaturesPage',
);
const ProjectsPage = page(() => import('./routes/projects-page'), 'ProjectsPage');
const ProjectPage = page(() => import('./routes/project-page'), 'ProjectPage');
const MyProjectsPage = page(() => import('./routes/my-projects-page'), 'MyProjectsPage');
const NewProjectPage = page(() => import('./routes/new-project-page'), 'NewProjectPage');
const EditProjectPage = page(() => import('./routes/edit-project-page'), 'EditProjectPage');
// Analytics and their chart library load only on that page.
const AnalyticsPage = page(
  () => import('../features/analytics/components/analytics-page'),
  'AnalyticsPage',
);
// Only service providers open them: offerings, the job queue, a job, earnings.
const PrintJobsPage = page(() => import('./routes/print-jobs-page'), 'PrintJobsPage');
const PrintJobPage = page(() => import('./routes/print-job-page'), 'PrintJobPage');
// Only MakrCave's admins open it, from their home.
const NewMakerspacePage = page(() => import('./routes/new-makerspace-page'), 'NewMakerspacePage');
// Only invitees open it, from their mail.
const InviteAcceptPage = page(() => import('./routes/invite-accept-page'), 'InviteAcceptPage');

const loading = (
  <p role="status" className="py-16 text-center text-ink-600">
    Loading…
  </p>
);
const onDemand = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={loading}>
    <Page />
  </Suspense>
);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DirectoryPage /> },
      { path: 'makerspaces/:slug', element: <MakerspacePage /> },
      { path: 'makerspaces/:slug/equipment', element: onDemand(EquipmentPage) },
      { path: 'makerspaces/:slug/equipment/:machine', element: onDemand(MachinePage) },
      {
        path: 'makerspaces/:slug/equipment/:machine/calendar',
        element: onDemand(MachineCalendarPage),
      },
      { path: 'makerspaces/:slug/calendar', element: onDemand(MakerspaceCalendarPage) },
      { path: 'makerspaces/:slug/trainings', element: onDemand(TrainingsPage) },
      { path: 'makerspaces/:slug/members', element: onDemand(MembersPage) },
      { path: 'makerspaces/:slug/billing', element: onDemand(BillingPage) },
      { path: 'makerspaces/:slug/manage/features', element: onDemand(MakerspaceFeaturesPage) },
      { path: 'makerspaces/:slug/manage/settings', element: onDemand(SettingsPage) },
      { path: 'makerspaces/:slug/analytics', element: onDemand(AnalyticsPage) },
      { path: 'makerspaces/:slug/print-jobs', element: onDemand(PrintJobsPage) },
      { path: 'makerspaces/:slug/print-jobs/:jobId', element: onDemand(PrintJobPage) },
      { path: 'new-makerspace', element: onDemand(NewMakerspacePage) },
      { path: 'bookings', element: onDemand(MyBookingsPage) },
      { path: 'projects', element: onDemand(ProjectsPage) },
      { path: 'projects/:slug', element: onDemand(ProjectPage) },
      { path: 'projects/:slug/edit', element: onDemand(EditProjectPage) },
      { path: 'my-projects', element: onDemand(MyProjectsPage) },
      { path: 'new-project', element: onDemand(NewProjectPage) },
      { path: 'invites/accept', element: onDemand(InviteAcceptPage) },
      ...authRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
