import type { ApiClient } from '../../api';
import type { ZeroEmploymentCaseDetail } from '../../api-types';
import { useLang } from '../../i18n';
import { formatWhen } from '../../time';
import { describeEntry } from '../../timeline-text';
import { useLoad } from '../../use-load';
import { vacanciesById } from '../../vacancy-titles';

/** The case's record, newest first: what happened, when, who recorded it; members and vacancies by name. */
export function Timeline({ api, c }: { api: ApiClient; c: ZeroEmploymentCaseDetail }) {
  const { t, lang } = useLang();
  const offered = [
    ...new Set(c.timeline.flatMap((e) => (Array.isArray(e.details.vacancyIds) ? e.details.vacancyIds : []))),
  ] as string[];
  // A title is not enough where one station posts the same job in several cities: the city too.
  const titles = useLoad(
    async () =>
      new Map(
        [...(await vacanciesById(api, offered))].map(([id, v]) => [
          id,
          lang === 'zh' ? `${v.title}（${v.location.city}）` : `${v.title} (${v.location.city})`,
        ]),
      ),
    `${offered.join(',')}:${lang}`,
    true,
  );
  const names = {
    members: new Map(c.members.map((m) => [m.workerId, m.name])),
    vacancies: titles.status === 'ok' ? titles.data : new Map<string, string>(),
  };
  const entries = c.timeline
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || b.i - a.i);
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map(({ entry, i }) => {
        const text = describeEntry(entry, t, names, lang);
        return (
          <li key={i} className={`tl-${entry.type}`} data-entry={entry.type}>
            <div className="tl-head">
              <strong>{text.title}</strong>
              <time dateTime={entry.at}>{formatWhen(entry.at, lang)}</time>
            </div>
            {text.lines.map((line, j) => (
              <div key={j} className="tl-line">
                {line}
              </div>
            ))}
            <div className="tl-by muted">
              {t.recordedBy} {text.by}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
