/**
 * IANA time zones for bedside monitors: a monitor that sends its clock without a UTC offset is read in
 * its configured zone, so a wrong name would silently shift every reading. Only real zone names pass.
 */

/**
 * "Area/Location[/Sub]", or UTC. Offsets ("+05:00") are not zones, and bare abbreviations are refused
 * even where the engine knows them: "CST" is Chicago to one reader and Shanghai to another.
 */
const ZONE_NAME = /^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2}|UTC)$/i;

/**
 * The zone's proper spelling ("america/chicago" → "America/Chicago"), or undefined when it is not a
 * zone this runtime knows. An alias ("Asia/Kolkata") is kept as given: the engine's canonical name for
 * it can be an older one ("Asia/Calcutta") that staff would not recognise.
 */
export function timeZoneName(input: string): string | undefined {
  const name = input.trim();
  if (!ZONE_NAME.test(name) || name.length > 64) {
    return undefined;
  }
  let resolved: string;
  try {
    // The formatter is the engine's own zone database; it throws RangeError for an unknown name.
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

export function isTimeZone(input: string): boolean {
  return timeZoneName(input) !== undefined;
}

/**
 * Zones to offer in a picker: `first` (e.g. the clinic's zone) at the top, then every zone the runtime
 * lists, alphabetically, with UTC (which some engines leave out of the list).
 */
export function timeZoneChoices(first: readonly (string | null | undefined)[] = []): string[] {
  const top = [...new Set(first.filter((z): z is string => !!z && isTimeZone(z)))];
  const rest = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])]
    .filter((z) => !top.includes(z))
    .sort((a, b) => a.localeCompare(b));
  return [...top, ...rest];
}
