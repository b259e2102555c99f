import { useState } from 'react';
import type { ApiClient } from '../../api';
import type { VacancyView } from '../../api-types';
import { useLang } from '../../i18n';
import { useLoad } from '../../use-load';
import { vacanciesById } from '../../vacancy-titles';
import { wageRange } from '../../wage-range';

const FIRST = 5;

interface Offer {
  readonly vacancy: VacancyView;
  readonly reasons?: readonly string[];
}

/** The offers a measure can name: the member's recommendations (job), or the county's welfare posts. */
function useOffers(api: ApiClient, source: 'recommendations' | 'welfare', workerId: string, county: string) {
  const { lang } = useLang();
  return useLoad(async (signal): Promise<Offer[]> => {
    if (source === 'welfare') {
      const page = await api.vacancies(
        { county, source: 'public_welfare', status: 'open', limit: 50 },
        signal,
      );
      return page.items.map((vacancy) => ({ vacancy }));
    }
    if (!workerId) return [];
    const recs = await api.recommendations(workerId, signal);
    const byId = await vacanciesById(
      api,
      recs.items.map((r) => r.vacancyId),
    );
    return recs.items.flatMap((r) => {
      const vacancy = byId.get(r.vacancyId);
      const reasons = r.reasons.map((x) => (lang === 'zh' ? x.zh : x.en));
      return vacancy
        ? [{ vacancy: r.vacancy ? { ...vacancy, title: r.vacancy.title } : vacancy, reasons }]
        : [];
    });
  }, `${source}:${workerId}:${county}:${lang}`);
}

/** Vacancies by title, to tick the ones offered; each with where, the wage and why it was recommended. */
export function VacancyPicker({
  api,
  source,
  workerId,
  county,
  selected,
  onChange,
  error,
}: {
  api: ApiClient;
  source: 'recommendations' | 'welfare';
  workerId: string;
  county: string;
  selected: readonly string[];
  onChange(ids: string[]): void;
  error?: string;
}) {
  const { t, lang } = useLang();
  const offers = useOffers(api, source, workerId, county);
  const [all, setAll] = useState(false);
  const list = offers.status === 'ok' ? offers.data : [];
  // The best few first (the "131" asks for three); the rest on request, and any already ticked.
  const shown = all ? list : list.filter((o, i) => i < FIRST || selected.includes(o.vacancy.vacancyId));
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <fieldset className={`sub-form offers${error ? ' has-error' : ''}`} data-field="vacancyIds">
      <legend>{source === 'welfare' ? t.welfarePosts : t.vacanciesOffered}</legend>
      {source === 'recommendations' && <p className="hint">{t.pick131}</p>}
      {offers.status === 'loading' && <p className="muted">{t.loading}</p>}
      {offers.status === 'error' && <p className="muted">{t.unavailable}</p>}
      {offers.status === 'ok' && offers.data.length === 0 && <p className="muted">{t.noRecommendations}</p>}
      {shown.map(({ vacancy: v, reasons }) => (
        <label key={v.vacancyId} className="offer" data-vacancy={v.vacancyId}>
          <input
            type="checkbox"
            checked={selected.includes(v.vacancyId)}
            onChange={(e) => toggle(v.vacancyId, e.target.checked)}
          />
          <span>
            <strong className="offer-title">{v.title}</strong>{' '}
            <span className={`badge source-${v.source.type}`}>{t.source[v.source.type]}</span>
            <span className="offer-employer"> {v.employer.name}</span>
            <span className="offer-meta">
              {v.location.city} · {wageRange(v.wage, lang)} {t.period[v.wage.period]}
            </span>
            {reasons && reasons.length > 0 && (
              <span className="reasons">{reasons.slice(0, 2).join(' · ')}</span>
            )}
          </span>
        </label>
      ))}
      {shown.length < list.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t.showAll(list.length)}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
