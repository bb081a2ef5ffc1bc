import type { ReactNode } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router-dom';
import { AppShell } from './components/AppShell.js';
import { NoticesProvider } from './components/Notices.js';
import { RequireAuth } from './components/RequireAuth.js';
import { AeoOperatorRoutes } from './features/aeo-operator/AeoOperatorRoutes.js';
import { ProgrammeRoutes } from './features/aeo-programme/ProgrammeRoutes.js';
import { ValidationRoutes } from './features/aeo-validation/ValidationRoutes.js';
import { AuditPage } from './features/audit/AuditPage.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { CompilationRoutes } from './features/compilation/CompilationRoutes.js';
import { CurationPage } from './features/compilation/CurationPage.js';
import { ForbiddenPage, NotFoundPage } from './features/errors/StatusPages.js';
import { HomePage } from './features/home/HomePage.js';
import { NotificationsPage } from './features/notifications/NotificationsPage.js';
import { OrganisationPage } from './features/organisation/OrganisationPage.js';
import { ProfilePage } from './features/profile/ProfilePage.js';
import { RiskRoutes } from './features/risk/RiskRoutes.js';
import { SafeAssessmentRoutes } from './features/safe-assessment/SafeAssessmentRoutes.js';
import { ImportPage } from './features/screening-import/ImportPage.js';
import { UpcomingPage } from './features/upcoming/UpcomingPage.js';
import { VerifyPage } from './features/verify/VerifyPage.js';
import { WebhookDetailPage } from './features/webhooks/WebhookDetailPage.js';
import { WebhooksPage } from './features/webhooks/WebhooksPage.js';
import { type AreaId, canOpen, findArea } from './lib/navigation.js';
import { markNavigated } from './lib/route-focus.js';
import { SessionProvider, useSignedIn } from './lib/session.js';

/** A route for an area: the same rule that hides it from the navigation guards the URL. */
function AreaRoute({ area, children }: { area: AreaId; children: ReactNode }) {
  const { roles } = useSignedIn();
  return canOpen(findArea(area), roles) ? children : <ForbiddenPage />;
}

function Providers() {
  return (
    <SessionProvider>
      <NoticesProvider>
        <Outlet />
      </NoticesProvider>
    </SessionProvider>
  );
}

const upcoming = ['recovery', 'continuity'] as const;

/** Pages behind an area's access rule: [path, area, page]. */
const guarded: readonly (readonly [string, AreaId, ReactNode])[] = [
  ['organisation', 'organisation', <OrganisationPage key="organisation" />],
  ['profile', 'profile', <ProfilePage key="profile" />],
  ['audit', 'audit', <AuditPage key="audit" />],
  ['webhooks', 'webhooks', <WebhooksPage key="webhooks" />],
  ['webhooks/:id', 'webhooks', <WebhookDetailPage key="webhook" />],
  ['operator/aeo-status/*', 'aeoStatus', <AeoOperatorRoutes key="aeoStatus" />],
  ['operator/filings', 'filings', <ImportPage key="filings" />],
  ['aeo/validation/*', 'validationQueue', <ValidationRoutes key="validation" />],
  ['aeo/programme/*', 'aeoProgramme', <ProgrammeRoutes key="programme" />],
  ['safe/monitoring/*', 'safeMonitoring', <SafeAssessmentRoutes key="safeMonitoring" />],
  ['risk/*', 'risk', <RiskRoutes key="risk" />],
  ['safe/compilation', 'compilation', <CurationPage key="compilation" />],
];

const router = createBrowserRouter([
  {
    element: <Providers />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      // Public: anyone holding a certificate (or its QR code) checks it here, without an account.
      { path: '/verify/*', element: <VerifyPage /> },
      // Public: the online AEO compilation (directory, statistics, MRA network), no account needed.
      { path: '/compilation/*', element: <CompilationRoutes /> },
      {
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          ...guarded.map(([path, area, page]) => ({
            path,
            element: <AreaRoute area={area}>{page}</AreaRoute>,
          })),
          { path: 'notifications', element: <NotificationsPage /> },
          ...upcoming.map((id) => ({
            path: findArea(id).path.slice(1),
            element: (
              <AreaRoute area={id}>
                <UpcomingPage area={id} />
              </AreaRoute>
            ),
          })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

router.subscribe(markNavigated);

export function App() {
  return <RouterProvider router={router} />;
}
