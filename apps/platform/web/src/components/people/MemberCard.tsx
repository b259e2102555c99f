import type { ReactNode } from 'react';
import type { ApiClient } from '../../api';
import { useLang } from '../../i18n';
import { formatPhone, occupationLabel, telHref } from '../../people-format';
import type { MemberProfile } from '../../people-types';
import { formatDay } from '../../time';
import { Link } from '../Link';
import { WorkerJobs } from './Recommendations';

/** A phone to call from the field: a tel: link, grouped to read aloud. */
export function Phone({ phone }: { phone: string | null }) {
  if (!phone) return null;
  return (
    <a href={telHref(phone)} className="phone" data-testid="phone">
      {formatPhone(phone)}
    </a>
  );
}

/** Who the member is: name (to their page), relation, gender and age, capacity. */
export function MemberHead({ m, link = true }: { m: MemberProfile; link?: boolean }) {
  const { t } = useLang();
  const name = m.name ?? t.nameHidden;
  return (
    <div className="member-head">
      {link ? (
        <Link to={{ page: 'worker', id: m.workerId }} className="member-name">
          {name}
        </Link>
      ) : (
        <strong className="member-name">{name}</strong>
      )}
      {m.relationToHead && <span className="badge">{t.relation[m.relationToHead]}</span>}
      <span className="muted">
        {[m.gender && t.gender[m.gender], m.age !== undefined && t.yearsOld(m.age)]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <span className={`badge capacity-${m.labourCapacity}`}>{t.capacity[m.labourCapacity]}</span>
    </div>
  );
}

/** The member's facts: mobile, ID's last 4, occupations by label, current employment (after `children`). */
export function MemberFacts({ m, children }: { m: MemberProfile; children?: ReactNode }) {
  const { t, lang } = useLang();
  const e = m.employment;
  return (
    <dl className="facts member-facts">
      {children}
      {m.phone && (
        <>
          <dt>{t.colPhone}</dt>
          <dd>
            <Phone phone={m.phone} />
          </dd>
        </>
      )}
      <dt>{t.idLast4}</dt>
      <dd>{m.idLast4}</dd>
      {m.occupations && m.occupations.length > 0 && (
        <>
          <dt>{t.colOccupations}</dt>
          <dd>{m.occupations.map((o) => occupationLabel(o, lang)).join(lang === 'zh' ? '、' : ', ')}</dd>
        </>
      )}
      <dt>{t.colEmployment}</dt>
      <dd className={e ? 'employed' : 'muted'} data-testid="employment">
        {e
          ? [t.channel[e.channel], e.employer, t.sinceDate(formatDay(e.startDate, lang))]
              .filter(Boolean)
              .join(' · ')
          : t.notEmployed}
      </dd>
    </dl>
  );
}

/**
 * A member on the household page; one able to work and without a job shows the jobs recommended for them
 * (to those who may read recommendations).
 */
export function MemberCard({ api, m, showJobs }: { api: ApiClient; m: MemberProfile; showJobs: boolean }) {
  const { t } = useLang();
  const looking = showJobs && !m.employment && m.labourCapacity !== 'none';
  return (
    <li className="member-card" data-worker={m.workerId}>
      <MemberHead m={m} />
      <MemberFacts m={m} />
      {looking && (
        <details className="member-jobs" open>
          <summary>{t.jobsForMember}</summary>
          <WorkerJobs api={api} workerId={m.workerId} first={3} />
        </details>
      )}
    </li>
  );
}
