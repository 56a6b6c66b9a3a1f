import { z } from 'zod';
import type { VitalSet } from '../infusions/vitals.ts';
import {
  BP_DIASTOLIC,
  BP_SYSTOLIC,
  DATA_ABSENT_REASON,
  instrumentById,
  LOINC,
  MDC,
  OBSERVATION_CATEGORY,
  scoreCoding,
  UCUM,
  VITAL_SIGNS_PROFILE,
  vitalByLoinc,
  vitalCodes,
  type VitalCode,
  type VitalKind,
} from './codes.ts';
import { iso } from './datetime.ts';
import { invalid, unprocessable } from './outcome.ts';
import type { ScoreRow, VitalRow } from './store.ts';
import type { Coding, Observation, Quantity } from './types.ts';
import {
  CodeableConceptSchema,
  patientIdOf,
  parseShape,
  QuantitySchema,
  ReferenceSchema,
  requireDateTime,
  requireResource,
} from './validate.ts';

// Vital-sign Observations ⇄ vital_signs rows, and survey score Observations from questionnaire_responses.
// See: https://hl7.org/fhir/R4/observation-vitalsigns.html

export const VITAL_CATEGORY = {
  coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }],
  text: 'Vital Signs',
};
export const SURVEY_CATEGORY = {
  coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }],
  text: 'Survey',
};

/** Score Observations get a stable id derived from their QuestionnaireResponse. */
export const SCORE_ID_PREFIX = 'qr-';

type VitalField = 'hr' | 'sbp' | 'dbp' | 'spo2' | 'rr' | 'tempC';

export interface IncomingVital {
  patientId: string;
  kind: VitalKind;
  set: VitalSet;
  device: string | undefined;
  /** Where the reading's time came from (effectiveDateTime, effectiveInstant or effectivePeriod.start). */
  effectivePath: string;
  /** Where each stored value came from, to point domain refusals at the right element. */
  valuePaths: Partial<Record<VitalField, string>>;
}

const ComponentShape = z.object({
  code: CodeableConceptSchema,
  valueQuantity: QuantitySchema.optional(),
  dataAbsentReason: CodeableConceptSchema.optional(),
});

const ObservationShape = z.object({
  status: z.string(),
  category: z.array(CodeableConceptSchema).optional(),
  code: CodeableConceptSchema,
  subject: ReferenceSchema.optional(),
  effectiveDateTime: z.string().optional(),
  effectiveInstant: z.string().optional(),
  effectivePeriod: z.object({ start: z.string().optional(), end: z.string().optional() }).optional(),
  valueQuantity: QuantitySchema.optional(),
  dataAbsentReason: CodeableConceptSchema.optional(),
  component: z.array(ComponentShape).optional(),
  device: ReferenceSchema.optional(),
});

// See: https://hl7.org/fhir/R4/valueset-observation-status.html
const STORABLE_STATUS = new Set(['preliminary', 'final', 'amended', 'corrected']);
const OTHER_STATUS = new Set(['registered', 'cancelled', 'entered-in-error', 'unknown']);

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The value of a vital-sign Quantity in the profile's UCUM unit (°F converted to °C). */
function quantityValue(
  q: z.infer<typeof QuantitySchema> | undefined,
  vital: VitalCode,
  path: string,
): number {
  if (!q) {
    throw invalid(`${path} is required.`, path, 'required');
  }
  if (q.value === undefined) {
    throw invalid(`${path}.value is required.`, `${path}.value`, 'required');
  }
  // See: https://hl7.org/fhir/R4/observation-vitalsigns.html (valueQuantity.system fixed to UCUM, code required)
  if (q.system !== UCUM) {
    throw invalid(
      `${path}.system must be ${UCUM} (UCUM), got ${q.system ? `"${q.system}"` : 'nothing'}.`,
      `${path}.system`,
      'value',
    );
  }
  if (!q.code) {
    throw invalid(`${path}.code is required (UCUM ${vital.unit.code}).`, `${path}.code`, 'required');
  }
  if (q.code === vital.unit.code) {
    return q.value;
  }
  // See: https://hl7.org/fhir/R4/bodytemp.html (Cel or [degF])
  if (vital.kind === 'temp' && q.code === '[degF]') {
    return round2(((q.value - 32) * 5) / 9);
  }
  const accepted = vital.kind === 'temp' ? 'Cel or [degF]' : vital.unit.code;
  throw invalid(
    `${path}.code "${q.code}" is not the unit for ${vital.loinc.display}; use UCUM ${accepted}.`,
    `${path}.code`,
    'code-invalid',
  );
}

function hasLoinc(
  codings: readonly { system?: string | undefined; code?: string | undefined }[] | undefined,
  code: string,
): boolean {
  return (codings ?? []).some((c) => c.system === LOINC && c.code === code);
}

export function vitalFromResource(body: unknown): IncomingVital {
  const raw = requireResource(body, 'Observation');
  const o = parseShape(ObservationShape, raw, 'Observation');

  if (!STORABLE_STATUS.has(o.status)) {
    if (OTHER_STATUS.has(o.status)) {
      throw unprocessable(
        `Observation.status "${o.status}" cannot be charted; send preliminary, final, amended or corrected.`,
        'Observation.status',
      );
    }
    throw invalid(
      `Observation.status "${o.status}" is not an observation status.`,
      'Observation.status',
      'code-invalid',
    );
  }

  // See: https://hl7.org/fhir/R4/observation-vitalsigns.html (category slice VSCat: observation-category#vital-signs)
  const isVital = (o.category ?? []).some((c) =>
    (c.coding ?? []).some((k) => k.system === OBSERVATION_CATEGORY && k.code === 'vital-signs'),
  );
  if (!isVital) {
    const isSurvey = (o.category ?? []).some((c) => (c.coding ?? []).some((k) => k.code === 'survey'));
    if (isSurvey) {
      throw unprocessable(
        'Survey scores are derived from QuestionnaireResponse; POST the QuestionnaireResponse instead.',
        'Observation.category',
        'not-supported',
      );
    }
    throw invalid(
      `Observation.category must include ${OBSERVATION_CATEGORY}#vital-signs.`,
      'Observation.category',
      o.category ? 'value' : 'required',
    );
  }

  const loincCodes = (o.code.coding ?? []).filter((c) => c.system === LOINC && c.code);
  if (loincCodes.length === 0) {
    throw invalid(
      `Observation.code needs a LOINC coding (system ${LOINC}).`,
      'Observation.code.coding',
      'required',
    );
  }
  const vital = loincCodes.map((c) => vitalByLoinc(c.code ?? '')).find((v) => v !== undefined);
  if (!vital) {
    const supported = Object.values(vitalCodes)
      .map((v) => `${v.loinc.code} ${v.loinc.display}`)
      .join(', ');
    throw unprocessable(
      `Observation.code ${loincCodes.map((c) => c.code).join(', ')} is not a vital sign this server stores (supported: ${supported}).`,
      'Observation.code',
      'not-supported',
    );
  }

  const patientId = patientIdOf(o.subject, 'Observation.subject');

  // See: https://hl7.org/fhir/R4/observation-definitions.html#Observation.effective_x_
  const effective = o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start;
  const effectivePath =
    o.effectiveDateTime !== undefined
      ? 'Observation.effectiveDateTime'
      : o.effectiveInstant !== undefined
        ? 'Observation.effectiveInstant'
        : o.effectivePeriod
          ? 'Observation.effectivePeriod.start'
          : 'Observation.effectiveDateTime';
  const takenAt = requireDateTime(effective, effectivePath, 'when the reading was taken');

  const otherValue = Object.keys(raw).find((k) => k.startsWith('value') && k !== 'valueQuantity');
  if (otherValue) {
    throw invalid(
      `Vital signs are recorded as valueQuantity, not ${otherValue}.`,
      `Observation.${otherValue}`,
      'structure',
    );
  }

  const set: VitalSet = { takenAt };
  const valuePaths: IncomingVital['valuePaths'] = {};
  if (vital.kind === 'bp') {
    // See: https://hl7.org/fhir/R4/bp.html (components 8480-6 and 8462-4 in mm[Hg]; no value on the panel)
    if (o.valueQuantity) {
      throw invalid(
        'A blood pressure panel carries its values in component (8480-6, 8462-4), not valueQuantity.',
        'Observation.valueQuantity',
        'structure',
      );
    }
    const components = o.component ?? [];
    const sysIndex = components.findIndex((c) => hasLoinc(c.code.coding, BP_SYSTOLIC.loinc.code));
    const diaIndex = components.findIndex((c) => hasLoinc(c.code.coding, BP_DIASTOLIC.loinc.code));
    if (sysIndex < 0) {
      throw invalid(
        `Observation.component needs a systolic component (LOINC ${BP_SYSTOLIC.loinc.code}).`,
        'Observation.component',
        'required',
      );
    }
    if (diaIndex < 0) {
      throw invalid(
        `Observation.component needs a diastolic component (LOINC ${BP_DIASTOLIC.loinc.code}).`,
        'Observation.component',
        'required',
      );
    }
    const sysPath = `Observation.component[${sysIndex}].valueQuantity`;
    const diaPath = `Observation.component[${diaIndex}].valueQuantity`;
    const sysComponent = components[sysIndex];
    const diaComponent = components[diaIndex];
    if (!sysComponent?.valueQuantity && sysComponent?.dataAbsentReason) {
      throw unprocessable('A blood pressure without a systolic value cannot be charted.', sysPath);
    }
    if (!diaComponent?.valueQuantity && diaComponent?.dataAbsentReason) {
      throw unprocessable('A blood pressure without a diastolic value cannot be charted.', diaPath);
    }
    set.sbp = quantityValue(sysComponent?.valueQuantity, vital, sysPath);
    set.dbp = quantityValue(diaComponent?.valueQuantity, vital, diaPath);
    valuePaths.sbp = `${sysPath}.value`;
    valuePaths.dbp = `${diaPath}.value`;
  } else {
    if (!o.valueQuantity && o.dataAbsentReason) {
      throw unprocessable(
        'An Observation without a value (dataAbsentReason) cannot be charted.',
        'Observation.dataAbsentReason',
      );
    }
    const value = quantityValue(o.valueQuantity, vital, 'Observation.valueQuantity');
    const field: VitalField = vital.kind === 'temp' ? 'tempC' : vital.kind;
    set[field] = value;
    valuePaths[field] = 'Observation.valueQuantity.value';
  }

  const deviceText = (o.device?.display ?? o.device?.identifier?.value ?? o.device?.reference)
    ?.trim()
    .slice(0, 200);
  return { patientId, kind: vital.kind, set, device: deviceText || undefined, effectivePath, valuePaths };
}

const coding = (system: string, c: { code: string; display: string }): Coding => ({
  system,
  code: c.code,
  display: c.display,
});

function quantity(value: number, vital: VitalCode): Quantity {
  return { value: Number(value), unit: vital.unit.display, system: UCUM, code: vital.unit.code };
}

/** One vital_signs row as an R4 vital-signs Observation: LOINC coding first, then MDC. */
export function vitalObservation(row: VitalRow): Observation {
  const vital = vitalCodes[row.kind];
  const base: Observation = {
    resourceType: 'Observation',
    id: row.id,
    meta: { lastUpdated: iso(row.created_at), profile: [VITAL_SIGNS_PROFILE, vital.profile] },
    status: 'final',
    category: [VITAL_CATEGORY],
    code: {
      coding: [
        coding(LOINC, vital.loinc),
        ...vital.loincAlso.map((c) => coding(LOINC, c)),
        coding(MDC, vital.mdc),
      ],
      text: vital.loinc.display,
    },
    subject: { reference: `Patient/${row.patient_id}` },
    effectiveDateTime: iso(row.effective_at),
    issued: iso(row.created_at),
  };
  if (row.kind === 'bp') {
    base.component = [
      {
        code: {
          coding: [coding(LOINC, BP_SYSTOLIC.loinc), coding(MDC, BP_SYSTOLIC.mdc)],
          text: BP_SYSTOLIC.loinc.display,
        },
        valueQuantity: quantity(row.value, vital),
      },
      {
        code: {
          coding: [coding(LOINC, BP_DIASTOLIC.loinc), coding(MDC, BP_DIASTOLIC.mdc)],
          text: BP_DIASTOLIC.loinc.display,
        },
        valueQuantity: quantity(row.diastolic ?? Number.NaN, vital),
      },
    ];
  } else {
    base.valueQuantity = quantity(row.value, vital);
  }
  if (row.device) {
    base.device = { display: row.device };
  }
  return base;
}

/**
 * A questionnaire's total as a survey Observation: LOINC where the instrument has a total-score code
 * (PHQ-9 44261-6, GAD-7 70274-6, pain NRS 72514-3), our questionnaire-score system otherwise.
 */
export function scoreObservation(row: ScoreRow): Observation {
  const instrument = instrumentById(row.instrument);
  const title = instrument?.shortTitle ?? row.instrument;
  const obs: Observation = {
    resourceType: 'Observation',
    id: `${SCORE_ID_PREFIX}${row.id}`,
    meta: { lastUpdated: iso(row.created_at) },
    status: 'final',
    category: [SURVEY_CATEGORY],
    code: {
      ...(instrument ? { coding: [scoreCoding(instrument)] } : {}),
      text: `${title} total score`,
    },
    subject: { reference: `Patient/${row.patient_id}` },
    effectiveDateTime: iso(row.authored_at),
    issued: iso(row.created_at),
    // See: https://hl7.org/fhir/R4/observation-definitions.html#Observation.derivedFrom
    derivedFrom: [{ reference: `QuestionnaireResponse/${row.id}` }],
  };
  if (row.complete && row.total != null) {
    obs.valueInteger = Number(row.total);
    const band = instrument?.bands.find((b) => b.id === row.band);
    if (band) {
      obs.interpretation = [{ text: band.label }];
    }
    if (row.imputed) {
      obs.note = [{ text: 'Prorated: unanswered items were filled with the mean of the answered items.' }];
    }
  } else {
    // See: https://hl7.org/fhir/R4/codesystem-data-absent-reason.html
    obs.dataAbsentReason = {
      coding: [{ system: DATA_ABSENT_REASON, code: 'unknown', display: 'Unknown' }],
      text: `In progress: too many items unanswered to score the ${title}.`,
    };
  }
  return obs;
}
