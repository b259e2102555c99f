import type { ZeroEmploymentCase } from '../api-types';
import { useLang } from '../i18n';
import { daysBetween, formatWhen } from '../time';
import { Link } from './Link';
import { WarningBadge } from './Warning';

type Words = ReturnType<typeof useLang>['t'];

/** The assistance deadline of a case with measures: met in time, or met late. */
export const assistMet = (c: ZeroEmploymentCase): 'met' | 'late' | undefined =>
  c.measures === 0 ? undefined : c.assistOverdue ? 'late' : 'met';

/** A deadline and how far it is: days left, days over, or met (the assistance deadline, by a measure). */
export function Due({ at, met, nowMs }: { at: string; met?: 'met' | 'late'; nowMs: number }) {
  const { t, lang } = useLang();
  const days = daysBetween(nowMs, Date.parse(at));
  const state = met ?? (days < 0 ? 'over' : days <= 1 ? 'soon' : 'ahead');
  const text =
    met === 'met'
      ? t.assistDone
      : met === 'late'
        ? t.assistLate
        : days < 0
          ? t.dueOver(-days)
          : t.dueLeft(days);
  return (
    <span className={`due due-${state}`}>
      {formatWhen(at, lang)} <span className="due-left">{text}</span>
    </span>
  );
}

/** Whose case: the head's name (an id means nothing to a county official, so none is shown). */
export const headOf = (c: ZeroEmploymentCase, t: Words): string =>
  c.household?.headName ? t.caseOf(c.household.headName) : t.unknownHead;

function HeadCell({ c, county }: { c: ZeroEmploymentCase; county: string }) {
  const { t } = useLang();
  return (
    <td className="head">
      <span className="phone-only">
        <WarningBadge warning={c.warning} />{' '}
      </span>
      <Link to={{ page: 'case', area: county, id: c.caseId }} className="head-name">
        {headOf(c, t)}
      </Link>
      {c.household && <span className="muted small"> · {t.membersN(c.household.members)}</span>}
    </td>
  );
}

/** The latest business time and what happened then: the platform's alert, a check with its finding, a measure… */
function lastAction(c: ZeroEmploymentCase, t: Words, lang: 'zh' | 'en'): string {
  const when = formatWhen(c.lastActionAt, lang);
  switch (c.lastAction) {
    case 'opened':
      return `${when} · ${t.alerted}`;
    case 'verified':
      return c.lastFinding
        ? `${when} · ${t.checked}${t.finding[c.lastFinding]}`
        : `${when} · ${t.entry.verified}`;
    case 'assigned':
    case 'measure':
    case 'cleared':
      return `${when} · ${t.entry[c.lastAction]}`;
    default:
      return when;
  }
}

const assigneeOf = (c: ZeroEmploymentCase, t: Words) => c.assignee?.name ?? t.unassigned;

/**
 * The work list's rows: a table on a desk, a card per case on a phone (each cell then carries its label,
 * styles.css), so nothing is cut off at 390 px.
 */
export function CaseRows({
  items,
  status,
  nowMs,
  county,
  watchOnly = false,
}: {
  items: readonly ZeroEmploymentCase[];
  status: 'open' | 'cleared';
  nowMs: number;
  county: string;
  watchOnly?: boolean;
}) {
  const { t, lang } = useLang();
  const open = status === 'open';
  return (
    <div className="table-scroll">
      <table className="worklist" data-testid="cases">
        <thead>
          <tr>
            <th>{t.warning}</th>
            <th>{t.colHead}</th>
            <th>{t.colAssignee}</th>
            {open ? (
              <>
                <th className="num">{t.age}</th>
                <th>{t.colAssistDue}</th>
                <th>{t.colClearDue}</th>
              </>
            ) : (
              <>
                <th>{t.colCleared}</th>
                <th className="num">{t.colDuration}</th>
                <th>{t.colClearedBy}</th>
              </>
            )}
            <th className="num">{t.colMeasures}</th>
            <th>{t.colLastAction}</th>
            <th className="action-col">
              <span className="sr-only">{t.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const age = open ? daysBetween(Date.parse(c.openedAt), nowMs) : c.ageDays;
            return (
              <tr
                key={c.caseId}
                data-case={c.caseId}
                data-household={c.householdId}
                data-warning={c.warning}
                className={`row-${c.warning}`}
              >
                <td className="warning-cell">
                  <WarningBadge warning={c.warning} />
                </td>
                <HeadCell c={c} county={county} />
                <td data-label={t.colAssignee} className={c.assignee ? '' : 'muted'}>
                  {assigneeOf(c, t)}
                </td>
                {open ? (
                  <>
                    <td data-label={t.age} className="num">
                      {t.ageN(age)}
                    </td>
                    <td data-label={t.colAssistDue}>
                      <Due at={c.assistDueAt} met={assistMet(c)} nowMs={nowMs} />
                    </td>
                    <td data-label={t.colClearDue}>
                      <Due at={c.clearDueAt} nowMs={nowMs} />
                    </td>
                  </>
                ) : (
                  <>
                    <td data-label={t.colCleared}>{c.clearedAt ? formatWhen(c.clearedAt, lang) : '—'}</td>
                    <td data-label={t.colDuration} className="num">
                      {t.ageN(age)}
                    </td>
                    <td data-label={t.colClearedBy}>
                      {c.clearedBy
                        ? c.clearedBy.kind === 'employment'
                          ? `${t.clearedBy.employment} · ${t.channel[c.clearedBy.channel]}`
                          : t.clearedBy.no_labour
                        : '—'}
                    </td>
                  </>
                )}
                <td data-label={t.colMeasures} className="num">
                  {t.measuresN(c.measures)}
                </td>
                <td data-label={t.colLastAction}>{lastAction(c, t, lang)}</td>
                <td className="action-col">
                  <Link to={{ page: 'case', area: county, id: c.caseId }} className="button-link">
                    {open && !watchOnly ? t.handle : t.view}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
