import { ApiError, type ApiClient } from '../api';
import type { Candidate } from '../api-types';
import { Link } from '../components/Link';
import { ErrorNote, Panel } from '../components/Panel';
import { Phone } from '../components/people/MemberCard';
import { formatCount, useLang } from '../i18n';
import { boardText, occupationLabel, placeOf } from '../people-format';
import type { VacancyDetail } from '../people-types';
import { areaName } from '../regions';
import { formatDay } from '../time';
import { useLoad } from '../use-load';
import { wageRange } from '../wage-range';
import { Back } from './People';

/** A fact line; a field the poster left empty says so rather than disappearing. */
function Fact({ label, children }: { label: string; children?: React.ReactNode }) {
  const { t } = useLang();
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">{t.notStated}</span>}</dd>
    </>
  );
}

/** What a worker asks before going: who, where, how much, hours, contract, insurance, board, whom to call. */
function VacancyFacts({ v }: { v: VacancyDetail }) {
  const { t, lang } = useLang();
  const remaining = v.remaining ?? Math.max(0, v.openings - v.filled);
  return (
    <dl className="facts vacancy-facts">
      <Fact label={t.employer}>
        {v.employer?.name && (
          <>
            {v.employer.name}
            {v.employer.industry && <span className="muted"> · {v.employer.industry}</span>}
          </>
        )}
      </Fact>
      {v.source.name && <Fact label={t.poster}>{`${t.source[v.source.type]} · ${v.source.name}`}</Fact>}
      <Fact label={t.location}>{placeOf(v.location, lang)}</Fact>
      <Fact label={t.wage}>
        {wageRange(v.wage, lang)} {t.period[v.wage.period]}
      </Fact>
      <Fact label={t.occupation}>{occupationLabel(v.occupation, lang)}</Fact>
      {v.skills.length > 0 && (
        <Fact label={t.skills}>
          {v.skills.map((s) => occupationLabel(s, lang)).join(lang === 'zh' ? '、' : ', ')}
        </Fact>
      )}
      <Fact label={t.workingHours}>{v.workingHours}</Fact>
      <Fact label={t.contractTerms}>{v.contractTerms}</Fact>
      <Fact label={t.socialInsurance}>{v.socialInsurance && t.socialInsuranceTerms[v.socialInsurance]}</Fact>
      <Fact label={t.mealsAndLodging}>{boardText(v, t) ?? t.no}</Fact>
      <Fact label={t.ageRange}>{t.ageBetween(v.ageRange.min, v.ageRange.max)}</Fact>
      <Fact label={t.capacities}>{v.labourCapacities.map((c) => t.capacity[c]).join('、')}</Fact>
      <Fact label={t.remaining}>{t.remainingOf(remaining, v.openings)}</Fact>
      {v.welfare && (
        <Fact label={t.welfare}>{t.welfareSubsidy(v.welfare.monthlySubsidy, v.welfare.termMonths)}</Fact>
      )}
      <Fact label={t.contact}>
        {v.contact && (
          <>
            {v.contact.name} <Phone phone={v.contact.phone} />
          </>
        )}
      </Fact>
      <Fact label={t.postedAt}>{formatDay(v.postedAt, lang)}</Fact>
      <Fact label={t.expiresAt}>{formatDay(v.expiresAt, lang)}</Fact>
    </dl>
  );
}

function CandidateLine({ c }: { c: Candidate }) {
  const { t, lang } = useLang();
  const w = c.worker;
  const who = w?.name ?? t.nameHidden;
  return (
    <li className={c.zeroEmploymentHousehold ? 'zero' : ''} data-worker={c.workerId}>
      <div className="job-line">
        {/* The household page opens for those who see the name (they answer for the household). */}
        {w?.name ? <Link to={{ page: 'household', id: c.householdId }}>{who}</Link> : <span>{who}</span>}
        {c.zeroEmploymentHousehold && <span className="badge clearOverdue">{t.status.zero_employment}</span>}
        <span className="muted">
          {[
            t.yearsOld(w?.age ?? c.age),
            w?.gender && t.gender[w.gender],
            t.capacity[(w?.labourCapacity ?? c.labourCapacity) as keyof typeof t.capacity],
            w && areaName(w.countyCode, lang),
            w?.relocationSite?.name,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <span className="muted">
          {t.score} {formatCount(Math.round(c.score * 100) / 100, lang)}
        </span>
      </div>
      <div className="reasons">{c.reasons.map((x) => (lang === 'zh' ? x.zh : x.en)).join(' · ')}</div>
    </li>
  );
}

/** The candidates, for those the platform lets read them; for anyone else the section is not offered. */
function CandidatesSection({ api, id }: { api: ApiClient; id: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.candidates(id, signal), id);
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    const refused = state.error instanceof ApiError && [403, 404].includes(state.error.status);
    return refused ? null : <ErrorNote error={state.error} />;
  }
  return (
    <section className="card" data-testid="candidates">
      <h2>{t.candidatesTitle}</h2>
      {state.data.items.length === 0 ? (
        <p className="muted">{t.noRecommendations}</p>
      ) : (
        <ol className="ranked">
          {state.data.items.map((c) => (
            <CandidateLine key={c.workerId} c={c} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** A vacancy's page: its detail for everyone signed in, its candidates for those allowed. */
export function VacancyPage({ api, id }: { api: ApiClient; id: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.vacancy(id, signal), id);
  return (
    <main className="detail vacancy-page">
      <Back />
      <Panel
        title={state.status === 'ok' ? state.data.title : t.vacancyTitle}
        state={state}
        extra={
          state.status === 'ok' && (
            <span className={`badge vacancy-${state.data.status}`}>
              {t.vacancyStatus[state.data.status as keyof typeof t.vacancyStatus] ?? state.data.status}
            </span>
          )
        }
      >
        {(v) => (
          <>
            <VacancyFacts v={v} />
            {v.description && <p className="vacancy-description">{v.description}</p>}
          </>
        )}
      </Panel>
      {state.status === 'ok' && <CandidatesSection api={api} id={id} />}
    </main>
  );
}
