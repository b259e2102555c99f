import type { ApiClient } from '../api';
import { householdsPath } from '../api-people';
import { ExportButton } from '../components/people/ExportButton';
import { Link } from '../components/Link';
import { Panel } from '../components/Panel';
import { Phone } from '../components/people/MemberCard';
import { useLang } from '../i18n';
import type { HouseholdHit, WorkerHit } from '../people-types';
import { areaName } from '../regions';
import type { Session } from '../session';
import type { Loadable } from '../use-dashboard-data';
import { usePagedSearch } from '../use-search';
import { Back } from './People';

const LIMIT = 50;

function HouseholdHits({ items }: { items: readonly HouseholdHit[] }) {
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="muted">{t.noHouseholdsFound}</p>;
  return (
    <ul className="hits" data-testid="household-hits">
      {items.map((h) => (
        <li key={h.householdId} data-household={h.householdId}>
          <div className="hit-head">
            <Link to={{ page: 'household', id: h.householdId }} className="hit-name">
              {t.householdOf(h.head?.name ?? t.nameHidden)}
            </Link>
            <span className={`badge status-${h.status}`}>{t.householdStatus[h.status]}</span>
            <span className="muted">
              {t.membersN(h.memberCount)} · {t.employedN(h.employedCount)}
            </span>
          </div>
          <div className="vacancy-meta">
            <span>
              {areaName(h.countyCode, lang)} · {h.relocationSite.name}
            </span>
            {h.address && <span>{h.address}</span>}
          </div>
          {h.matched && h.matched.length > 0 && (
            <div className="reasons">
              {t.matched}
              {h.matched.map((m) => m.name ?? t.nameHidden).join('、')}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function WorkerHits({ items }: { items: readonly WorkerHit[] }) {
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="muted">{t.noPeopleFound}</p>;
  return (
    <ul className="hits" data-testid="worker-hits">
      {items.map((w) => (
        <li key={w.workerId} data-worker={w.workerId}>
          <div className="hit-head">
            <Link to={{ page: 'worker', id: w.workerId }} className="hit-name">
              {w.name ?? t.nameHidden}
            </Link>
            <span className="muted">
              {[w.gender && t.gender[w.gender], t.yearsOld(w.age)].filter(Boolean).join(' · ')}
            </span>
            <span className={`badge capacity-${w.labourCapacity}`}>{t.capacity[w.labourCapacity]}</span>
            <span className={w.employed ? 'employed' : 'muted'}>
              {w.employed ? t.status.covered : t.notEmployed}
            </span>
          </div>
          <div className="vacancy-meta">
            <span>
              {areaName(w.countyCode, lang)} · {w.relocationSite.name}
            </span>
            <Phone phone={w.phone} />
            <span>
              {t.idLast4} {w.idLast4}
            </span>
            <Link to={{ page: 'household', id: w.householdId }}>{t.householdLink}</Link>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Found({ state, text }: { state: Loadable<{ total: number }>; text(n: number): string }) {
  return state.status === 'ok' ? <span className="count">{text(state.data.total)}</span> : null;
}

/** How many of how many are shown, and the next page on request. */
function More({
  shown,
  total,
  loadMore,
  text,
}: {
  shown: number;
  total: number;
  loadMore?: () => void;
  text(shown: number, total: number): string;
}) {
  const { t } = useLang();
  if (total <= shown && !loadMore) return null;
  return (
    <div className="list-foot">
      <span className="muted">{text(shown, total)}</span>
      {loadMore && (
        <button type="button" className="secondary" onClick={loadMore}>
          {t.loadMore}
        </button>
      )}
    </div>
  );
}

/**
 * Households and people found by a name, pinyin initials or a phone; with no words, the county's households
 * (a county office's own county; the platform keeps everyone to their scope).
 */
export function SearchPage({
  api,
  session,
  q,
  idNumber,
}: {
  api: ApiClient;
  session: Session;
  q: string;
  idNumber?: string;
}) {
  const { t } = useLang();
  const countyCode = session.role === 'county_office' ? session.countyCode : undefined;
  const words = idNumber ?? (q.trim() || undefined);
  // A phone is searched by 4 digits or more (fewer would list a county, not find a person).
  const tooShort = words !== undefined && /^\d{1,3}$/.test(words);
  // A whole ID number is matched exactly (through the platform's keyed hash), not as text.
  const search = idNumber ? { idNumber } : { q: words };
  const households = usePagedSearch(
    (cursor, signal) =>
      tooShort
        ? Promise.resolve({ items: [], total: 0, nextCursor: null })
        : api.searchHouseholds({ ...search, countyCode, limit: LIMIT, cursor }, signal),
    `h:${q}:${idNumber ?? ''}`,
  );
  const people = usePagedSearch(
    (cursor, signal) =>
      words && !tooShort
        ? api.searchWorkers({ ...search, countyCode, limit: LIMIT, cursor }, signal)
        : Promise.resolve(undefined),
    `w:${q}:${idNumber ?? ''}`,
  );
  return (
    <main className="detail search-page">
      <Back />
      <p className="hint">{t.searchHint}</p>
      {tooShort && (
        <p className="card error" role="alert">
          {t.phoneTooShort}
        </p>
      )}
      {households && (
        <Panel
          title={words ? t.households : t.countyHouseholds}
          state={households.state}
          extra={
            <>
              <Found state={households.state} text={t.householdsFound} />
              <ExportButton
                fetchFile={() => api.exportXlsx(householdsPath({ ...search, countyCode }))}
                filename={countyCode ? `搬迁户-${countyCode}.xlsx` : '搬迁户.xlsx'}
              />
            </>
          }
        >
          {(page) => (
            <>
              <HouseholdHits items={page.items} />
              <More
                shown={page.items.length}
                total={page.total}
                loadMore={households.loadMore}
                text={t.shownOf}
              />
            </>
          )}
        </Panel>
      )}
      {people && (
        <Panel
          title={t.peopleTitle}
          state={people.state}
          extra={<Found state={people.state} text={t.peopleFound} />}
        >
          {(page) => (
            <>
              <WorkerHits items={page.items} />
              <More
                shown={page.items.length}
                total={page.total}
                loadMore={people.loadMore}
                text={t.shownPeopleOf}
              />
            </>
          )}
        </Panel>
      )}
    </main>
  );
}
