/**
 * The "131" service promises each job-seeker three recommendations: make the first three different
 * choices, not three near-identical posts from one poster, unless nothing else fits. The rest keep
 * their score order.
 */
export const PROMISED_RECOMMENDATIONS = 3;

export function diversifyFirst<T>(
  ranked: readonly T[],
  posterOf: (item: T) => string,
  count = PROMISED_RECOMMENDATIONS,
): T[] {
  const first: T[] = [];
  const taken = new Set<number>();
  const posters = new Set<string>();
  for (let i = 0; i < ranked.length && first.length < count; i++) {
    if (posters.has(posterOf(ranked[i]))) continue;
    first.push(ranked[i]);
    taken.add(i);
    posters.add(posterOf(ranked[i]));
  }
  // Nothing else fits: fill with the best remaining, whoever posted them.
  for (let i = 0; i < ranked.length && first.length < count; i++) {
    if (!taken.has(i)) {
      first.push(ranked[i]);
      taken.add(i);
    }
  }
  const out = [...first];
  // Keep the promised three in score order among themselves.
  out.sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b));
  for (let i = 0; i < ranked.length; i++) if (!taken.has(i)) out.push(ranked[i]);
  return out;
}
