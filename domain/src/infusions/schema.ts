import { z } from 'zod';
import { imSites } from './session-safety.ts';
import { nostrils, sides } from './administrations.ts';

const isoDateTime = z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time' });

export const routes = ['iv', 'im', 'intranasal'] as const;

export const ScheduleInfusionInput = z.object({
  patientId: z.string().uuid(),
  chairId: z.string().uuid().optional(),
  scheduledAt: isoDateTime.optional(),
});

export const PrecheckInput = z.object({
  consentSigned: z.boolean().optional(),
  fastingConfirmed: z.boolean().optional(),
  escortName: z.string().trim().max(120).optional(),
  escortPhone: z.string().trim().max(40).optional(),
});
export type PrecheckInput = z.infer<typeof PrecheckInput>;

export const DoseOrderInput = z.object({
  mgPerKg: z.number().positive('dose must be above 0 mg/kg'),
  durationMin: z.number().int().positive().max(600).optional(),
  vialConcentrationMgPerMl: z.number().positive().max(100).optional(),
  diluentVolumeMl: z.number().min(0).max(1000).optional(),
});
export type DoseOrderInput = z.infer<typeof DoseOrderInput>;

export const pumpEvents = ['start', 'pause', 'resume', 'rate_change', 'stop'] as const;
export const PumpEventInput = z
  .object({
    kind: z.enum(pumpEvents),
    rateMlPerH: z.number().positive().max(2000).optional(),
    /** The clinician giving the dose (start, or stop to correct it); defaults to whoever records the event. */
    administeredBy: z.string().uuid().optional(),
    at: isoDateTime.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((e) => e.kind !== 'rate_change' || e.rateMlPerH != null, {
    message: 'a rate change needs rateMlPerH',
    path: ['rateMlPerH'],
  });
export type PumpEventInput = z.infer<typeof PumpEventInput>;

// A set of readings taken together (by hand or from one monitor message). Values outside what a
// living patient can show are rejected by the domain's vital-sign ranges, not here.
export const VitalsInput = z
  .object({
    takenAt: isoDateTime.optional(),
    hr: z.number().optional(),
    sbp: z.number().optional(),
    dbp: z.number().optional(),
    spo2: z.number().optional(),
    rr: z.number().optional(),
    tempC: z.number().optional(),
  })
  .refine((v) => [v.hr, v.sbp, v.dbp, v.spo2, v.rr, v.tempC].some((x) => x != null), {
    message: 'give at least one vital sign',
  })
  .refine((v) => (v.sbp == null) === (v.dbp == null), {
    message: 'blood pressure needs both systolic and diastolic',
    path: ['sbp'],
  });
export type VitalsInput = z.infer<typeof VitalsInput>;

export const severities = ['mild', 'moderate', 'severe'] as const;
export const SideEffectInput = z.object({
  code: z.string().trim().min(1).max(60),
  severity: z.enum(severities),
  at: isoDateTime.optional(),
  note: z.string().trim().max(1000).optional(),
});
export type SideEffectInput = z.infer<typeof SideEffectInput>;

export const InterventionInput = z.object({
  code: z.string().trim().min(1).max(60),
  doseText: z.string().trim().max(100).optional(),
  at: isoDateTime.optional(),
  note: z.string().trim().max(1000).optional(),
});
export type InterventionInput = z.infer<typeof InterventionInput>;

export const AcknowledgeAlertInput = z.object({
  note: z.string().trim().min(1, 'say what was done').max(1000),
});

export const DischargeInput = z.object({
  scoreType: z.enum(['padss', 'aldrete']),
  items: z.record(z.string(), z.number().int().min(0).max(2)),
  escortName: z.string().trim().min(1, 'name the escort who takes the patient home').max(120),
  instructionsGiven: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export type DischargeInput = z.infer<typeof DischargeInput>;

/**
 * One IM injection or one intranasal administration (issue 10). Which fields apply depends on the
 * session's route; the domain (infusions/administrations.ts) checks them against the order.
 */
export const AdministrationInput = z.object({
  at: isoDateTime.optional(),
  doseMg: z.number().positive('the dose must be above 0 mg').max(1000),
  volumeMl: z.number().positive().max(20).optional(),
  site: z.enum(imSites).optional(),
  side: z.enum(sides).optional(),
  devices: z.number().int().min(1).max(20).optional(),
  nostril: z.enum(nostrils).optional(),
  administeredBy: z.string().uuid().optional(),
  /** The last dose even though short of the order (e.g. the patient declined the rest). */
  final: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type AdministrationInput = z.infer<typeof AdministrationInput>;

/** A physician lifts the pre-dose BP hold for the reading now on the chart. */
export const BpOverrideInput = z.object({
  reason: z.string().trim().min(3, 'say why the dose may go ahead').max(1000),
});
export type BpOverrideInput = z.infer<typeof BpOverrideInput>;

/** A modified Aldrete score during recovery: it ends phase 1; PADSS decides going home. */
export const RecoveryScoreInput = z.object({
  scoreType: z.literal('aldrete'),
  items: z.record(z.string(), z.number().int().min(0).max(2)),
  at: isoDateTime.optional(),
});
export type RecoveryScoreInput = z.infer<typeof RecoveryScoreInput>;
