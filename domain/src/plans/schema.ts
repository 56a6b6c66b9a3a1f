import { z } from 'zod';
import { instruments } from '../instruments/registry.ts';
import { defaultDosingWeightRule, weightBases } from '../dosing/dosing-weight.ts';
import type { ImSite } from '../infusions/session-safety.ts';
import { OUTCOME_WINDOW_LIMITS } from './outcome-window.ts';
import { AT_SESSION_ONLY } from './measures.ts';

const positive = z.number().positive();

/** A clinic's edit of a protocol; mirrors `Protocol` (protocol.ts) and checks the limits agree. */
export const ProtocolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/),
    title: z.string().trim().min(1).max(120),
    indication: z.enum(['depression', 'ptsd', 'chronic_pain', 'substance_use', 'kap']),
    route: z.enum(['iv', 'im', 'intranasal', 'oral', 'sublingual']),
    sessionNoun: z.string().trim().min(1).max(40),
    dose: z.object({
      defaultMgPerKg: positive.max(10),
      durationMin: z
        .number()
        .int()
        .positive()
        .max(24 * 60)
        .nullable(),
      limits: z.object({
        minMgPerKg: positive,
        maxMgPerKg: positive,
        hardMaxMgPerKg: positive,
        maxTotalMg: positive.optional(),
        maxMgPerKgPerHour: positive.max(10).optional(),
        // Bedside safety (issue 10); required for IV below. maxMgPerHour null: no hourly cap.
        minDurationMin: z
          .number()
          .int()
          .positive()
          .max(24 * 60)
          .optional(),
        maxMgPerHour: positive.max(1000).nullable().optional(),
      }),
    }),
    preparation: z.object({
      vialConcentrationMgPerMl: positive.max(100),
      diluentVolumeMl: z.number().min(0).max(1000),
      diluent: z.string().max(100).nullable(),
    }),
    induction: z.object({
      sessions: z.number().int().min(0).max(30),
      minDaysBetween: z.number().int().min(0).max(60),
      maxSessionsPerWeek: z.number().int().min(1).max(7),
    }),
    booster: z.object({ defaultIntervalDays: z.number().int().min(1).max(365) }),
    recovery: z.object({
      minObservationMin: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
    }),
    alerts: z
      .array(
        z.object({
          code: z.string().regex(/^[a-z0-9_]{1,60}$/),
          vital: z.enum(['hr', 'sbp', 'dbp', 'spo2', 'rr', 'tempC']),
          comparator: z.enum(['>=', '>', '<=', '<']),
          limit: z.number().finite(),
          sustainMs: z
            .number()
            .int()
            .min(0)
            .max(60 * 60_000),
          enabled: z.boolean(),
        }),
      )
      .max(30)
      .refine(
        (rules) => new Set(rules.map((r) => r.code)).size === rules.length,
        'alert rule codes must be unique',
      ),
    safety: z
      .object({
        bpHold: z.object({
          systolic: z.number().int().min(100).max(250),
          diastolic: z.number().int().min(50).max(150),
        }),
        vitalsDue: z.object({
          dosingEveryMin: z.number().int().min(1).max(120),
          recoveryEveryMin: z.number().int().min(1).max(120),
          bpAfterDoseMin: z.number().int().min(1).max(240).nullable(),
        }),
        imSiteMaxMl: z.object({
          deltoid: positive.max(5),
          ventrogluteal: positive.max(5),
          vastus_lateralis: positive.max(5),
        }) satisfies z.ZodType<Record<ImSite, number>>,
      })
      .optional(),
    measures: z
      .array(
        z
          .object({
            instrumentId: z.string().refine((id) => id in instruments, 'not a known instrument'),
            when: z.enum([
              'baseline',
              'before_each_session',
              'at_each_session',
              'after_each_session',
              'after_series_every',
            ]),
            everyDays: z.number().int().min(1).max(365).optional(),
          })
          // CADSS rates dissociation during dosing (measures.ts AT_SESSION_ONLY).
          .refine((m) => !AT_SESSION_ONLY.has(m.instrumentId) || m.when === 'at_each_session', {
            path: ['when'],
            error: 'this instrument rates the state during dosing: schedule it at_each_session',
          }),
      )
      .max(30)
      .optional(),
    // outcome-window.ts: days relative to the last induction session, fromDay ≤ toDay.
    outcome: z
      .object({
        followUpWindow: z
          .object({
            fromDay: z
              .number()
              .int()
              .min(OUTCOME_WINDOW_LIMITS.minFromDay)
              .max(OUTCOME_WINDOW_LIMITS.maxToDay),
            toDay: z.number().int().min(OUTCOME_WINDOW_LIMITS.minFromDay).max(OUTCOME_WINDOW_LIMITS.maxToDay),
          })
          .refine((w) => w.fromDay <= w.toDay, 'the outcome window must not end before it starts'),
      })
      .optional(),
    screening: z.object({ recentEventWindowDays: z.number().int().min(1).max(3650) }).optional(),
    notes: z.array(z.string().max(500)).max(20),
    sources: z.array(z.string().max(500)).max(20),
    // Bedside safety (issue 10): which weight a dose uses (dosing/dosing-weight.ts); absent = the default.
    dosingWeight: z
      .object({
        basis: z.enum(weightBases),
        fromBmi: z.number().min(18.5).max(70).nullable(),
        maxAgeDays: z.number().int().min(1).max(365),
      })
      .default(defaultDosingWeightRule),
  })
  .superRefine((p, ctx) => {
    const { minMgPerKg, maxMgPerKg, hardMaxMgPerKg } = p.dose.limits;
    if (!(
      minMgPerKg <= p.dose.defaultMgPerKg &&
      p.dose.defaultMgPerKg <= maxMgPerKg &&
      maxMgPerKg <= hardMaxMgPerKg
    )) {
      ctx.addIssue({
        code: 'custom',
        path: ['dose'],
        message: 'limits must satisfy minimum ≤ default ≤ maximum ≤ hard maximum',
      });
    }
    if (p.route === 'iv' && p.dose.durationMin == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['dose', 'durationMin'],
        message: 'an IV protocol needs an infusion duration',
      });
    }
    checkSafetyLimits(p, ctx);
  });

interface SafetyFields {
  route: string;
  dose: {
    defaultMgPerKg: number;
    durationMin: number | null;
    limits: { minDurationMin?: number | undefined; maxMgPerKgPerHour?: number | undefined };
  };
  dosingWeight: { basis: string; fromBmi: number | null };
}

/**
 * Bedside safety (issue 10): an IV protocol carries a minimum duration and a rate ceiling, and its own
 * default must respect them; adjusted or ideal weight needs the BMI it starts at.
 */
function checkSafetyLimits(p: SafetyFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (p.dosingWeight.basis !== 'actual' && p.dosingWeight.fromBmi == null) {
    issue(['dosingWeight', 'fromBmi'], 'say from which BMI the adjusted or ideal weight is used');
  }
  if (p.route !== 'iv') {
    return;
  }
  const { minDurationMin, maxMgPerKgPerHour } = p.dose.limits;
  if (minDurationMin == null) {
    issue(['dose', 'limits', 'minDurationMin'], 'an IV protocol needs a minimum infusion duration');
  }
  if (maxMgPerKgPerHour == null) {
    issue(['dose', 'limits', 'maxMgPerKgPerHour'], 'an IV protocol needs a maximum rate in mg/kg/h');
  }
  const duration = p.dose.durationMin;
  if (duration == null) {
    return;
  }
  if (minDurationMin != null && duration < minDurationMin) {
    issue(
      ['dose', 'durationMin'],
      `the default duration is shorter than the minimum (${minDurationMin} min)`,
    );
  }
  const rate = Math.round(((p.dose.defaultMgPerKg * 60) / duration) * 1e6) / 1e6;
  if (maxMgPerKgPerHour != null && rate > maxMgPerKgPerHour) {
    issue(
      ['dose', 'limits', 'maxMgPerKgPerHour'],
      `the default dose over the default duration runs at ${Math.round(rate * 100) / 100} mg/kg/h, above this maximum`,
    );
  }
}
