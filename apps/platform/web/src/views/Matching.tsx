import type { ApiClient } from '../api';
import type { Candidates, HouseholdEmployment, Recommendations } from '../api-types';
import { Link } from '../components/Link';
import { Panel } from '../components/Panel';
import { formatCount, useLang } from '../i18n';
import { useLoad } from '../use-load';

const Back = () => {
  const { t } = useLang();
  return (
    <Link to={{ page: 'dashboard' }} className="back">
      {t.back}
    </Link>
  );
};

/** Worker ids are `<householdId>.<n>`, one per member in registration order. */
const workerIdsOf = (household: HouseholdEmployment): string[] =>
  Array.from(
    { length: Math.min(8, household.labourCapableMembers + 2) },
    (_, i) => `${household.householdId}.${i + 1}`,
  );

export function HouseholdView({ api, id }: { api: ApiClient; id: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.household(id, signal), id);
  return (
    <main className="detail">
      <Back />
      <Panel title={`${t.household} ${id}`} state={state}>
        {(h) => (
          <>
            <dl className="facts">
              <dt>{t.warning}</dt>
              <dd>
                <span className={`badge status-${h.status}`}>{t.status[h.status]}</span>
              </dd>
              <dt>{t.labourMembers}</dt>
              <dd>{h.labourCapableMembers}</dd>
              <dt>{t.employedMembers}</dt>
              <dd>{h.employedMembers}</dd>
              <dt>{t.byChannel}</dt>
              <dd>{h.channels.map((c) => t.channel[c]).join('、') || '—'}</dd>
              {h.openCase && (
                <>
                  <dt>{t.openCaseSince}</dt>
                  <dd>{new Date(h.openCase.openedAt).toLocaleString()}</dd>
                </>
              )}
            </dl>
            {h.status === 'zero_employment' &&
              workerIdsOf(h).map((w) => <WorkerRecommendations key={w} api={api} workerId={w} />)}
          </>
        )}
      </Panel>
    </main>
  );
}

function RecommendationList({ data }: { data: Recommendations }) {
  const { t } = useLang();
  if (data.items.length === 0) return <p className="muted">{t.noRecommendations}</p>;
  return (
    <ol className="ranked">
      {data.items.map((r) => (
        <li key={r.vacancyId}>
          <Link to={{ page: 'vacancy', id: r.vacancyId }}>{r.vacancyId}</Link>{' '}
          <span className="muted">
            {t.score} {r.score.toFixed(2)}
          </span>
          <div className="reasons">{r.reasons.map((x) => x.message).join(' · ')}</div>
        </li>
      ))}
    </ol>
  );
}

function WorkerRecommendations({ api, workerId }: { api: ApiClient; workerId: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.recommendations(workerId, signal), workerId);
  // A member number past the household's size answers 404: show nothing for it.
  if (state.status === 'error') return null;
  return (
    <Panel title={`${t.worker} ${workerId} · ${t.recommend}`} state={state} className="nested">
      {(data) => <RecommendationList data={data} />}
    </Panel>
  );
}

export function WorkerView({ api, id }: { api: ApiClient; id: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.recommendations(id, signal), id);
  return (
    <main className="detail">
      <Back />
      <Panel title={`${t.worker} ${id} · ${t.recommend}`} state={state}>
        {(data) => <RecommendationList data={data} />}
      </Panel>
    </main>
  );
}

export function VacancyCandidatesView({ api, id }: { api: ApiClient; id: string }) {
  const { t, lang } = useLang();
  const state = useLoad((signal) => api.candidates(id, signal), id);
  return (
    <main className="detail">
      <Back />
      <Panel title={`${t.candidates} · ${id}`} state={state}>
        {(data: Candidates) =>
          data.items.length === 0 ? (
            <p className="muted">{t.noRecommendations}</p>
          ) : (
            <ol className="ranked">
              {data.items.map((c) => (
                <li key={c.workerId} className={c.zeroEmploymentHousehold ? 'zero' : ''}>
                  <Link to={{ page: 'household', id: c.householdId }}>{c.workerId}</Link>{' '}
                  {c.zeroEmploymentHousehold && (
                    <span className="badge clearOverdue">{t.status.zero_employment}</span>
                  )}{' '}
                  <span className="muted">
                    {t.score} {formatCount(Math.round(c.score * 100) / 100, lang)}
                  </span>
                  <div className="reasons">{c.reasons.map((x) => x.message).join(' · ')}</div>
                </li>
              ))}
            </ol>
          )
        }
      </Panel>
    </main>
  );
}
