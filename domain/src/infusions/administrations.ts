import { DomainError, requireNumber } from '../errors.ts';
import { roundTo } from '../dosing/round.ts';
import { imSiteLabels, imSites, type ImSite } from './session-safety.ts';

/**
 * Doses given by hand rather than by a pump (issue 10): an IM session is one or more injections, an
 * intranasal session one or more device administrations. The session reaches recovery after the last
 * one: when the ordered dose has been given, or when the clinician says this was the last (stopping
 * short of the order, e.g. the patient declined the rest).
 */
export type ManualRoute = 'im' | 'intranasal';
export const nostrils = ['left', 'right', 'both'] as const;
export type Nostril = (typeof nostrils)[number];
export const sides = ['left', 'right'] as const;
export type Side = (typeof sides)[number];

export interface ManualDose {
  /** Epoch ms. */
  at: number;
  doseMg: number;
  /** IM: the volume injected. */
  volumeMl?: number | null;
  site?: ImSite | null;
  side?: Side | null;
  /** Intranasal: how many devices (or sprays) were used. */
  devices?: number | null;
  nostril?: Nostril | null;
}

export interface ManualDoseCheck {
  route: ManualRoute;
  orderedDoseMg: number;
  /** Strength drawn for the order, to check an injection's volume against its dose. */
  concentrationMgPerMl: number;
  /** Doses already given in this session. */
  given: readonly Pick<ManualDose, 'at' | 'doseMg'>[];
  dose: ManualDose;
  imSiteMaxMl: Readonly<Record<ImSite, number>>;
  /** The clinician says this is the last dose even if short of the order. */
  final?: boolean;
}

export interface ManualDoseResult {
  /** mg given in the session after this dose, 0.1 mg. */
  totalMg: number;
  /** The session moves to recovery now. */
  complete: boolean;
}

/** Rounding slack: doses are charted to 0.1 mg. */
const MG_SLACK = 0.05;
/** An injection's mL × strength may differ from its mg by syringe reading (0.01 mL) and rounding. */
const VOLUME_TOLERANCE = 0.02;

/** Refuses a dose that breaks a rule (nothing is written); otherwise says whether the session is done. */
export function checkManualDose(input: ManualDoseCheck): ManualDoseResult {
  const ordered = requireNumber(input.orderedDoseMg, 'orderedDoseMg', { positive: true });
  const doseMg = requireNumber(input.dose.doseMg, 'doseMg', { positive: true });
  const at = requireNumber(input.dose.at, 'at');
  const givenMg = input.given.reduce((sum, g) => sum + g.doseMg, 0);
  const lastAt = input.given.reduce((t, g) => Math.max(t, g.at), Number.NEGATIVE_INFINITY);
  if (at < lastAt) {
    throw new DomainError('invalid_input', 'A dose cannot be charted before the previous one', {
      at,
      previousAt: lastAt,
    });
  }
  if (givenMg >= ordered - MG_SLACK) {
    throw new DomainError('dose_above_order', 'The ordered dose has already been given', {
      orderedDoseMg: ordered,
      givenMg: roundTo(givenMg, 1),
    });
  }
  const totalMg = roundTo(givenMg + doseMg, 1);
  if (totalMg > ordered + MG_SLACK) {
    throw new DomainError(
      'dose_above_order',
      `${doseMg} mg would bring the session to ${totalMg} mg, above the ${ordered} mg ordered (${roundTo(ordered - givenMg, 1)} mg left)`,
      { orderedDoseMg: ordered, givenMg: roundTo(givenMg, 1), remainingMg: roundTo(ordered - givenMg, 1) },
    );
  }
  if (input.route === 'im') {
    checkInjection(input, doseMg);
  } else {
    checkNasal(input.dose);
  }
  return { totalMg, complete: input.final === true || totalMg >= ordered - MG_SLACK };
}

function checkInjection(input: ManualDoseCheck, doseMg: number): void {
  const { dose } = input;
  const site = dose.site;
  if (site == null || !imSites.includes(site)) {
    throw new DomainError('invalid_input', `Choose the injection site (${imSites.join(', ')})`, { site });
  }
  const volumeMl = requireNumber(dose.volumeMl, 'volumeMl', { positive: true });
  const maxMl = requireNumber(input.imSiteMaxMl[site], `imSiteMaxMl.${site}`, { positive: true });
  if (volumeMl > maxMl) {
    const injections = Math.ceil(volumeMl / maxMl);
    throw new DomainError(
      'volume_above_site_limit',
      `${volumeMl} mL is more than the ${imSiteLabels[site].toLowerCase()} takes (up to ${maxMl} mL): split the dose into ${injections} injections`,
      { site, volumeMl, maxMl, injections },
    );
  }
  const concentration = requireNumber(input.concentrationMgPerMl, 'concentrationMgPerMl', { positive: true });
  const expectedMg = volumeMl * concentration;
  if (Math.abs(expectedMg - doseMg) > Math.max(MG_SLACK, doseMg * VOLUME_TOLERANCE)) {
    throw new DomainError(
      'volume_dose_mismatch',
      `${volumeMl} mL of ${concentration} mg/mL is ${roundTo(expectedMg, 1)} mg, not ${doseMg} mg`,
      { volumeMl, concentrationMgPerMl: concentration, doseMg, expectedMg: roundTo(expectedMg, 1) },
    );
  }
  if (dose.devices != null || dose.nostril != null) {
    throw new DomainError('invalid_input', 'Devices and nostril belong to intranasal doses');
  }
}

function checkNasal(dose: ManualDose): void {
  requireNumber(dose.devices, 'devices', { integer: true, min: 1, max: 20 });
  if (dose.nostril == null || !nostrils.includes(dose.nostril)) {
    throw new DomainError('invalid_input', `Say which nostril (${nostrils.join(', ')})`, {
      nostril: dose.nostril,
    });
  }
  if (dose.site != null) {
    throw new DomainError('invalid_input', 'An injection site belongs to IM doses');
  }
}

export interface InjectionPlan {
  site: ImSite;
  maxMl: number;
  injections: number;
  /** Volume of each injection, 0.01 mL (the last may differ by rounding). */
  volumesMl: readonly number[];
}

/**
 * How an IM dose of `volumeMl` is given at `site`: one injection if the site takes it, else split
 * evenly into as few injections as fit (each into its own site, e.g. both deltoids).
 */
export function injectionPlan(volumeMl: number, site: ImSite, maxMl: number): InjectionPlan {
  const volume = requireNumber(volumeMl, 'volumeMl', { positive: true });
  const max = requireNumber(maxMl, 'maxMl', { positive: true });
  const injections = Math.ceil(roundTo(volume / max, 6));
  const each = roundTo(volume / injections, 2);
  const volumesMl = Array.from({ length: injections }, (_, i) =>
    i === injections - 1 ? roundTo(volume - each * (injections - 1), 2) : each,
  );
  return { site, maxMl: max, injections, volumesMl };
}
