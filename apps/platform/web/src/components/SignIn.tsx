import { useState, type FormEvent } from 'react';
import { useLang } from '../i18n';
import { sessionFromToken, type Session } from '../session';

/**
 * Where the tokens are, as the terminal shows them: the platform never hands a token out over HTTP (that
 * would give anyone an admin token), so the page points to the welcome block `npm start` prints and to
 * `npm run token`. Commands, not prose: the same in both languages.
 */
const TOKEN_SOURCES: readonly string[] = [
  'export TOKEN_COUNTY=…',
  'npm run -s token -- --role county_office --county 520402',
];

/** A token pasted by the user: the page fetches nothing before sign-in. */
export function SignIn({ onSignIn }: { onSignIn(session: Session): void }) {
  const { t } = useLang();
  const [raw, setRaw] = useState('');
  const [error, setError] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFromToken(raw);
    if (session) onSignIn(session);
    else setError(true);
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card">
        <h2>{t.signIn}</h2>
        <label htmlFor="token">{t.pasteToken}</label>
        <textarea
          id="token"
          name="token"
          rows={4}
          value={raw}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setRaw(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p className="error" role="alert">
            {t.invalidToken}
          </p>
        )}
        <button type="submit" disabled={!raw.trim()}>
          {t.signIn}
        </button>
        <p className="hint" id="token-help">
          {t.tokenHelp}
        </p>
        <pre className="hint token-sources" aria-describedby="token-help">
          {TOKEN_SOURCES.join('\n')}
        </pre>
      </form>
    </main>
  );
}
