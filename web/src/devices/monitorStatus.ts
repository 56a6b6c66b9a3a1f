// How recently a monitor was heard, for the monitors list. A monitor at a chair sends every few
// seconds, so five quiet minutes means it is off, unplugged or off the network.
import { timeZoneChoices } from '@openkap/domain/devices/time-zones';

export const OFFLINE_AFTER_MS = 5 * 60_000;

export type HeardState = { kind: 'never' } | { kind: 'online' | 'offline'; ago: string };

/** "just now", "4 min ago", "3 h ago", "2 days ago". */
export function agoText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) {
    return 'just now';
  }
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  return `${Math.floor(hours / 24)} days ago`;
}

export function heardState(lastSeenAt: string | null, nowMs: number): HeardState {
  if (!lastSeenAt) {
    return { kind: 'never' };
  }
  const quiet = nowMs - new Date(lastSeenAt).getTime();
  return { kind: quiet > OFFLINE_AFTER_MS ? 'offline' : 'online', ago: agoText(quiet) };
}

/** "GMT-6", "GMT+5:30": the zone's offset now, so staff can tell zones apart at a glance. */
function offsetOf(timeZone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(
      at,
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export function timeZoneLabel(timeZone: string, at: Date): string {
  const offset = offsetOf(timeZone, at);
  // Spaces, not underscores, so typing "new york" finds America/New_York.
  const name = timeZone.replaceAll('_', ' ');
  return offset ? `${name} (${offset})` : name;
}

export interface TimeZoneGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** Picker options: the clinic's zone in its own group first, then every zone (with `current`). */
export function timeZoneGroups(clinicZone: string, current: string | null, at: Date): TimeZoneGroup[] {
  const [clinic] = timeZoneChoices([clinicZone]);
  const rest = timeZoneChoices().filter((z) => z !== clinicZone);
  if (current && current !== clinicZone && !rest.includes(current)) {
    rest.unshift(current);
  }
  const option = (z: string) => ({ value: z, label: timeZoneLabel(z, at) });
  return [
    ...(clinic === clinicZone ? [{ group: 'Clinic time zone', items: [option(clinicZone)] }] : []),
    { group: 'All time zones', items: rest.map(option) },
  ];
}
