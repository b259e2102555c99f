import { formatCount, formatPercent, useLang } from '../i18n';
import type { EmploymentFigures } from '../api-types';
import { ANSHUN_CODE, PUBLISHED } from '../published-figures';
import { prefectureOfCounty } from '../regions';

/** The guarantee at a glance: the four kinds of household, then the rate and per-household figure. */
export function FiguresPanel({ figures, area }: { figures: EmploymentFigures; area: string }) {
  const { t, lang } = useLang();
  const n = (v: number) => formatCount(v, lang);
  const inAnshun = area === ANSHUN_CODE || prefectureOfCounty(area)?.code === ANSHUN_CODE;
  const rateRef = `${t.provinceFigure} ${formatPercent(PUBLISHED.province.employmentRate)}${
    inAnshun ? ` · ${t.anshunFigure} ${formatPercent(PUBLISHED.anshun.employmentRate)}` : ''
  }`;
  const perRef = `${t.provinceFigure} ${PUBLISHED.province.employedPerHousehold.toFixed(2)}${
    inAnshun ? ` · ${t.anshunFigure} ${PUBLISHED.anshun.employedPerHousehold.toFixed(2)}` : ''
  }`;
  const zero = figures.zeroEmploymentHouseholds;
  return (
    <div className="figures" data-testid="figures">
      <Tile
        label={t.householdsWithLabour}
        value={n(figures.householdsWithLabour)}
        id="householdsWithLabour"
      />
      <Tile label={t.covered} value={n(figures.coveredHouseholds)} id="coveredHouseholds" tone="good" />
      <Tile
        label={t.zeroEmployment}
        value={n(zero)}
        id="zeroEmploymentHouseholds"
        tone={zero > 0 ? 'alert' : 'good'}
      />
      <Tile label={t.noLabour} value={n(figures.noLabourHouseholds)} id="noLabourHouseholds" tone="muted" />
      <Tile
        label={t.employmentRate}
        value={formatPercent(figures.employmentRate)}
        reference={rateRef}
        id="employmentRate"
        tone={figures.employmentRate >= PUBLISHED.province.employmentRate ? 'good' : 'warn'}
        detail={`${n(figures.employedWorkers)} / ${n(figures.labourCapableWorkers)}`}
      />
      <Tile
        label={t.perHousehold}
        value={figures.employedPerHousehold.toFixed(2)}
        reference={perRef}
        id="employedPerHousehold"
      />
    </div>
  );
}

function Tile({
  label,
  value,
  reference,
  detail,
  id,
  tone,
}: {
  label: string;
  value: string;
  reference?: string;
  detail?: string;
  id: string;
  tone?: 'good' | 'warn' | 'alert' | 'muted';
}) {
  return (
    <div className={`tile ${tone ?? ''}`} data-figure={id}>
      <span className="tile-label">{label}</span>
      <span className="tile-value">
        {value}
        {reference && <span className="tile-ref">{reference}</span>}
      </span>
      {detail && <span className="tile-detail">{detail}</span>}
    </div>
  );
}
