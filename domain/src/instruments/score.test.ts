import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { gad7 } from './gad7.ts';
import { madrs, MADRS_ITEM10_ALERT_AT } from './madrs.ts';
import { phq9 } from './phq9.ts';
import { scoreQuestionnaire } from './score.ts';
import type { QuestionnaireAnswers } from './score.ts';
import type { Instrument } from './types.ts';

const PHQ9_ITEM9 = '44260-8';

/** Answers every item of an instrument with the given values, in form order. */
function answersFor(
  instrument: Instrument,
  values: readonly (number | null)[],
): Record<string, number | null> {
  return Object.fromEntries(instrument.items.map((item, i) => [item.linkId, values[i] ?? null]));
}

function expectDomainError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

describe('scoreQuestionnaire: PHQ-9', () => {
  it('sums a complete form and reports no imputation', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [1, 2, 1, 0, 3, 1, 0, 2, 0]));
    expect(result).toMatchObject({
      complete: true,
      total: 10,
      imputed: false,
      imputedItems: [],
      answeredCount: 9,
      itemCount: 9,
      missingItems: [],
      safetyAlert: null,
      safetyItemUnanswered: false,
    });
    if (result.complete) {
      expect(result.band.id).toBe('moderate');
    }
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('puts total %i in band %s', (total, bandId) => {
    // Spread the total over items 1–8 (max 3 each) and keep item 9 at 0 unless needed.
    const values: number[] = [];
    let left = total;
    for (let i = 0; i < 9; i++) {
      const v = Math.min(3, left);
      values.push(v);
      left -= v;
    }
    const result = scoreQuestionnaire('phq9', answersFor(phq9, values));
    expect(result.complete && result.total).toBe(total);
    expect(result.complete && result.band.id).toBe(bandId);
  });

  it('prorates one missing item with the mean of the others and rounds to the nearest whole number', () => {
    // 8 answered items summing to 10: 10 × 9 / 8 = 11.25 → 11.
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [2, 2, 1, 1, 1, 1, 1, 1, null]));
    expect(result).toMatchObject({ complete: true, total: 11, imputed: true, imputedItems: [PHQ9_ITEM9] });
  });

  it('rounds a prorated half up (4 × 9 / 8 = 4.5 → 5, which changes the band)', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [null, 1, 1, 1, 1, 0, 0, 0, 0]));
    expect(result.complete && result.total).toBe(5);
    expect(result.complete && result.band.id).toBe('mild');
  });

  it('prorates two missing items', () => {
    // 7 answered summing to 10: 10 × 9 / 7 = 12.857 → 13.
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [3, 3, 2, 1, 1, 0, null, null, 0]));
    expect(result).toMatchObject({ complete: true, total: 13, imputed: true });
    expect(result.complete && result.imputedItems).toEqual(['44252-5', '44253-3']);
  });

  it('treats absent keys like null', () => {
    const answers = answersFor(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    delete answers['44250-9'];
    const result = scoreQuestionnaire('phq9', answers);
    expect(result).toMatchObject({ complete: true, total: 9, imputedItems: ['44250-9'] });
  });

  it('refuses to score with three items missing', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [3, 3, 3, 3, 3, 3, null, null, null]));
    expect(result.complete).toBe(false);
    if (!result.complete) {
      expect(result.reason).toMatch(/3 of 9 items unanswered/);
      expect(result.missingItems).toHaveLength(3);
      expect(result.answeredCount).toBe(6);
    }
  });

  it('refuses an empty form', () => {
    const result = scoreQuestionnaire('phq9', {});
    expect(result.complete).toBe(false);
    expect(result.safetyItemUnanswered).toBe(true);
  });

  it('raises a safety alert with the item value when item 9 is above 0', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 2]));
    expect(result.safetyAlert).toMatchObject({ linkId: PHQ9_ITEM9, value: 2 });
    expect(result.complete && result.band.id).toBe('minimal');
  });

  it('does not alert when item 9 is 0', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]));
    expect(result.safetyAlert).toBeNull();
    expect(result.safetyItemUnanswered).toBe(false);
  });

  it('keeps the safety alert on an incomplete form', () => {
    const result = scoreQuestionnaire('phq9', { [PHQ9_ITEM9]: 1 });
    expect(result.complete).toBe(false);
    expect(result.safetyAlert?.value).toBe(1);
  });

  it('flags an unanswered item 9 instead of treating it as 0', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [1, 1, 1, 1, 1, 1, 1, 1, null]));
    expect(result.safetyItemUnanswered).toBe(true);
    expect(result.safetyAlert).toBeNull();
    expect(result.complete && result.imputedItems).toContain(PHQ9_ITEM9);
  });

  it.each([[4], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects answer %s', (value) => {
    expectDomainError(() => scoreQuestionnaire('phq9', { '44250-9': value }), 'invalid_answer');
  });

  it('names the item and its allowed answers when it refuses one', () => {
    expect(() => scoreQuestionnaire('madrs', { 'openkap-madrs-3': 7 })).toThrow(
      'MADRS item 3 (openkap-madrs-3): the answer must be 0 to 6; got 7',
    );
    expect(() => scoreQuestionnaire('phq9', { '44260-8': 4 })).toThrow(/PHQ-9 item 9 \(44260-8\).*0 to 3/);
  });

  it('rejects a non-number answer smuggled in from JSON', () => {
    const answers = { '44250-9': '2' } as unknown as QuestionnaireAnswers;
    expectDomainError(() => scoreQuestionnaire('phq9', answers), 'invalid_answer');
  });

  it('rejects an item that is not on the form (e.g. GAD-7 answers sent as PHQ-9)', () => {
    expectDomainError(() => scoreQuestionnaire('phq9', { '69725-0': 1 }), 'unknown_item');
  });

  it('rejects answers that are not an object', () => {
    expectDomainError(
      () => scoreQuestionnaire('phq9', null as unknown as QuestionnaireAnswers),
      'invalid_input',
    );
  });

  it('rejects an unknown instrument', () => {
    expectDomainError(() => scoreQuestionnaire('hamd17', {}), 'unknown_instrument');
  });
});

describe('scoreQuestionnaire: GAD-7', () => {
  it('scores a complete form without any safety item', () => {
    const result = scoreQuestionnaire('gad7', answersFor(gad7, [3, 3, 3, 3, 3, 3, 3]));
    expect(result).toMatchObject({
      complete: true,
      total: 21,
      safetyAlert: null,
      safetyItemUnanswered: false,
    });
    expect(result.complete && result.band.id).toBe('severe');
  });

  it.each([
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
  ])('puts total %i in band %s', (total, bandId) => {
    const values = Array.from({ length: 7 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
    const result = scoreQuestionnaire('gad7', answersFor(gad7, values));
    expect(result.complete && result.total).toBe(total);
    expect(result.complete && result.band.id).toBe(bandId);
  });

  it('prorates one missing item', () => {
    // 6 answered summing to 8: 8 × 7 / 6 = 9.33 → 9.
    const result = scoreQuestionnaire('gad7', answersFor(gad7, [2, 2, 1, 1, 1, 1, null]));
    expect(result).toMatchObject({ complete: true, total: 9, imputed: true, imputedItems: ['69736-7'] });
  });

  it('refuses two missing items', () => {
    const result = scoreQuestionnaire('gad7', answersFor(gad7, [2, 2, 1, 1, 1, null, null]));
    expect(result.complete).toBe(false);
  });
});

describe('scoreQuestionnaire: clinic-added instruments', () => {
  it('scores an instrument supplied in a custom registry', () => {
    const twoItem: Instrument = {
      ...gad7,
      id: 'gad2',
      shortTitle: 'GAD-2',
      items: gad7.items.slice(0, 2),
      bands: [
        { id: 'negative', label: 'Negative', min: 0, max: 2 },
        { id: 'positive', label: 'Positive', min: 3, max: 6 },
      ],
      scoring: { maxMissingItems: 0, missingItemsSource: 'test' },
    };
    const result = scoreQuestionnaire(
      'gad2',
      { '69725-0': 2, '68509-9': 1 },
      { registry: { gad2: twoItem } },
    );
    expect(result.complete && result.band.id).toBe('positive');
    expect(scoreQuestionnaire('gad2', { '69725-0': 2 }, { registry: { gad2: twoItem } }).complete).toBe(
      false,
    );
  });
});

describe('scoreQuestionnaire: safety items never imputed (issue 10)', () => {
  it('opens a task, not a 0, when PHQ-9 item 9 is skipped, even though the total is prorated', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [2, 2, 2, 2, 2, 2, 2, 2, null]));
    expect(result).toMatchObject({
      complete: true,
      total: 18,
      safetyAlert: null,
      safetyItemUnanswered: true,
      safetyItemDeclined: false,
      safetyTask: {
        linkId: PHQ9_ITEM9,
        kind: 'phq9_item9_unanswered',
        declined: false,
        message: expect.stringMatching(
          /^PHQ-9 item 9 \(thoughts of death or self-harm\) not answered — ask the patient/,
        ),
      },
    });
  });

  it('says the patient declined when item 9 is marked "prefer not to answer"', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [1, 1, 1, 1, 1, 1, 1, 1, null]), {
      declined: [PHQ9_ITEM9],
    });
    expect(result.declinedItems).toEqual([PHQ9_ITEM9]);
    expect(result.safetyItemDeclined).toBe(true);
    expect(result.safetyTask).toMatchObject({ kind: 'phq9_item9_unanswered', declined: true });
    expect(result.safetyTask?.message).toMatch(/prefer not to answer/);
  });

  it('has no task when item 9 is answered, and refuses an item both answered and declined', () => {
    const answered = scoreQuestionnaire('phq9', answersFor(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0]));
    expect(answered.safetyTask).toBeNull();
    expectDomainError(
      () =>
        scoreQuestionnaire('phq9', answersFor(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0]), { declined: [PHQ9_ITEM9] }),
      'invalid_answer',
    );
    expectDomainError(() => scoreQuestionnaire('phq9', {}, { declined: ['12345-6'] }), 'unknown_item');
  });

  it('names the alert kind and the answer on a positive item 9', () => {
    const result = scoreQuestionnaire('phq9', answersFor(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(result.safetyAlert).toMatchObject({ kind: 'phq9_item9', threshold: 1 });
    expect(result.safetyAlert?.message).toBe(
      'PHQ-9 item 9 (thoughts of death or self-harm) answered 1 of 3 ("Several days"): clinical review needed today.',
    );
  });
});

describe('scoreQuestionnaire: MADRS item 10 (issue 10)', () => {
  const madrsWith = (item10: number | null) => answersFor(madrs, [3, 3, 3, 3, 3, 3, 3, 3, 3, item10]);

  it('alerts at the default of 4 and above, not at 3', () => {
    expect(scoreQuestionnaire('madrs', madrsWith(3)).safetyAlert).toBeNull();
    for (const value of [4, 5, 6]) {
      expect(scoreQuestionnaire('madrs', madrsWith(value)).safetyAlert).toMatchObject({
        linkId: 'openkap-madrs-10',
        value,
        threshold: MADRS_ITEM10_ALERT_AT,
        kind: 'madrs_item10',
      });
    }
    expect(scoreQuestionnaire('madrs', madrsWith(4)).safetyAlert?.message).toMatch(
      /^MADRS item 10 \(suicidal thoughts\) answered 4 of 6 .*at or above the clinic's alert level of 4/,
    );
  });

  it("follows the clinic's setting, and refuses one outside 1–6", () => {
    const at = (value: number, madrsItem10AlertAt: number) =>
      scoreQuestionnaire('madrs', madrsWith(value), { safetyThresholds: { madrsItem10AlertAt } }).safetyAlert;
    expect(at(2, 2)?.threshold).toBe(2);
    expect(at(5, 6)).toBeNull();
    expect(at(6, 6)?.value).toBe(6);
    expectDomainError(() => at(3, 0), 'invalid_input');
    expectDomainError(() => at(3, 7), 'invalid_input');
    // PHQ-9's threshold is fixed: the MADRS setting does not touch it.
    expect(
      scoreQuestionnaire('phq9', answersFor(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]), {
        safetyThresholds: { madrsItem10AlertAt: 6 },
      }).safetyAlert?.threshold,
    ).toBe(1);
  });

  it('opens a task when item 10 is not rated', () => {
    const result = scoreQuestionnaire('madrs', madrsWith(null));
    expect(result.complete).toBe(false);
    expect(result.safetyTask).toMatchObject({ kind: 'madrs_item10_unanswered', declined: false });
    expect(result.safetyTask?.message).toMatch(/not answered — rate it from the interview today/);
  });
});
