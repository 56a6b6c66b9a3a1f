import { combinationBrands, ingredients } from './medications.ts';
import type { Ingredient } from './medications.ts';

/** Lower case, every run of non-letters/digits as one space, padded: " xanax 0 5 mg ". */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

interface Term {
  term: string;
  ingredients: readonly Ingredient[];
}

const byName = new Map(ingredients.map((i) => [i.name, i]));
const byRxcui = new Map(ingredients.filter((i) => i.rxcui).map((i) => [i.rxcui, i]));

const terms: readonly Term[] = [
  ...ingredients.flatMap((i) => [i.name, ...i.brands].map((t) => ({ term: normalise(t), ingredients: [i] }))),
  ...Object.entries(combinationBrands).map(([brand, names]) => ({
    term: normalise(brand),
    ingredients: names.flatMap((n) => byName.get(n) ?? []),
  })),
];

/**
 * Ingredients of interest in one medication entry: by RxNorm ingredient code when it is one of ours,
 * and always by whole-word generic or brand name in free text ("Xanax 0.5 mg", "Vivitrol 380mg IM").
 */
export function matchIngredients(name: string, rxnormCode?: string | null): Ingredient[] {
  const found = new Set<Ingredient>();
  const coded = rxnormCode ? byRxcui.get(rxnormCode.trim()) : undefined;
  if (coded) {
    found.add(coded);
  }
  const text = normalise(name);
  for (const { term, ingredients: matched } of terms) {
    if (text.includes(term)) {
      matched.forEach((i) => found.add(i));
    }
  }
  return [...found];
}
