import type { CaseWarning } from '../api-types';
import { useLang } from '../i18n';

const WARNINGS: readonly CaseWarning[] = ['red', 'yellow', 'green'];

/** A case's colour, as a dot and its name (红/黄/绿): never by colour alone. */
export function WarningBadge({ warning, large }: { warning: CaseWarning; large?: boolean }) {
  const { t } = useLang();
  return (
    <span
      className={`colour colour-${warning}${large ? ' large' : ''}`}
      data-warning={warning}
      title={t.legend[warning]}
    >
      {t.colour[warning]}
    </span>
  );
}

/** What each colour means, under the county's own deadlines. */
export function WarningLegend() {
  const { t } = useLang();
  return (
    <ul className="legend" aria-label={t.warning}>
      {WARNINGS.map((w) => (
        <li key={w}>
          <WarningBadge warning={w} /> {t.legend[w]}
        </li>
      ))}
    </ul>
  );
}

export { WARNINGS };
