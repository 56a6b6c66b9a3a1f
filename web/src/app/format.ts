// Display formatting. Storage is UTC; staff screens show the clinic's time zone (set at sign-in),
// the patient's phone shows its own.
let displayTimeZone: string | undefined;

export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayTimeZone = timeZone;
}

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: displayTimeZone });
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return formatter({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) is not an instant: format it without shifting time zones. */
export function formatDate(date: string | null | undefined): string {
  if (!date) {
    return '—';
  }
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) {
    return date;
  }
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatInstantDate(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return formatter({ day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** "24 Nov" style, for chart axes. */
export function formatDayMonth(ms: number): string {
  return formatter({ day: 'numeric', month: 'short' }).format(new Date(ms));
}

export function minutesBetween(fromIso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - new Date(fromIso).getTime()) / 60_000));
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value == null || !Number.isFinite(value)) {
    return '—';
  }
  return value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Today's date as YYYY-MM-DD in the display time zone. */
export function todayIsoDate(nowMs: number): string {
  const parts = formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(nowMs),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

const roleLabels: Record<string, string> = {
  admin: 'Administrator',
  physician: 'Physician',
  nurse: 'Nurse',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  billing: 'Billing',
};

export function roleLabel(role: string): string {
  return roleLabels[role] ?? role;
}
