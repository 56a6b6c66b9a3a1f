import { z } from 'zod';

/*
 * Psychotherapy sessions woven around dosing (issue 4: the substance-use track is read beside infusions
 * and psychotherapy). The kinds are the ones ketamine clinics name in their own programmes:
 * - preparation before the series (expectations, intentions, a plan for a hard moment);
 * - a therapist present during the dosing session itself (ketamine-assisted psychotherapy, KAP);
 * - integration afterwards (the IM KAP protocol plans one 24–72 h after each session);
 * - motivational enhancement (MET), the platform of Dakwar et al. 2020 (Am J Psychiatry,
 *   doi:10.1176/appi.ajp.2019.19070684: one ketamine infusion within 5 weeks of MET for alcohol dependence);
 * - relapse prevention, as the mindfulness-based relapse prevention of KARE (Grabski et al. 2022,
 *   Am J Psychiatry 179(2):152–162: seven 90-minute sessions beside three weekly infusions).
 */
export const therapySessionKinds = [
  'preparation',
  'during_dosing',
  'integration',
  'motivational_enhancement',
  'relapse_prevention',
  'other',
] as const;
export type TherapySessionKind = (typeof therapySessionKinds)[number];

export interface TherapySessionKindInfo {
  id: TherapySessionKind;
  label: string;
  /** For the marker strip's legend: "MET", "during dosing". */
  shortLabel: string;
  /** One letter for the marker strip, always shown beside a legend. */
  abbreviation: string;
  meaning: string;
}

export const therapySessionKindCatalog: readonly TherapySessionKindInfo[] = [
  {
    id: 'preparation',
    label: 'Preparation',
    shortLabel: 'preparation',
    abbreviation: 'P',
    meaning: 'Before the series or a session: expectations, intentions, a plan for a difficult moment',
  },
  {
    id: 'during_dosing',
    label: 'During dosing',
    shortLabel: 'during dosing',
    abbreviation: 'D',
    meaning: 'Therapist present during the dosing session (ketamine-assisted psychotherapy)',
  },
  {
    id: 'integration',
    label: 'Integration',
    shortLabel: 'integration',
    abbreviation: 'I',
    meaning: 'After a session: making sense of the experience and turning it into change',
  },
  {
    id: 'motivational_enhancement',
    label: 'Motivational enhancement (MET)',
    shortLabel: 'MET',
    abbreviation: 'M',
    meaning: 'Resolving ambivalence about use; goals the patient sets',
  },
  {
    id: 'relapse_prevention',
    label: 'Relapse prevention',
    shortLabel: 'relapse prevention',
    abbreviation: 'R',
    meaning: 'High-risk situations, cravings and coping (e.g. mindfulness-based relapse prevention)',
  },
  {
    id: 'other',
    label: 'Other psychotherapy',
    shortLabel: 'other',
    abbreviation: 'O',
    meaning: 'Any other psychotherapy session',
  },
];

/** Whether the patient came. A cancellation made in good time is simply not recorded. */
export const therapyAttendance = ['attended', 'cancelled_late', 'no_show'] as const;
export type TherapyAttendance = (typeof therapyAttendance)[number];

export const therapyAttendanceLabels: Readonly<Record<TherapyAttendance, string>> = {
  attended: 'Attended',
  cancelled_late: 'Late cancellation',
  no_show: 'No-show',
};

/**
 * Minutes face to face. A plausibility range, not a billing rule: CPT psychotherapy codes start at
 * 16 minutes, and a therapist sitting with a patient through dosing may stay 3–4 hours [U: clinic default].
 */
export const THERAPY_MINUTES = { min: 5, max: 240 } as const;
/** The progress-note summary; process notes (the therapist's own working notes) stay out of the chart. */
export const THERAPY_SUMMARY_MAX = 2000;

const isoDateTime = z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time' });

export const TherapySessionInput = z
  .object({
    kind: z.enum(therapySessionKinds),
    heldAt: isoDateTime,
    attendance: z.enum(therapyAttendance).default('attended'),
    minutes: z
      .number()
      .int('minutes must be a whole number')
      .min(THERAPY_MINUTES.min, `a session lasts at least ${THERAPY_MINUTES.min} minutes`)
      .max(THERAPY_MINUTES.max, `a session longer than ${THERAPY_MINUTES.max} minutes is not plausible`)
      .optional(),
    /** The therapist who held it; the person recording, when left out. */
    therapistId: z.string().uuid('not a valid staff id').optional(),
    /** The dosing session it accompanied (during dosing), prepared for or integrated. */
    infusionId: z.string().uuid('not a valid infusion id').optional(),
    summary: z.string().trim().max(THERAPY_SUMMARY_MAX).optional(),
  })
  .refine((s) => s.attendance !== 'attended' || s.minutes !== undefined, {
    message: 'say how many minutes the session lasted',
    path: ['minutes'],
  })
  .refine((s) => s.attendance === 'attended' || s.minutes === undefined, {
    message: 'a session the patient did not attend has no minutes',
    path: ['minutes'],
  })
  .refine((s) => s.kind !== 'during_dosing' || s.infusionId !== undefined, {
    message: 'a session during dosing names its dosing session',
    path: ['infusionId'],
  });
export type TherapySessionInput = z.input<typeof TherapySessionInput>;
export type TherapySession = z.output<typeof TherapySessionInput>;

/** One session as the API answers it (GET /api/patients/:id/therapy-sessions, and the chart). */
export interface TherapySessionView {
  id: string;
  kind: TherapySessionKind;
  heldAt: string;
  /** Null when the patient did not attend. */
  minutes: number | null;
  attendance: TherapyAttendance;
  therapist: { id: string; name: string };
  infusionId: string | null;
  summary: string | null;
  recordedBy: { id: string; name: string };
  createdAt: string;
}
