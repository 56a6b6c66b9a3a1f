import { z } from 'zod';

export const QuestionnaireInput = z.object({
  instrument: z.enum(['phq9', 'gad7']),
  // linkId (LOINC item code) -> 0..3, or null when the patient skipped it.
  answers: z.record(z.string(), z.number().int().min(0).max(3).nullable()),
  authoredAt: z.string().datetime({ offset: true }).optional(),
});
export type QuestionnaireInput = z.infer<typeof QuestionnaireInput>;

export const QuestionnaireLinkInput = z.object({
  instruments: z
    .array(z.enum(['phq9', 'gad7']))
    .min(1)
    .max(4),
  expiresInHours: z.number().int().min(1).max(168).default(72),
});
export type QuestionnaireLinkInput = z.input<typeof QuestionnaireLinkInput>;
