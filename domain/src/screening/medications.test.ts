import { describe, expect, it } from 'vitest';
import { diazepam10MgEquivalents, diazepamEquivalentMg } from './benzodiazepines.ts';
import { matchIngredients } from './match.ts';
import { combinationBrands, ingredients } from './medications.ts';

describe('medication tables', () => {
  it('has unique ingredient names, RxCUIs and brand names', () => {
    const names = ingredients.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    const rxcuis = ingredients.flatMap((i) => i.rxcui ?? []);
    expect(new Set(rxcuis).size).toBe(rxcuis.length);
    const brands = [...ingredients.flatMap((i) => i.brands), ...Object.keys(combinationBrands)].map((b) =>
      b.toLowerCase(),
    );
    expect(new Set(brands).size).toBe(brands.length);
    expect(names.every((n) => n === n.toLowerCase())).toBe(true);
  });

  it('lists only known ingredients in combination brands', () => {
    const names = new Set(ingredients.map((i) => i.name));
    for (const parts of Object.values(combinationBrands)) {
      for (const part of parts) {
        expect(names.has(part)).toBe(true);
      }
    }
  });

  it('has a diazepam equivalence for every benzodiazepine we match', () => {
    for (const i of ingredients.filter((x) => x.drugClass === 'benzodiazepine')) {
      expect(diazepam10MgEquivalents[i.name], i.name).toBeGreaterThan(0);
    }
  });
});

describe('diazepamEquivalentMg', () => {
  it.each([
    ['alprazolam', 1, 20],
    ['clonazepam', 2, 40],
    ['lorazepam', 3, 30],
    ['diazepam', 15, 15],
    ['temazepam', 20, 10],
    ['chlordiazepoxide', 50, 20],
    ['flunitrazepam', 1, 10],
    ['lormetazepam', 2, 20],
    ['loprazolam', 1, 10],
    ['etizolam', 1.5, 15],
  ])('%s %d mg/day ≈ %d mg diazepam', (name, mg, expected) => {
    expect(diazepamEquivalentMg(name, mg)).toBe(expected);
  });

  it('returns null for drugs not in the table', () => {
    expect(diazepamEquivalentMg('zolpidem', 10)).toBeNull();
    expect(diazepamEquivalentMg('valueOf', 10)).toBeNull();
  });
});

describe('matchIngredients', () => {
  it('matches multi-word brands and trims codes', () => {
    expect(matchIngredients('MS Contin 15mg').map((i) => i.name)).toEqual(['morphine']);
    expect(matchIngredients('x', ' 596 ').map((i) => i.name)).toEqual(['alprazolam']);
  });

  it('returns nothing for unrelated text', () => {
    expect(matchIngredients('vitamin D 1000 IU')).toEqual([]);
  });
});
