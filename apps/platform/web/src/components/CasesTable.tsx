import type { MouseEvent } from 'react';
import type { ZeroEmploymentCase } from '../api-types';
import { sortCases } from '../case-figures';
import { useLang } from '../i18n';
import { navigate, routePath, type Route } from '../router';

/** An in-page link: a real href (open in a new tab works), navigation without a reload. */
export function Link({
  to,
  children,
  className,
}: {
  to: Route;
  children: React.ReactNode;
  className?: string;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={routePath(to)} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/** Open zero-employment cases: overdue first, then the oldest, with the 3-day and 5-day warnings. */
export function CasesTable({ items, nowMs }: { items: readonly ZeroEmploymentCase[]; nowMs: number }) {
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="all-clear">{t.noCases}</p>;
  const rows = sortCases(items, nowMs);
  const dateFormat = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <div className="table-scroll">
      <table className="cases" data-testid="cases">
        <thead>
          <tr>
            <th>{t.household}</th>
            <th>{t.openedAt}</th>
            <th className="num">{t.age}</th>
            <th>{t.warning}</th>
            <th>{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.householdId} data-household={row.householdId} className={`urgency-${row.urgency}`}>
              <td title={row.householdId}>
                <Link to={{ page: 'household', id: row.householdId }}>{shortId(row.householdId)}</Link>
              </td>
              <td>{dateFormat.format(new Date(row.openedAt))}</td>
              <td className="num">
                {row.ageDaysNow.toFixed(1)} {t.days}
              </td>
              <td>
                <span className={`badge ${row.urgency}`}>{t.urgency[row.urgency]}</span>
              </td>
              <td className="actions">
                <Link to={{ page: 'household', id: row.householdId }}>{t.viewHousehold}</Link>
                <Link to={{ page: 'household', id: row.householdId }} className="secondary-link">
                  {t.recommend}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
