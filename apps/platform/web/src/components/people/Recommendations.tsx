import { useState } from 'react';
import type { ApiClient } from '../../api';
import type { Recommendation } from '../../api-types';
import { useLang } from '../../i18n';
import { boardText, placeOf } from '../../people-format';
import { useLoad } from '../../use-load';
import { wageRange } from '../../wage-range';
import { Link } from '../Link';
import { ErrorNote } from '../Panel';

/** A job a line: title (to its page), employer, city, wage, 包吃住; why it was recommended below. */
function JobLine({ r }: { r: Recommendation }) {
  const { t, lang } = useLang();
  const v = r.vacancy;
  const board = boardText(v, t);
  return (
    <li data-vacancy={r.vacancyId}>
      <div className="job-line">
        <Link to={{ page: 'vacancy', id: r.vacancyId }} className="job-title">
          {v.title}
        </Link>
        <span className="job-employer">{v.employer.name}</span>
      </div>
      <div className="vacancy-meta">
        <span>{placeOf(v.location, lang)}</span>
        <span>
          {wageRange(v.wage, lang)} {t.period[v.wage.period]}
        </span>
        {board && <span className="badge board">{board}</span>}
      </div>
      <div className="reasons">{r.reasons.map((x) => (lang === 'zh' ? x.zh : x.en)).join(' · ')}</div>
    </li>
  );
}

/** The recommended jobs; with `first`, that many (the "131" service's three) and the rest on request. */
export function RecommendationList({ items, first }: { items: readonly Recommendation[]; first?: number }) {
  const { t } = useLang();
  const [all, setAll] = useState(false);
  const shown = all || first === undefined ? items.length : first;
  if (items.length === 0) return <p className="muted">{t.noRecommendations}</p>;
  return (
    <>
      <ol className="ranked jobs" data-testid="recommendations">
        {items.slice(0, shown).map((r) => (
          <JobLine key={r.vacancyId} r={r} />
        ))}
      </ol>
      {shown < items.length && (
        <button type="button" className="link-button show-all" onClick={() => setAll(true)}>
          {t.showAll(items.length)}
        </button>
      )}
    </>
  );
}

/** A worker's recommendations, loaded for the page (`first`: how many before "show all"). */
export function WorkerJobs({ api, workerId, first }: { api: ApiClient; workerId: string; first?: number }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.recommendations(workerId, signal), workerId);
  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') return <ErrorNote error={state.error} />;
  return <RecommendationList items={state.data.items} first={first} />;
}
