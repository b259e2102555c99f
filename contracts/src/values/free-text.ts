import { z } from 'zod';

/**
 * Free text as people type it (a name, a title, a note), normalised and refused when it is not printable
 * text. What one user writes is shown to others on the dashboard and in exports, so it may not hide
 * anything (zero-width and bidi-override characters make a name read differently from what it is), break
 * a file (NUL, lone surrogates), or carry markup.
 */

export type FreeTextProblem = 'invisible' | 'control' | 'markup' | 'no_content';

// Every "other" code point (Unicode category C: control, format, surrogate, private use, unassigned), and the
// line and paragraph separators; a multi-line text keeps its line feeds and tabs.
const NOT_PRINTABLE = /[\p{C}\u2028\u2029]/u;
const NOT_PRINTABLE_EXCEPT_LINES = /(?![\n\t])[\p{C}\u2028\u2029]/u;
// Format characters alone (zero-width spaces and joiners, bidi controls, the BOM): named apart, since a
// text made of them looks empty or reversed rather than broken.
const FORMAT = /\p{Cf}/u;
// A tag's opening (`<script`, `</b`, `<!--`, `<?xml`); a comparison such as `< 5000` is text.
const MARKUP = /<\s*(?:[/?]?\s*[A-Za-z]|!)/;

const MESSAGES: Record<FreeTextProblem, string> = {
  invisible: 'must not hold invisible formatting characters (zero-width, bidi controls)',
  control: 'must not hold control characters, unpaired surrogates, private-use or unassigned code points',
  markup: 'must not hold markup (a "<" starting a tag)',
  no_content: 'must hold at least one letter or digit',
};

export interface FreeTextRules {
  /** Line feeds and tabs allowed (a note), else one line (a name, a title). */
  readonly multiline?: boolean;
  /** What the text must contain at least one of: letters (a name) or letters and digits. */
  readonly needs?: 'letter' | 'letter_or_digit';
}

/** The first problem with a normalised text, or undefined when it is printable text. */
export function freeTextProblem(text: string, rules: FreeTextRules = {}): FreeTextProblem | undefined {
  if (FORMAT.test(text)) return 'invisible';
  if ((rules.multiline ? NOT_PRINTABLE_EXCEPT_LINES : NOT_PRINTABLE).test(text)) return 'control';
  if (MARKUP.test(text)) return 'markup';
  const content = rules.needs === 'letter' ? /\p{L}/u : /[\p{L}\p{N}]/u;
  if (!content.test(text)) return 'no_content';
  return undefined;
}

/** NFC (one code point sequence for what reads the same), CRLF as LF, then trimmed. */
export const normaliseFreeText = (text: string): string =>
  text.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** A zod string of free text: normalised, 1 to `max` characters, printable. */
export const freeText = (max: number, rules: FreeTextRules = {}) =>
  z
    .string()
    .overwrite(normaliseFreeText)
    .min(1, 'must not be empty')
    .max(max)
    .superRefine((text, ctx) => {
      // Empty is told once, by min(1): "only text" would be a puzzling second answer to a blank field.
      if (text === '') return;
      const problem = freeTextProblem(text, rules);
      if (problem) ctx.addIssue({ code: 'custom', message: `Text ${MESSAGES[problem]}` });
    });

/**
 * Text as the event log holds it: checked by the rules above when it was written (at the HTTP edge), read back
 * as it was. A rule added later must not make facts already recorded unreadable, so the events' schemas
 * hold only what text has always been: trimmed, 1 to `max` characters.
 */
export const recordedText = (max: number) => z.string().trim().min(1).max(max);
