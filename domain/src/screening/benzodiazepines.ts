/**
 * Oral dose (mg) approximately equivalent to 10 mg diazepam.
 * Ashton Manual 2002 / benzo.org.uk/bzequiv.htm (rev. 2007), as tabulated in the ASAM/multi-society
 * benzodiazepine tapering guideline, Table 7 (https://eguideline.guidelinecentral.com/i/1532950/18) [V]:
 * alprazolam 0.5, chlordiazepoxide 25, clonazepam 0.5, clorazepate 15, estazolam 1–2, flurazepam 15–30,
 * lorazepam 1, oxazepam 20, quazepam 20, temazepam 20, triazolam 0.5.
 * Not in that table, from WHO 2009 Clinical Guidelines for Withdrawal Management, Table 8
 * (https://www.ncbi.nlm.nih.gov/books/NBK310652/, given per 5 mg diazepam, doubled here) [V]:
 * bromazepam 6, clobazam 20, midazolam 5, nitrazepam 10; flunitrazepam 2, lormetazepam 1.5.
 * UK hypnotics, NHS Scotland "Switching to diazepam" table adapted from the Ashton Manual and the
 * Maudsley guidelines, given per 5 mg diazepam, doubled here
 * (https://rightdecisions.scot.nhs.uk/benzodiazepines-and-z-drugs-quality-prescribing-a-guide-for-improvement/reducing-stopping-and-switching/switching-to-diazepam) [V]:
 * loprazolam 1–2, lormetazepam 1–2.
 * Flunitrazepam 1 in the Ashton table (benzo.org.uk/bzequiv.htm) [U: quoted by secondary pages, the
 * table itself not read here]; WHO (above) gives 2.
 * Etizolam (a thienodiazepine, not in Ashton or WHO 2009): 6–10 times as potent as diazepam, WHO Expert
 * Committee on Drug Dependence, as quoted by WEDINOS (http://www.wedinos.org/db/materials/view/00544) [V].
 * 10 times gives 1 mg.
 * Where a range is given, or sources differ, we take the lower dose, which gives the higher diazepam
 * equivalent: the flag errs towards warning. Equivalences are approximate; they are a screening aid,
 * not a taper plan.
 */
export const diazepam10MgEquivalents: Readonly<Record<string, number>> = {
  alprazolam: 0.5,
  bromazepam: 6,
  chlordiazepoxide: 25,
  clobazam: 20,
  clonazepam: 0.5,
  clorazepate: 15,
  diazepam: 10,
  estazolam: 1,
  etizolam: 1,
  flunitrazepam: 1,
  flurazepam: 15,
  loprazolam: 1,
  lorazepam: 1,
  lormetazepam: 1,
  midazolam: 5,
  nitrazepam: 10,
  oxazepam: 20,
  quazepam: 20,
  temazepam: 20,
  triazolam: 0.5,
};

/** Diazepam-equivalent mg for a daily amount of a benzodiazepine; null when the drug is not in the table. */
export function diazepamEquivalentMg(ingredient: string, mgPerDay: number): number | null {
  const equivalent = Object.hasOwn(diazepam10MgEquivalents, ingredient)
    ? diazepam10MgEquivalents[ingredient]
    : undefined;
  return equivalent === undefined ? null : (mgPerDay * 10) / equivalent;
}
