// Providers and routes. The public front door and sign-in load at once; staff screens and the
// patient's questionnaire load on demand so a phone on a slow connection fetches only what it needs.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { RequireStaff } from '../auth/RequireStaff.tsx';
import { SessionProvider } from '../auth/session.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { FrontDoorPage } from '../frontdoor/FrontDoorPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { LoadingState } from './States.tsx';
import { theme } from './theme.ts';

const AppLayout = lazy(() => import('./AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
const BoardPage = lazy(() => import('../infusions/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
const ConsolePage = lazy(() =>
  import('../infusions/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })),
);
const PatientsPage = lazy(() =>
  import('../patients/PatientsPage.tsx').then((m) => ({ default: m.PatientsPage })),
);
const NewPatientPage = lazy(() =>
  import('../patients/NewPatientPage.tsx').then((m) => ({ default: m.NewPatientPage })),
);
const PatientChartPage = lazy(() =>
  import('../patients/PatientChartPage.tsx').then((m) => ({ default: m.PatientChartPage })),
);
const StaffQuestionnairePage = lazy(() =>
  import('../questionnaires/StaffQuestionnairePage.tsx').then((m) => ({ default: m.StaffQuestionnairePage })),
);
const PatientQuestionnairePage = lazy(() =>
  import('../questionnaires/PatientQuestionnairePage.tsx').then((m) => ({
    default: m.PatientQuestionnairePage,
  })),
);
const SafetyAlertsPage = lazy(() =>
  import('../questionnaires/SafetyAlertsPage.tsx').then((m) => ({ default: m.SafetyAlertsPage })),
);
const ProtocolsPage = lazy(() =>
  import('../protocols/ProtocolsPage.tsx').then((m) => ({ default: m.ProtocolsPage })),
);
const DeviceMessagesPage = lazy(() =>
  import('../devices/DeviceMessagesPage.tsx').then((m) => ({ default: m.DeviceMessagesPage })),
);
const DevicesPage = lazy(() =>
  import('../devices/DevicesPage.tsx').then((m) => ({ default: m.DevicesPage })),
);
const OutcomesPage = lazy(() =>
  import('../reports/OutcomesPage.tsx').then((m) => ({ default: m.OutcomesPage })),
);
const LedgerPage = lazy(() => import('../ledger/LedgerPage.tsx').then((m) => ({ default: m.LedgerPage })));
const LeadsPage = lazy(() => import('../leads/LeadsPage.tsx').then((m) => ({ default: m.LeadsPage })));

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={3} zIndex={1000} />
      <BrowserRouter>
        <SessionProvider>
          <Suspense fallback={<LoadingState />}>
            <Routes>
              <Route path="/" element={<FrontDoorPage />} />
              <Route path="/signin" element={<SignInPage />} />
              <Route path="/q/:token" element={<PatientQuestionnairePage />} />
              <Route path="/app" element={<RequireStaff />}>
                <Route element={<AppLayout />}>
                  <Route index element={<Navigate to="/app/infusions" replace />} />
                  <Route path="infusions" element={<BoardPage />} />
                  <Route path="infusions/:id" element={<ConsolePage />} />
                  <Route path="patients" element={<PatientsPage />} />
                  <Route path="patients/new" element={<NewPatientPage />} />
                  <Route path="patients/:id" element={<PatientChartPage />} />
                  <Route path="patients/:id/questionnaire/:instrument" element={<StaffQuestionnairePage />} />
                  <Route path="safety-alerts" element={<SafetyAlertsPage />} />
                  <Route path="protocols" element={<ProtocolsPage />} />
                  <Route path="leads" element={<LeadsPage />} />
                  <Route path="ledger" element={<LedgerPage />} />
                  <Route path="reports" element={<OutcomesPage />} />
                  <Route path="device-messages" element={<DeviceMessagesPage />} />
                  <Route path="devices" element={<DevicesPage />} />
                  <Route path="*" element={<NotFoundPage home="/app" />} />
                </Route>
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
