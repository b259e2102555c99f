import type { ApiClient } from '../api';
import { Link } from '../components/Link';
import { Panel } from '../components/Panel';
import { MemberCard, MemberFacts, MemberHead } from '../components/people/MemberCard';
import { WorkerJobs } from '../components/people/Recommendations';
import { useLang } from '../i18n';
import { headOf } from '../people-format';
import type { HouseholdProfile, SiteRef } from '../people-types';
import { areaName } from '../regions';
import type { Session } from '../session';
import { formatDay } from '../time';
import { useLoad } from '../use-load';

export const Back = () => {
  const { t } = useLang();
  return (
    <Link to={{ page: 'dashboard' }} className="back">
      {t.back}
    </Link>
  );
};

/** Recommendations are for those who answer for the worker: the county office, brokers, the admin. */
export const mayReadRecommendations = (session: Session): boolean =>
  session.role === 'county_office' || session.role === 'broker' || session.role === 'admin';

/** Where the household lives: county, site, building or village. */
function Whereabouts({
  countyCode,
  site,
  address,
}: {
  countyCode: string;
  site: SiteRef;
  address?: string | null;
}) {
  const { t, lang } = useLang();
  return (
    <>
      <dt>{t.site}</dt>
      <dd data-testid="site">
        {areaName(countyCode, lang)} · {site.name}
      </dd>
      {address !== undefined && (
        <>
          <dt>{t.address}</dt>
          <dd>{address ?? <span className="muted">{t.noAddress}</span>}</dd>
        </>
      )}
    </>
  );
}

function HouseholdFacts({ h }: { h: HouseholdProfile }) {
  const { t, lang } = useLang();
  return (
    <dl className="facts">
      {h.status && (
        <>
          <dt>{t.colStatus}</dt>
          <dd>
            <span className={`badge status-${h.status}`}>{t.householdStatus[h.status]}</span>
          </dd>
        </>
      )}
      <Whereabouts countyCode={h.countyCode} site={h.relocationSite} address={h.address} />
      {h.employedCount !== undefined && (
        <>
          <dt>{t.employedCount}</dt>
          <dd>
            {h.employedCount} / {h.members.length}
          </dd>
        </>
      )}
      {h.registeredAt && (
        <>
          <dt>{t.registeredAt}</dt>
          <dd>{formatDay(h.registeredAt, lang)}</dd>
        </>
      )}
    </dl>
  );
}

/** A household's page: where it lives, each member with phone and employment, jobs for those looking. */
export function HouseholdPage({ api, session, id }: { api: ApiClient; session: Session; id: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.householdProfile(id, signal), id);
  const title =
    state.status === 'ok' ? t.householdOf(headOf(state.data.members)?.name ?? t.nameHidden) : t.household;
  return (
    <main className="detail household-page">
      <Back />
      <Panel title={title} state={state} className="household-card">
        {(h) => (
          <>
            <HouseholdFacts h={h} />
            <h3>{t.membersTitle}</h3>
            <ul className="member-cards" data-testid="members">
              {h.members.map((m) => (
                <MemberCard key={m.workerId} api={api} m={m} showJobs={mayReadRecommendations(session)} />
              ))}
            </ul>
          </>
        )}
      </Panel>
    </main>
  );
}

/** A person's page: who, where, phone, employment, and the jobs recommended for them. */
export function WorkerPage({ api, session, id }: { api: ApiClient; session: Session; id: string }) {
  const { t } = useLang();
  const state = useLoad((signal) => api.worker(id, signal), id);
  return (
    <main className="detail worker-page">
      <Back />
      <Panel title={t.personPage} state={state}>
        {(w) => (
          <>
            <MemberHead m={w} link={false} />
            <MemberFacts m={w}>
              <Whereabouts countyCode={w.countyCode} site={w.relocationSite} />
            </MemberFacts>
            <p>
              <Link to={{ page: 'household', id: w.householdId }}>{t.householdLink}</Link>
            </p>
          </>
        )}
      </Panel>
      {mayReadRecommendations(session) && state.status === 'ok' && (
        <section className="card">
          <h2>{jobsTitle(state.data.name, t)}</h2>
          <WorkerJobs api={api} workerId={id} />
        </section>
      )}
    </main>
  );
}

const jobsTitle = (name: string | null, t: ReturnType<typeof useLang>['t']) =>
  name ? t.jobsFor(name) : t.jobsForMember;
