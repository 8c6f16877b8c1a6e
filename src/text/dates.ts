/** How the site writes dates: ISO for machines (YYYY-MM-DD, always UTC), and the forms citations and pages show. */

/** YYYY-MM-DD in UTC, the form of `reviewed` in front matter, JSON, CSV, `<time datetime>` and messages. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// One formatter each, made once: `toLocaleDateString(locale, options)` builds a new Intl.DateTimeFormat on every
// call (locale data, pattern), which made the dates of the "Use in training" panel and the sources list a fifth of
// the CPU time of rendering term pages. The output is the same: both format with the same locale and options.
// Formatting still takes ~10 µs, several times per term page, and a glossary has few distinct review dates, so each
// formatter also remembers what it wrote for each date.
function formatter(locale: string, options: Intl.DateTimeFormatOptions): (d: Date) => string {
  const format = new Intl.DateTimeFormat(locale, options);
  const written = new Map<number, string>();
  return (d) => {
    let text = written.get(d.getTime());
    if (text === undefined) written.set(d.getTime(), (text = format.format(d)));
    return text;
  };
}
export const monthDay = formatter('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
export const shortMonth = formatter('en-US', { month: 'short', timeZone: 'UTC' });

/** "4 March 2026": how pages and citations write a review date. */
export const longDate = formatter('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "April 2026": how the footer and the matrix name an ATT&CK release. */
export const monthYear = formatter('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
