import type { RouteId } from '../dosing/routes.ts';

/** Injection sites offered for IM ketamine; the dorsogluteal site is left out on purpose (below). */
export const imSites = ['deltoid', 'ventrogluteal', 'vastus_lateralis'] as const;
export type ImSite = (typeof imSites)[number];

export const imSiteLabels: Readonly<Record<ImSite, string>> = {
  deltoid: 'Deltoid',
  ventrogluteal: 'Ventrogluteal',
  vastus_lateralis: 'Vastus lateralis',
};

/**
 * How a protocol's sessions are started and watched at the chair (issue 10). Every number is a
 * clinic-editable protocol setting; the defaults and their sources are below.
 */
export interface SessionSafety {
  /** No first dose while the latest pre-dose BP is at or above either limit (a physician may override). */
  bpHold: { systolic: number; diastolic: number };
  vitalsDue: {
    /** A full set (BP, HR, SpO₂) at least this often while the drug is given. */
    dosingEveryMin: number;
    /** … and during recovery until discharge. */
    recoveryEveryMin: number;
    /** A BP reading this long after each dose (the expected peak), or null for none. */
    bpAfterDoseMin: number | null;
  };
  /** Most mL one IM injection may put into a site; a bigger dose is split between sites. */
  imSiteMaxMl: Readonly<Record<ImSite, number>>;
}

/*
 * BP HOLD  Resting BP > 180/100 mmHg is "uncontrolled hypertension", a contraindication in the Swiss
 *          ketamine label (https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications [V],
 *          shared/reference/domain.md §2.3); we hold at or above it. Spravato's label is stricter: consider
 *          delaying if pre-dose BP > 140/90 (https://www.spravatohcp.com/dosing-spravato-trd [V]) — a clinic
 *          giving esketamine sets 140/90 here.
 * VITALS   Every 15 min during dosing and recovery is a clinical-judgement default [U]: the Yale chart review
 *          read BP every 10 min and saw the peak at ~40 min (Gen Hosp Psychiatry 2024,
 *          https://litmetric.com/detail/38991311 [V]). After an intranasal dose, BP at ~40 min: Spravato label
 *          ("prior to and 40 minutes after administration", https://www.spravatohcp.com/dosing-spravato-trd [V]).
 * IM SITES The deltoid is a small muscle for low volumes (up to about 2 mL); the ventrogluteal and vastus
 *          lateralis take 2–3 mL routinely (https://medschool.co/procedures/intramuscular-injections/choosing-a-site-for-im-injection [V];
 *          Ogston-Tuck S. Nurs Stand 2014;29(4):52–59, summarised at
 *          https://www.paramedicpractice.com/content/features/best-practice-technique-in-intramuscular-injection [V]).
 *          We take the top of each routine range. The dorsogluteal site is not offered: it lies near the sciatic
 *          nerve and is discouraged (Ogston-Tuck 2014, same summary).
 */
export const defaultImSiteMaxMl: Readonly<Record<ImSite, number>> = {
  deltoid: 2,
  ventrogluteal: 3,
  vastus_lateralis: 3,
};

export const defaultBpHold = { systolic: 180, diastolic: 100 } as const;

/** The defaults for a route; older protocol snapshots (before this field) read these. */
export function defaultSessionSafety(route: RouteId): SessionSafety {
  return {
    bpHold: { ...defaultBpHold },
    vitalsDue: {
      dosingEveryMin: 15,
      recoveryEveryMin: 15,
      bpAfterDoseMin: route === 'intranasal' ? 40 : null,
    },
    imSiteMaxMl: { ...defaultImSiteMaxMl },
  };
}

/** A protocol's session-safety settings, with the route's defaults for anything a snapshot lacks. */
export function sessionSafetyOf(protocol: {
  route: RouteId;
  safety?: Partial<SessionSafety> | null;
}): SessionSafety {
  const base = defaultSessionSafety(protocol.route);
  const s = protocol.safety ?? {};
  return {
    bpHold: { ...base.bpHold, ...s.bpHold },
    vitalsDue: { ...base.vitalsDue, ...s.vitalsDue },
    imSiteMaxMl: { ...base.imSiteMaxMl, ...s.imSiteMaxMl },
  };
}
