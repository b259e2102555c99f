import type { CaseMember, ZeroEmploymentCaseDetail } from '../../api-types';
import { useLang } from '../../i18n';
import { daysBetween, formatWhen } from '../../time';
import { assistMet, Due, headOf } from '../CaseRows';
import { WarningBadge } from '../Warning';

/** The case at the top of its page: whose, its colour, its deadlines, who answers for it. */
export function CaseFacts({ c, nowMs }: { c: ZeroEmploymentCaseDetail; nowMs: number }) {
  const { t, lang } = useLang();
  const open = c.status === 'open';
  const age = open ? daysBetween(Date.parse(c.openedAt), nowMs) : c.ageDays;
  return (
    <section
      className="card case-head"
      data-testid="case-head"
      data-warning={c.warning}
      data-status={c.status}
    >
      <div className="case-title">
        <WarningBadge warning={c.warning} large />
        <h2>{headOf(c, t)}</h2>
        <span className={`badge case-${c.status}`}>{t.caseStatus[c.status]}</span>
      </div>
      <p className="hint">{t.legend[c.warning]}</p>
      <dl className="facts case-facts">
        <dt>{t.openedAt}</dt>
        <dd>
          {formatWhen(c.openedAt, lang)} · {t.ageN(age)}
        </dd>
        {open ? (
          <>
            <dt>{t.colAssistDue}</dt>
            <dd>
              <Due at={c.assistDueAt} met={assistMet(c)} nowMs={nowMs} />
            </dd>
            <dt>{t.colClearDue}</dt>
            <dd>
              <Due at={c.clearDueAt} nowMs={nowMs} />
            </dd>
          </>
        ) : (
          <>
            <dt>{t.colCleared}</dt>
            <dd>{c.clearedAt ? formatWhen(c.clearedAt, lang) : '—'}</dd>
          </>
        )}
        <dt>{t.colAssignee}</dt>
        <dd data-testid="assignee">
          {c.assignee ? c.assignee.name : <span className="muted">{t.unassigned}</span>}
        </dd>
        <dt>{t.colMeasures}</dt>
        <dd data-testid="measures">{t.measuresN(c.measures)}</dd>
        <dt>{t.whatFound}</dt>
        <dd>{c.lastFinding ? t.finding[c.lastFinding] : '—'}</dd>
      </dl>
    </section>
  );
}

/** Who lives there: names, labour capacity, employed or not (and how). */
export function Members({ members }: { members: readonly CaseMember[] }) {
  const { t } = useLang();
  return (
    <ul className="members" data-testid="members">
      {members.map((m) => (
        <li key={m.workerId} data-worker={m.workerId}>
          <strong>{m.name}</strong>
          <span className={`badge capacity-${m.labourCapacity}`}>{t.capacity[m.labourCapacity]}</span>
          <span className={m.employed ? 'employed' : 'muted'}>
            {m.employed
              ? `${t.status.covered}${m.channel ? ` · ${t.channel[m.channel]}` : ''}`
              : t.notEmployed}
          </span>
        </li>
      ))}
    </ul>
  );
}
