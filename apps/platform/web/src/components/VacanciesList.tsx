import type { VacancyView } from '../api-types';
import { useLang } from '../i18n';
import { wageRange } from '../wage-range';
import { Link } from './Link';

/** A line a vacancy: title, poster's kind, employer (or the poster when it names none), city, wage, places. */
export function VacanciesList({ items }: { items: readonly VacancyView[] }) {
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="muted">{t.noVacancies}</p>;
  return (
    <ul className="vacancies">
      {items.map((v) => {
        const free = Math.max(0, v.openings - v.filled - v.reserved);
        return (
          <li key={v.vacancyId}>
            <div className="vacancy-title">
              <Link to={{ page: 'vacancy', id: v.vacancyId }}>{v.title}</Link>
              <span className={`badge source-${v.source.type}`}>{t.source[v.source.type]}</span>
            </div>
            <div className="vacancy-meta">
              <span className="vacancy-employer">{v.employer.name}</span>
              <span>
                {v.location.province} {v.location.city}
              </span>
              <span>
                {wageRange(v.wage, lang)} {t.period[v.wage.period]}
              </span>
              <span>
                {t.openings} {free}/{v.openings}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
