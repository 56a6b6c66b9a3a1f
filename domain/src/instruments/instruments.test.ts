import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { frequencyAnswerValue } from './answers.ts';
import { bandForScore } from './bands.ts';
import { maxTotal } from './answers.ts';
import { getInstrument, instruments } from './registry.ts';

describe('instrument data', () => {
  it.each(Object.values(instruments))(
    '$shortTitle has bands that tile 0..max with no gap or overlap',
    (i) => {
      expect(i.bands[0]?.min).toBe(0);
      expect(i.bands.at(-1)?.max).toBe(maxTotal(i));
      for (let k = 1; k < i.bands.length; k++) {
        expect(i.bands[k]?.min).toBe((i.bands[k - 1]?.max ?? Number.NaN) + 1);
      }
    },
  );

  it.each(Object.values(instruments))(
    '$shortTitle has unique linkIds, in order: the LOINC item code where one exists, a local code otherwise',
    (i) => {
      expect(new Set(i.items.map((item) => item.linkId)).size).toBe(i.items.length);
      i.items.forEach((item, index) => {
        expect(item.position).toBe(index + 1);
        if (item.loinc === undefined) {
          expect(item.linkId).toMatch(/^openkap-[a-z0-9]+-\d+$/);
        } else {
          expect(item.linkId).toBe(item.loinc);
          expect(item.linkId).toMatch(/^\d+-\d$/);
        }
      });
    },
  );

  it('codes PHQ-9 and GAD-7 with the published LOINC panel and total codes', () => {
    expect(instruments.phq9?.loinc).toEqual({ panel: '44249-1', totalScore: '44261-6' });
    expect(instruments.gad7?.loinc).toEqual({ panel: '69737-5', totalScore: '70274-6' });
    expect(instruments.phq9?.items.map((i) => i.linkId)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
    ]);
    expect(instruments.gad7?.items.map((i) => i.linkId)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
  });

  it('points the PHQ-9 safety item at item 9', () => {
    expect(instruments.phq9?.safetyItem?.linkId).toBe(instruments.phq9?.items[8]?.linkId);
  });

  it('looks instruments up by id and refuses unknown or inherited keys', () => {
    expect(getInstrument('gad7').shortTitle).toBe('GAD-7');
    expect(() => getInstrument('hamd17')).toThrow(DomainError);
    expect(() => getInstrument('toString')).toThrow(DomainError);
  });
});

describe('frequencyAnswerValue', () => {
  it.each([
    ['LA6568-5', 0],
    ['LA6569-3', 1],
    ['LA6570-1', 2],
    ['LA6571-9', 3],
    [' LA6571-9 ', 3],
  ])('maps %s to %i', (code, value) => {
    expect(frequencyAnswerValue(code)).toBe(value);
  });

  it('rejects an unknown code', () => {
    expect(() => frequencyAnswerValue('LA0000-0')).toThrow(/Unknown LOINC answer code/);
  });
});

describe('bandForScore', () => {
  it('rejects a total outside the scale', () => {
    const phq9 = getInstrument('phq9');
    expect(() => bandForScore(phq9, 28)).toThrow(DomainError);
    expect(() => bandForScore(phq9, -1)).toThrow(DomainError);
  });
});

describe('frequencyAnswerValue: invalid input', () => {
  it('rejects a non-string code', () => {
    expect(() => frequencyAnswerValue(3 as unknown as string)).toThrow(DomainError);
  });
});
