import type { OutcomeReport } from '@openkap/domain/outcomes/report';

/**
 * The outcome report as the API answers it (issue 4): rates are 0–1 over patients WITH a follow-up
 * score; those without one are counted apart (`noFollowUp`) and never as responders.
 */
export function outcomeReportJson(r: OutcomeReport, q: { from: string; to: string }) {
  return {
    instrument: r.instrumentId,
    from: q.from,
    to: q.to,
    enrolled: r.enrolled,
    patients: r.patients,
    noBaseline: r.noBaseline,
    baselineBelowThreshold: r.baselineBelowThreshold,
    minBaselineScore: r.minBaselineScore,
    withFollowUp: r.withFollowUp,
    noFollowUp: r.noFollowUp,
    responders: r.responders,
    responseRate: r.responseRate,
    responseCI95: r.responseCI95,
    remitters: r.remitters,
    remissionRate: r.remissionRate,
    remissionCI95: r.remissionCI95,
    medianPercentChange: r.medianPercentChange,
    completedInduction: r.completedInduction,
    inductionInProgress: r.inductionInProgress,
    dropOuts: r.dropOuts,
    timeToBooster: {
      subjects: r.timeToBooster.subjects,
      events: r.timeToBooster.events,
      censored: r.timeToBooster.censored,
      medianDays: r.timeToBooster.medianTime,
      steps: r.timeToBooster.steps.map((s) => ({
        day: s.time,
        atRisk: s.atRisk,
        events: s.events,
        censored: s.censored,
        survival: s.survival,
      })),
    },
  };
}

const csvCell = (v: string | number | boolean | null | undefined): string => {
  const text = v == null ? '' : String(v);
  // Quote what needs it, and defuse spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One row per patient: what each rate above is made of. */
export function outcomeReportCsv(r: OutcomeReport, mrns: Map<string, string>): string {
  const header = [
    'mrn',
    'status',
    'baseline_date',
    'baseline_score',
    'follow_up_date',
    'follow_up_score',
    'percent_change',
    'responder',
    'remitter',
    'induction',
    'days_to_booster',
    'booster_censored',
  ];
  const lines = r.perPatient.map((p) => {
    const resp = p.response;
    const baseline = resp.status === 'no_baseline' ? null : resp.baseline;
    const latest = resp.status === 'assessed' ? resp.latest : null;
    const below = r.minBaselineScore !== null && baseline !== null && baseline.score < r.minBaselineScore;
    return [
      mrns.get(p.patientId) ?? p.patientId,
      below ? 'below_threshold' : resp.status,
      baseline?.date,
      baseline?.score,
      latest?.date,
      latest?.score,
      resp.status === 'assessed' && resp.percentChange !== null ? resp.percentChange.toFixed(1) : null,
      resp.status === 'assessed' ? resp.responder : null,
      resp.status === 'assessed' ? resp.remitter : null,
      p.induction,
      p.timeToBooster?.time,
      p.timeToBooster ? !p.timeToBooster.event : null,
    ]
      .map(csvCell)
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
