// MADRS, PCL-5, CADSS, PACS and the pain NRS against totals worked out by hand from each manual's rules.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { maxTotal, optionsFor } from './answers.ts';
import { bandForScore } from './bands.ts';
import { cadss } from './cadss.ts';
import { gad7 } from './gad7.ts';
import { MADRS_REMISSION_MAX, madrs } from './madrs.ts';
import { pacs } from './pacs.ts';
import { painNrs } from './pain-nrs.ts';
import { pcl5 } from './pcl5.ts';
import { phq9 } from './phq9.ts';
import { instruments } from './registry.ts';
import { scoreQuestionnaire } from './score.ts';
import type { Instrument } from './types.ts';

function answersFor(
  instrument: Instrument,
  values: readonly (number | null)[],
): Record<string, number | null> {
  return Object.fromEntries(instrument.items.map((item, i) => [item.linkId, values[i] ?? null]));
}

/** A complete form whose items add up to `total`, filled from item 1 with each item's top answer. */
function formWithTotal(instrument: Instrument, total: number): Record<string, number | null> {
  let left = total;
  const values = instrument.items.map((item) => {
    const top = Math.max(...optionsFor(instrument, item).map((o) => o.value));
    const v = Math.min(top, left);
    left -= v;
    return v;
  });
  expect(left).toBe(0);
  return answersFor(instrument, values);
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe('instrument model', () => {
  it('registers each instrument under its own id', () => {
    for (const [key, instrument] of Object.entries(instruments)) {
      expect(instrument.id).toBe(key);
    }
    expect(Object.keys(instruments)).toEqual([
      'phq9',
      'gad7',
      'madrs',
      'pcl5',
      'cadss',
      'pacs',
      'pain_nrs',
      'use_diary',
    ]);
  });

  it('says who gives it: a clinician rates MADRS and administers CADSS, the patient answers the rest', () => {
    const raters = Object.fromEntries(Object.values(instruments).map((i) => [i.id, i.rater]));
    expect(raters).toEqual({
      phq9: 'patient',
      gad7: 'patient',
      madrs: 'clinician',
      pcl5: 'patient',
      cadss: 'clinician',
      pacs: 'patient',
      pain_nrs: 'patient',
      use_diary: 'patient',
    });
  });

  it('gives an item its own answers when it has them, the instrument’s otherwise', () => {
    const [first, tenth] = [madrs.items[0], madrs.items[9]];
    expect(first && optionsFor(madrs, first)[0]?.label).toBe('No sadness');
    expect(tenth && optionsFor(madrs, tenth)[6]?.label).toBe(
      'Explicit plans or active preparation for suicide',
    );
    const phqItem = phq9.items[0];
    expect(phqItem && optionsFor(phq9, phqItem)).toBe(phq9.answerOptions);
  });

  it('checks each answer against its own item’s options', () => {
    const [first, second] = gad7.items;
    if (!first || !second) {
      throw new Error('GAD-7 has items');
    }
    const yesNo = [
      { value: 0, label: 'No' },
      { value: 1, label: 'Yes' },
    ];
    const mixed: Instrument = {
      ...gad7,
      id: 'mixed',
      items: [first, { ...second, answerOptions: yesNo }],
      bands: [{ id: 'total', label: 'Total', min: 0, max: 4 }],
    };
    const registry = { registry: { mixed } };
    expect(maxTotal(mixed)).toBe(4);
    expect(scoreQuestionnaire('mixed', { [first.linkId]: 3, [second.linkId]: 1 }, registry)).toMatchObject({
      total: 4,
    });
    expect(errorCode(() => scoreQuestionnaire('mixed', { [second.linkId]: 3 }, registry))).toBe(
      'invalid_answer',
    );
  });

  it.each([
    [phq9, 27],
    [gad7, 21],
    [madrs, 60],
    [pcl5, 80],
    [cadss, 92],
    [pacs, 30],
    [painNrs, 10],
  ])('%# has the published maximum total', (instrument, max) => {
    expect(maxTotal(instrument)).toBe(max);
  });

  it.each(Object.values(instruments))('$shortTitle bands tile 0 to the per-item maximum', (i) => {
    expect(i.bands[0]?.min).toBe(0);
    expect(i.bands.at(-1)?.max).toBe(maxTotal(i));
    for (let k = 1; k < i.bands.length; k++) {
      expect(i.bands[k]?.min).toBe((i.bands[k - 1]?.max ?? Number.NaN) + 1);
    }
  });

  it.each(Object.values(instruments))('$shortTitle answers run 0, 1, 2 … with no gap on every item', (i) => {
    for (const item of i.items) {
      const values = optionsFor(i, item).map((o) => o.value);
      expect(values).toEqual(values.map((_, k) => k));
    }
  });

  it('codes the pain NRS with LOINC 72514-3 and one LOINC answer per step, and has no panel code', () => {
    expect(painNrs.loinc).toEqual({ totalScore: '72514-3' });
    expect(painNrs.items.map((i) => i.linkId)).toEqual(['72514-3']);
    const codes = painNrs.answerOptions.map((o) => o.loinc);
    expect(codes).toHaveLength(11);
    expect(new Set(codes).size).toBe(11);
    expect(codes[0]).toBe('LA6111-4');
    expect(codes[10]).toBe('LA13942-0');
  });

  it('invents no LOINC codes for MADRS, PCL-5, CADSS or PACS', () => {
    for (const i of [madrs, pcl5, cadss, pacs]) {
      expect(i.loinc).toBeUndefined();
      expect(i.items.every((item) => item.loinc === undefined)).toBe(true);
    }
  });
});

describe('MADRS', () => {
  it('sums a complete rating: 2+3+2+4+1+3+2+3+2+0 = 22, moderate', () => {
    const result = scoreQuestionnaire('madrs', answersFor(madrs, [2, 3, 2, 4, 1, 3, 2, 3, 2, 0]));
    expect(result).toMatchObject({ complete: true, total: 22, imputed: false, safetyAlert: null });
    expect(result.complete && result.band.id).toBe('moderate');
  });

  it.each([
    [0, 'normal'],
    [6, 'normal'],
    [7, 'mild'],
    [19, 'mild'],
    [20, 'moderate'],
    [34, 'moderate'],
    [35, 'severe'],
    [60, 'severe'],
  ])('puts total %i in Snaith band %s', (total, bandId) => {
    const result = scoreQuestionnaire('madrs', formWithTotal(madrs, total));
    expect(result.complete && result.total).toBe(total);
    expect(result.complete && result.band.id).toBe(bandId);
  });

  it('accepts the in-between steps 1, 3 and 5 and refuses 7', () => {
    const linkId = madrs.items[0]?.linkId ?? '';
    expect(
      scoreQuestionnaire('madrs', { ...answersFor(madrs, Array(10).fill(0)), [linkId]: 5 }),
    ).toMatchObject({
      total: 5,
    });
    expect(errorCode(() => scoreQuestionnaire('madrs', { [linkId]: 7 }))).toBe('invalid_answer');
  });

  it('does not prorate: one unrated item leaves the rating incomplete', () => {
    const result = scoreQuestionnaire('madrs', answersFor(madrs, [2, 2, 2, 2, 2, 2, 2, 2, 2]));
    expect(result.complete).toBe(false);
    expect(!result.complete && result.reason).toMatch(/1 of 10 items unanswered/);
  });

  it('sets remission at a total below 10, i.e. 9 or less (Hawley 2002)', () => {
    expect(MADRS_REMISSION_MAX).toBe(9);
    expect(bandForScore(madrs, MADRS_REMISSION_MAX).id).toBe('mild');
  });
});

describe('PCL-5', () => {
  it('sums 20 items: every item "A little bit" gives 20, below the cut-off', () => {
    const result = scoreQuestionnaire('pcl5', answersFor(pcl5, Array(20).fill(1)));
    expect(result).toMatchObject({ complete: true, total: 20 });
    expect(result.complete && result.band.id).toBe('below_cutoff');
  });

  it.each([
    [32, 'below_cutoff'],
    [33, 'provisional_ptsd'],
    [80, 'provisional_ptsd'],
  ])('puts total %i in band %s', (total, bandId) => {
    const result = scoreQuestionnaire('pcl5', formWithTotal(pcl5, total));
    expect(result.complete && result.band.id).toBe(bandId);
  });

  it('prorates two missing items: 18 answered summing 30 → 30 × 20 / 18 = 33.3 → 33, over the cut-off', () => {
    const values = [...Array<number>(12).fill(2), ...Array<number>(6).fill(1), null, null];
    const result = scoreQuestionnaire('pcl5', answersFor(pcl5, values));
    expect(result).toMatchObject({ complete: true, total: 33, imputed: true });
    expect(result.complete && result.imputedItems).toEqual(['openkap-pcl5-19', 'openkap-pcl5-20']);
    expect(result.complete && result.band.id).toBe('provisional_ptsd');
  });

  it('refuses three missing items', () => {
    const values = [...Array<number>(17).fill(2), null, null, null];
    expect(scoreQuestionnaire('pcl5', answersFor(pcl5, values)).complete).toBe(false);
  });

  it('refuses an answer of 5', () => {
    expect(errorCode(() => scoreQuestionnaire('pcl5', { 'openkap-pcl5-1': 5 }))).toBe('invalid_answer');
  });
});

describe('CADSS', () => {
  it('sums 23 items up to 92', () => {
    expect(scoreQuestionnaire('cadss', answersFor(cadss, Array(23).fill(4)))).toMatchObject({ total: 92 });
    const mild = [1, 2, 0, 0, 0, 1, 1, ...Array<number>(16).fill(0)];
    expect(scoreQuestionnaire('cadss', answersFor(cadss, mild))).toMatchObject({ complete: true, total: 5 });
  });

  it('prorates two missing items: 21 answered summing 10 → 10 × 23 / 21 = 10.95 → 11', () => {
    const values = [...Array<number>(10).fill(1), ...Array<number>(11).fill(0), null, null];
    expect(scoreQuestionnaire('cadss', answersFor(cadss, values))).toMatchObject({
      complete: true,
      total: 11,
      imputed: true,
    });
  });

  it('refuses three missing items', () => {
    const values = [...Array<number>(20).fill(1), null, null, null];
    expect(scoreQuestionnaire('cadss', answersFor(cadss, values)).complete).toBe(false);
  });

  it('has one band over the whole range, since none are published', () => {
    expect(cadss.bands).toEqual([{ id: 'total', label: 'Total (no published bands)', min: 0, max: 92 }]);
  });
});

describe('PACS', () => {
  it('sums five items: 3+4+2+5+3 = 17, at or above the cut-off of 15', () => {
    const result = scoreQuestionnaire('pacs', answersFor(pacs, [3, 4, 2, 5, 3]));
    expect(result).toMatchObject({ complete: true, total: 17 });
    expect(result.complete && result.band.id).toBe('significant_craving');
  });

  it.each([
    [14, 'below_cutoff'],
    [15, 'significant_craving'],
    [30, 'significant_craving'],
  ])('puts total %i in band %s', (total, bandId) => {
    const result = scoreQuestionnaire('pacs', formWithTotal(pacs, total));
    expect(result.complete && result.band.id).toBe(bandId);
  });

  it('words item 1 answers by how often, and the others as 0 to 6', () => {
    const [first, second] = pacs.items;
    expect(first && optionsFor(pacs, first).map((o) => o.label.split(' (')[0])).toEqual([
      'Never',
      'Rarely',
      'Occasionally',
      'Sometimes',
      'Often',
      'Most of the time',
      'Nearly all the time',
    ]);
    expect(second && optionsFor(pacs, second).map((o) => o.label)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('does not prorate a missing item', () => {
    expect(scoreQuestionnaire('pacs', answersFor(pacs, [3, 4, 2, 5])).complete).toBe(false);
  });
});

describe('pain NRS', () => {
  it.each([
    [0, 'none'],
    [1, 'mild'],
    [3, 'mild'],
    [4, 'moderate'],
    [6, 'moderate'],
    [7, 'severe'],
    [10, 'severe'],
  ])('puts %i in band %s', (value, bandId) => {
    const result = scoreQuestionnaire('pain_nrs', { '72514-3': value });
    expect(result).toMatchObject({ complete: true, total: value, imputed: false });
    expect(result.complete && result.band.id).toBe(bandId);
  });

  it('refuses 11 and leaves an unanswered form unscored', () => {
    expect(errorCode(() => scoreQuestionnaire('pain_nrs', { '72514-3': 11 }))).toBe('invalid_answer');
    expect(scoreQuestionnaire('pain_nrs', { '72514-3': null }).complete).toBe(false);
  });
});

describe('use diary', () => {
  const use = 'openkap-usediary-1';
  const heavy = 'openkap-usediary-2';

  it('scores the days used, not the sum, with abstinent days implied', () => {
    const week = scoreQuestionnaire('use_diary', { [use]: 3, [heavy]: 1 });
    expect(week).toMatchObject({ complete: true, total: 3, band: { id: 'frequent_use' } });
    expect(scoreQuestionnaire('use_diary', { [use]: 0, [heavy]: 0 })).toMatchObject({
      total: 0,
      band: { id: 'abstinent' },
    });
    expect(maxTotal(instruments.use_diary ?? phq9)).toBe(7);
  });

  it('refuses more heavy days than days used, naming the item', () => {
    expect(() => scoreQuestionnaire('use_diary', { [use]: 2, [heavy]: 3 })).toThrow(
      /Use diary item 2 \(openkap-usediary-2\): 3 cannot be more than the answer to item 1/,
    );
  });

  it('needs both answers', () => {
    expect(scoreQuestionnaire('use_diary', { [use]: 2 })).toMatchObject({ complete: false });
  });
});
