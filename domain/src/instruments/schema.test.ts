import { describe, expect, it } from 'vitest';
import { instruments } from './registry.ts';
import { QuestionnaireInput, QuestionnaireLinkInput } from './schema.ts';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('questionnaire payloads', () => {
  it('takes every registered instrument and refuses any other id, even an inherited property name', () => {
    for (const id of Object.keys(instruments)) {
      expect(QuestionnaireInput.safeParse({ instrument: id, answers: {} }).success).toBe(true);
    }
    expect(messages(QuestionnaireInput.safeParse({ instrument: 'hamd17', answers: {} }))).toEqual([
      'instrument: unknown instrument "hamd17"',
    ]);
    expect(QuestionnaireInput.safeParse({ instrument: 'toString', answers: {} }).success).toBe(false);
  });

  it('leaves answer ranges to scoring but takes whole numbers or null only', () => {
    expect(QuestionnaireInput.safeParse({ instrument: 'madrs', answers: { x: 6, y: null } }).success).toBe(
      true,
    );
    expect(
      messages(QuestionnaireInput.safeParse({ instrument: 'phq9', answers: { '44250-9': 1.5 } })),
    ).toEqual(['answers.44250-9: an answer is a whole number, or null when the item was skipped']);
  });

  it('sends patient-rated forms to the phone, never a clinician-rated one, and each form once', () => {
    expect(QuestionnaireLinkInput.safeParse({ instruments: ['pcl5', 'pain_nrs'] }).success).toBe(true);
    expect(messages(QuestionnaireLinkInput.safeParse({ instruments: ['phq9', 'madrs'] }))).toEqual([
      "instruments.1: MADRS is rated by a clinician from an interview and cannot be sent to the patient's phone; staff enter it",
    ]);
    expect(messages(QuestionnaireLinkInput.safeParse({ instruments: ['phq9', 'phq9'] }))).toEqual([
      'instruments: each questionnaire may be asked once',
    ]);
  });

  it('never sends the clinician-administered CADSS to the phone (issue 10)', () => {
    expect(messages(QuestionnaireLinkInput.safeParse({ instruments: ['cadss'] }))).toEqual([
      "instruments.0: CADSS is clinician-administered at the chair during or just after dosing and cannot be sent to the patient's phone; staff enter it",
    ]);
  });

  it('takes "prefer not to answer" items as a list of linkIds beside the answers', () => {
    expect(
      QuestionnaireInput.safeParse({
        instrument: 'phq9',
        answers: { '44260-8': null },
        declined: ['44260-8'],
      }).success,
    ).toBe(true);
    expect(
      QuestionnaireInput.safeParse({ instrument: 'phq9', answers: {}, declined: '44260-8' }).success,
    ).toBe(false);
  });
});
