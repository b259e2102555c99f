import { useEffect, useState, type FormEvent } from 'react';
import { useLang } from '../../i18n';
import { navigate, useRoute } from '../../router';

/** A whole resident ID number: 17 digits and a check character. */
export const ID_NUMBER = /^\d{17}[\dXx]$/;

/** The header's search: a name, pinyin initials or a mobile number; the results on their own page. */
export function SearchBox() {
  const { t } = useLang();
  const route = useRoute();
  const current = route.page === 'search' ? (route.idNumber ?? route.q) : '';
  const [text, setText] = useState(current);
  // Back and forward between searches show the words of the search on screen.
  useEffect(() => setText(current), [current]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const words = text.trim();
    navigate(
      ID_NUMBER.test(words)
        ? { page: 'search', q: '', idNumber: words.toUpperCase() }
        : { page: 'search', q: words },
    );
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label className="sr-only" htmlFor="search-q">
        {t.searchLabel}
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        value={text}
        placeholder={t.searchPlaceholder}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">{t.searchButton}</button>
    </form>
  );
}
