const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (yyyy-mm-dd) an instant falls on in the clinic's time zone. */
export function clinicDay(at: Date | string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as yyyy-mm-dd.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(at));
}
