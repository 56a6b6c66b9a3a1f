/**
 * The pre-dose blood-pressure hold (issue 10): no first dose while the latest pre-dose reading is at or
 * above the protocol's limit (session-safety.ts cites the defaults). A physician may override with a
 * reason; the override answers that reading only, so a later reading above the limit holds again, and a
 * re-measure below the limit lifts the hold by itself.
 */
export interface BpReading {
  /** Epoch ms. */
  at: number;
  sbp: number;
  dbp: number;
}

export interface BpOverride {
  /** The reading (epoch ms) the physician looked at when overriding. */
  readingAt: number;
}

export interface BpHoldStatus {
  /** The session may not start (no first pump start or dose). */
  held: boolean;
  /** The latest pre-dose reading; null when none is recorded. */
  reading: BpReading | null;
  /** The reading is at or above the limit but a physician overrode it. */
  overridden: boolean;
  limit: { systolic: number; diastolic: number };
  /** Plain words for the console; null when the reading is below the limit or missing. */
  message: string | null;
}

export function isAtOrAboveHold(r: Pick<BpReading, 'sbp' | 'dbp'>, limit: BpHoldStatus['limit']): boolean {
  return r.sbp >= limit.systolic || r.dbp >= limit.diastolic;
}

export function bpHoldStatus(input: {
  /** Blood pressures taken before the first dose, any order. */
  readings: readonly BpReading[];
  limit: BpHoldStatus['limit'];
  overrides: readonly BpOverride[];
}): BpHoldStatus {
  const reading = input.readings.reduce<BpReading | null>(
    (latest, r) => (latest == null || r.at >= latest.at ? r : latest),
    null,
  );
  const { limit } = input;
  if (!reading || !isAtOrAboveHold(reading, limit)) {
    return { held: false, reading, overridden: false, limit, message: null };
  }
  const overridden = input.overrides.some((o) => o.readingAt >= reading.at);
  const words = `Pre-dose BP ${reading.sbp}/${reading.dbp} mmHg is at or above the hold limit of ${limit.systolic}/${limit.diastolic}`;
  return {
    held: !overridden,
    reading,
    overridden,
    limit,
    message: overridden
      ? `${words}; a physician overrode the hold`
      : `${words}: re-measure, or a physician records an override with a reason`,
  };
}
