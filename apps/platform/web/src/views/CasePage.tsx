import { useEffect, useState } from 'react';
import { readOwnWrite, type ApiClient } from '../api';
import type { ZeroEmploymentCaseDetail } from '../api-types';
import { AssignForm } from '../components/case/AssignForm';
import { CaseFacts, Members } from '../components/case/CaseFacts';
import { MeasureForm } from '../components/case/MeasureForm';
import { Timeline } from '../components/case/Timeline';
import { VerifyForm } from '../components/case/VerifyForm';
import { Link } from '../components/Link';
import { ErrorNote } from '../components/Panel';
import { useLang } from '../i18n';
import { readsOnly, type Session } from '../session';
import { useLoad } from '../use-load';

/** A form in a fold: open at first when its step is still to do; then as the cadre leaves it. */
function Section({
  title,
  open,
  children,
  name,
}: {
  title: string;
  open: boolean;
  children: React.ReactNode;
  name: string;
}) {
  const [isOpen, setOpen] = useState(open);
  return (
    <details
      className="card form-card"
      open={isOpen}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-section={name}
    >
      <summary>
        <h2>{title}</h2>
      </summary>
      {children}
    </details>
  );
}

/**
 * A case's page: its colour and deadlines, its members, its timeline, and the county's three records (assign,
 * check on the ground, measure). After each, the case is read again at the command's position, so the new
 * colour and timeline entry show at once (read-your-writes).
 */
export function CasePage({
  api,
  session,
  area,
  id,
}: {
  api: ApiClient;
  session: Session;
  area: string;
  id: string;
}) {
  const { t } = useLang();
  const [read, setRead] = useState<{ n: number; position?: string }>({ n: 0 });
  const state = useLoad<ZeroEmploymentCaseDetail>(
    (signal) => readOwnWrite(() => api.case(id, signal, read.position)),
    `${id}#${read.n}`,
    true,
  );
  const [nowMs, setNow] = useState(() => Date.now());
  useEffect(() => setNow(Date.now()), [state]);
  const onRecorded = (position?: string) =>
    setRead((r) => ({ n: r.n + 1, position: position ?? r.position }));
  return (
    <main className="detail case-page">
      <Link to={{ page: 'dashboard', area }} className="back">
        {t.backToList}
      </Link>
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <ErrorNote error={state.error} />}
      {state.status === 'ok' && (
        <CaseBody
          api={api}
          c={state.data}
          me={session.sub}
          nowMs={nowMs}
          onRecorded={onRecorded}
          watchOnly={readsOnly(session)}
        />
      )}
    </main>
  );
}

function CaseBody({
  api,
  c,
  me,
  nowMs,
  onRecorded,
  watchOnly,
}: {
  api: ApiClient;
  c: ZeroEmploymentCaseDetail;
  me: string;
  nowMs: number;
  onRecorded(position?: string): void;
  /** A prefecture office follows the case and records nothing: no forms. */
  watchOnly: boolean;
}) {
  const { t } = useLang();
  const open = c.status === 'open';
  const verified = c.timeline.some((e) => e.type === 'verified');
  return (
    <>
      <CaseFacts c={c} nowMs={nowMs} />
      <div className="case-grid">
        <section className="card case-members">
          <div className="card-head">
            <h2>{t.householdMembers}</h2>
            {/* Phones, site and address are on the household's page: the office calls from there. */}
            {!watchOnly && (
              <Link to={{ page: 'household', id: c.householdId }} className="household-link">
                {t.householdDetails}
              </Link>
            )}
          </div>
          <Members members={c.members} />
        </section>
        {watchOnly ? (
          <p className="card case-forms muted" data-testid="watch-only">
            {t.watchOnly}
          </p>
        ) : open ? (
          <div className="case-forms">
            <Section title={t.assignTitle} open={!c.assignee} name="assign">
              <AssignForm api={api} c={c} me={me} onRecorded={onRecorded} />
            </Section>
            <Section title={t.verifyTitle} open={!verified} name="verify">
              <VerifyForm api={api} c={c} onRecorded={onRecorded} />
            </Section>
            <Section title={t.measureTitle} open name="measure">
              <MeasureForm api={api} c={c} onRecorded={onRecorded} />
            </Section>
          </div>
        ) : (
          <p className="card case-forms muted">{t.error.case_closed}</p>
        )}
        <section className="card case-timeline">
          <h2>{t.timeline}</h2>
          <Timeline api={api} c={c} />
        </section>
      </div>
    </>
  );
}
