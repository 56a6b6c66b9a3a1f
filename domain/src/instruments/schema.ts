import { z } from 'zod';
import { instruments } from './registry.ts';

const registered = (id: string): boolean => Object.hasOwn(instruments, id);

/** Any instrument of the registry ("phq9", "madrs", "pain_nrs"): the registry is the one list. */
export const InstrumentId = z
  .string()
  .refine(registered, { error: (iss) => `unknown instrument "${String(iss.input)}"` });

/**
 * linkId → the item's answer, or null when it was skipped. Only the shape is checked here: whether a
 * value is one of its item's answers (0–3 for PHQ-9, 0–6 for MADRS, 0–10 for pain) is for
 * `scoreQuestionnaire`, which names the item it refuses.
 */
const wholeNumber = { error: 'an answer is a whole number, or null when the item was skipped' };
export const QuestionnaireAnswers = z.record(
  z.string().min(1).max(100),
  z.number(wholeNumber).int(wholeNumber).nullable(),
);

/**
 * Items the patient chose "prefer not to answer" for (each also null or absent in `answers`): scored as
 * unanswered; for a safety item (PHQ-9 item 9) the safety task says the patient declined.
 */
export const DeclinedItems = z.array(z.string().min(1).max(100)).max(100);

export const QuestionnaireInput = z.object({
  instrument: InstrumentId,
  answers: QuestionnaireAnswers,
  declined: DeclinedItems.optional(),
  authoredAt: z.string().datetime({ offset: true }).optional(),
});
export type QuestionnaireInput = z.infer<typeof QuestionnaireInput>;

export const QuestionnaireLinkInput = z.object({
  instruments: z
    .array(InstrumentId)
    .min(1)
    .max(Object.keys(instruments).length)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'each questionnaire may be asked once' })
    // A clinician's form (MADRS rated from an interview, CADSS given at the chair): a patient alone
    // cannot give it.
    .superRefine((ids, ctx) => {
      ids.forEach((id, index) => {
        const instrument = registered(id) ? instruments[id] : undefined;
        if (instrument?.rater === 'clinician') {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${instrument.shortTitle} is ${instrument.administeredAs ?? 'given by a clinician'} and cannot be sent to the patient's phone; staff enter it`,
          });
        }
      });
    }),
  expiresInHours: z.number().int().min(1).max(168).default(72),
});
export type QuestionnaireLinkInput = z.input<typeof QuestionnaireLinkInput>;

/** The patient's answers to a questionnaire link; the service checks they are the link's forms. */
export const QuestionnaireLinkSubmission = z.object({
  responses: z
    .array(
      z.object({
        instrument: InstrumentId,
        answers: QuestionnaireAnswers,
        declined: DeclinedItems.optional(),
      }),
    )
    .min(1)
    .max(Object.keys(instruments).length),
});
export type QuestionnaireLinkSubmission = z.infer<typeof QuestionnaireLinkSubmission>;
