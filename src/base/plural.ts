/**
 * Words that agree with a count, so messages never say `1 brokers` or `volume(s)`. The plural
 * defaults to the word with an `s`; irregular words and verbs give theirs.
 */

/** `1 broker`, `3 brokers`, `2 replicas`; `plural(2, 'copy', 'copies')`. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${pluralForm(count, noun, many)}`;
}

/** The form for the count without the count itself: `broker`/`brokers`, `it`/`them`, `volume is`/`volumes are`. */
export function pluralForm(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
