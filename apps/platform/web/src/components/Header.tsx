import { useLang } from '../i18n';
import type { LiveState } from '../live-stream';
import { areaName } from '../regions';
import { readsOnly, type Session } from '../session';
import { moneyWords } from '../i18n-money';
import { reportWords } from '../i18n-reports';
import { trainingWords } from '../i18n-training';
import { Link } from './Link';
import { SearchBox } from './people/SearchBox';

export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useLang();
  const text = state === 'live' ? t.live : state === 'offline' ? t.offline : t.reconnecting;
  return (
    <span className={`live live-${state}`} data-live={state} title={text}>
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}

export function Header({ session, onSignOut }: { session?: Session; onSignOut(): void }) {
  const { t, lang, setLang } = useLang();
  const home = session?.countyCode ?? session?.prefectureCode;
  const scope = home ? areaName(home, lang) : undefined;
  return (
    <header className="top">
      <div className="brand">
        <h1>{t.title}</h1>
        <span className="subtitle">{t.subtitle}</span>
      </div>
      {session && (
        <nav className="tools">
          {/* People are found by those who answer for them; a prefecture office reads figures and cases. */}
          {!readsOnly(session) && <SearchBox />}
          {session.role === 'county_office' && (
            <Link to={{ page: 'import' }} className="nav-link">
              {t.navImport}
            </Link>
          )}
          {/* A prefecture office reads its counties' ledgers; only the county office acts on them. */}
          {(session.role === 'county_office' || session.role === 'prefecture_office') && (
            <Link to={{ page: 'subsidies' }} className="nav-link">
              {moneyWords(lang).navMoney}
            </Link>
          )}
          {/* The courses' registers and certificates are the county office's. */}
          {session.role === 'county_office' && (
            <Link to={{ page: 'training' }} className="nav-link">
              {trainingWords(lang).navTraining}
            </Link>
          )}
          {(session.role === 'county_office' || session.role === 'prefecture_office') && (
            <Link to={{ page: 'reports' }} className="nav-link">
              {reportWords(lang).navReports}
            </Link>
          )}
        </nav>
      )}
      <div className="who">
        {session && (
          <span className="identity" title={session.sub}>
            {t.signedInAs}: <strong>{t.role[session.role]}</strong>
            {scope && <> · {scope}</>}
          </span>
        )}
        <button
          type="button"
          className="secondary lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
        >
          {lang === 'zh' ? 'EN' : '中文'}
        </button>
        {session && (
          <button type="button" className="secondary" onClick={onSignOut}>
            {t.signOut}
          </button>
        )}
      </div>
    </header>
  );
}
