import { useMemo, useState } from 'react';
import { apiClient } from './api';
import { Header } from './components/Header';
import { SignIn } from './components/SignIn';
import { LangProvider } from './i18n';
import { navigate, useRoute } from './router';
import { allowedArea, loadSession, saveSession, type Session } from './session';
import { CasePage } from './views/CasePage';
import { Dashboard, defaultArea } from './views/Dashboard';
import { ImportPage } from './views/ImportPage';
import { SubsidiesPage } from './views/SubsidiesPage';
import { MonthlyReportPage } from './views/MonthlyReportPage';
import { TrainingPage } from './views/TrainingPage';
import { HouseholdPage, WorkerPage } from './views/People';
import { SearchPage } from './views/SearchPage';
import { VacancyPage } from './views/VacancyPage';

function Shell() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const route = useRoute();
  const api = useMemo(() => (session ? apiClient(session.token) : undefined), [session]);
  const signIn = (next: Session | undefined) => {
    saveSession(next);
    setSession(next);
    if (!next) navigate({ page: 'dashboard' });
  };
  // A county office sees its own county, a prefecture office its prefecture and its counties, whatever the
  // address says; the server would refuse the rest.
  const area =
    session && route.page === 'dashboard'
      ? allowedArea(session, route.area, defaultArea(session))
      : undefined;
  return (
    <>
      <Header session={session} onSignOut={() => signIn(undefined)} />
      {!session || !api ? (
        <SignIn onSignIn={signIn} />
      ) : route.page === 'case' ? (
        <CasePage
          key={route.id}
          api={api}
          session={session}
          area={allowedArea(session, route.area, defaultArea(session))}
          id={route.id}
        />
      ) : route.page === 'household' ? (
        <HouseholdPage key={route.id} api={api} session={session} id={route.id} />
      ) : route.page === 'worker' ? (
        <WorkerPage key={route.id} api={api} session={session} id={route.id} />
      ) : route.page === 'vacancy' ? (
        <VacancyPage key={route.id} api={api} id={route.id} />
      ) : route.page === 'search' ? (
        <SearchPage api={api} session={session} q={route.q} idNumber={route.idNumber} />
      ) : route.page === 'import' ? (
        <ImportPage api={api} session={session} />
      ) : route.page === 'subsidies' ? (
        <SubsidiesPage api={api} session={session} />
      ) : route.page === 'reports' ? (
        <MonthlyReportPage session={session} county={route.county} month={route.month} />
      ) : route.page === 'training' ? (
        <TrainingPage session={session} courseId={route.courseId} />
      ) : (
        <Dashboard api={api} session={session} area={area ?? '520000'} />
      )}
    </>
  );
}

export function App() {
  return (
    <LangProvider>
      <Shell />
    </LangProvider>
  );
}
