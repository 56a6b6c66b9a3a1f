// Date-times the nurse types are the clinic's wall-clock time (the ledger records the actual time it
// happened), whatever zone the tablet is set to; the server stores UTC.

function parts(instant: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const p of fmt.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** "2026-11-25T09:30" for a datetime-local input, in the clinic's zone. */
export function clinicLocalInput(instant: number, timeZone: string): string {
  try {
    const p = parts(instant, timeZone);
    return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
  } catch {
    return new Date(instant).toISOString().slice(0, 16);
  }
}

/** A datetime-local value read as the clinic's wall-clock time → ISO 8601 UTC; null when not a date-time. */
export function clinicLocalToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) {
    return null;
  }
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s || 0);
  if (!Number.isFinite(wall)) {
    return null;
  }
  try {
    // Two passes settle the offset across a daylight-saving change.
    let guess = wall - offsetAt(wall, timeZone);
    guess = wall - offsetAt(guess, timeZone);
    return new Date(guess).toISOString();
  } catch {
    return new Date(wall).toISOString();
  }
}

/** A yyyy-mm-dd date `days` later (or earlier): calendar arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
