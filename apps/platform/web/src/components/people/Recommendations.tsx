import { useState } from 'react';
import type { ApiClient } from '../../api';
import type { Recommendation } from '../../api-types';
import { useLang } from '../../i18n';
import { boardText, placeOf } from '../../people-format';
import type { VacancySummary } from '../../people-types';
import { useLoad } from '../../use-load';
import { vacanciesById } from '../../vacancy-titles';
import { wageRange } from '../../wage-range';
import { Link } from '../Link';
import { ErrorNote } from '../Panel';

/**
 * Each recommendation's vacancy summary: the platform's own (issue 17), or for a platform that gives ids
 * only, what the vacancy list says (no employer then); a vacancy found in neither is left out.
 */
async function summariesOf(
  api: ApiClient,
  items: readonly Recommendation[],
): Promise<(VacancySummary | undefined)[]> {
  const missing = items.filter((r) => !r.vacancy).map((r) => r.vacancyId);
  const listed = missing.length > 0 ? await vacanciesById(api, missing) : new Map<string, VacancySummary>();
  return items.map((r) => r.vacancy ?? listed.get(r.vacancyId));
}

/**
 * One job a line: title (to its page), employer, city, wage, 包吃住; why it was recommended below. With
 * `first`, that many (the "131" service's three) and the rest on request.
 */
export function RecommendationList({
  api,
  items,
  first,
}: {
  api: ApiClient;
  items: readonly Recommendation[];
  first?: number;
}) {
  const { t, lang } = useLang();
  const [all, setAll] = useState(false);
  const shown = all || first === undefined ? items.length : first;
  const summaries = useLoad(() => summariesOf(api, items), items.map((r) => r.vacancyId).join(','), true);
  if (items.length === 0) return <p className="muted">{t.noRecommendations}</p>;
  if (summaries.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (summaries.status === 'error') return <ErrorNote error={summaries.error} />;
  return (
    <>
      <ol className="ranked jobs" data-testid="recommendations">
        {items.flatMap((r, i) => {
          const v = summaries.data[i];
          if (!v || i >= shown) return [];
          const board = boardText(v, t);
          return [
            <li key={r.vacancyId} data-vacancy={r.vacancyId}>
              <div className="job-line">
                <Link to={{ page: 'vacancy', id: r.vacancyId }} className="job-title">
                  {v.title}
                </Link>
                {v.employer?.name && <span className="job-employer">{v.employer.name}</span>}
              </div>
              <div className="vacancy-meta">
                <span>{placeOf(v.location, lang)}</span>
                <span>
                  {wageRange(v.wage, lang)} {t.period[v.wage.period]}
                </span>
                {board && <span className="badge board">{board}</span>}
              </div>
              <div className="reasons">{r.reasons.map((x) => (lang === 'zh' ? x.zh : x.en)).join(' · ')}</div>
            </li>,
          ];
        })}
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
  const state = useLoad((signal) => api.recommendations(workerId, signal), workerId);
  if (state.status === 'loading') return <LoadingLine />;
  if (state.status === 'error') return <ErrorNote error={state.error} />;
  return <RecommendationList api={api} items={state.data.items} first={first} />;
}

function LoadingLine() {
  const { t } = useLang();
  return <p className="muted">{t.loading}</p>;
}
