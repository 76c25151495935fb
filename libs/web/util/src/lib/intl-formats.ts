/**
 * Intl formatters, built once per locale and options and kept: building one costs a phone about a
 * millisecond (more for the first: see NO_INTL_AT_START), and lists format a date per row, in every
 * change detection. A formatter is immutable, so sharing one is safe.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `new Intl.DateTimeFormat(locale, options)`, the same object for the same locale and options. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = dateTimeFormats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, made);
  }
  return made;
}
