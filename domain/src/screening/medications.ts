/** Drug classes that change how ketamine works or how safe a session is. */
export type DrugClass =
  | 'opioid_antagonist'
  | 'benzodiazepine'
  | 'maoi'
  | 'psychostimulant'
  | 'opioid'
  | 'z_drug'
  | 'gabapentinoid'
  | 'barbiturate'
  | 'other_cns_depressant'
  | 'antipsychotic'
  | 'lamotrigine';

export interface Ingredient {
  /** Generic name, lower case: also the matching term. */
  name: string;
  drugClass: DrugClass;
  /** RxNorm ingredient (TTY=IN) RxCUI; omitted where we could not check it. */
  rxcui?: string;
  brands: readonly string[];
}

/*
 * Ingredients we screen for, with RxNorm ingredient RxCUIs and common brand names.
 * RxCUIs: [U] — written from the RxNorm ingredient list as commonly published and NOT checked against
 * RxNav here (https://mor.nlm.nih.gov/RxNav/). Those for alprazolam, lorazepam, clonazepam, diazepam,
 * naltrexone, pregabalin, gabapentin, zolpidem, quetiapine, aripiprazole, olanzapine, risperidone,
 * lamotrigine, tramadol, oxycodone and morphine agreed with independent public code samples. Codes we
 * were unsure of are left out; those ingredients are matched by name only.
 * Brands: US/UK/CA trade names, background knowledge [U].
 */
export const ingredients: readonly Ingredient[] = [
  // Opioid antagonists
  {
    name: 'naltrexone',
    drugClass: 'opioid_antagonist',
    rxcui: '7243',
    brands: ['Revia', 'Vivitrol', 'Depade'],
  },
  {
    name: 'naloxone',
    drugClass: 'opioid_antagonist',
    rxcui: '7242',
    brands: ['Narcan', 'Kloxxado', 'Zimhi', 'Evzio'],
  },
  { name: 'nalmefene', drugClass: 'opioid_antagonist', brands: ['Selincro', 'Revex', 'Opvee', 'Zurnai'] },
  { name: 'samidorphan', drugClass: 'opioid_antagonist', brands: [] },
  // Benzodiazepines
  { name: 'alprazolam', drugClass: 'benzodiazepine', rxcui: '596', brands: ['Xanax', 'Niravam'] },
  { name: 'bromazepam', drugClass: 'benzodiazepine', brands: ['Lexotan', 'Lectopam'] },
  { name: 'chlordiazepoxide', drugClass: 'benzodiazepine', rxcui: '2356', brands: ['Librium'] },
  { name: 'clobazam', drugClass: 'benzodiazepine', rxcui: '21241', brands: ['Onfi', 'Sympazan', 'Frisium'] },
  { name: 'clonazepam', drugClass: 'benzodiazepine', rxcui: '2598', brands: ['Klonopin', 'Rivotril'] },
  { name: 'clorazepate', drugClass: 'benzodiazepine', brands: ['Tranxene'] },
  {
    name: 'diazepam',
    drugClass: 'benzodiazepine',
    rxcui: '3322',
    brands: ['Valium', 'Diastat', 'Valtoco', 'Libervant'],
  },
  { name: 'estazolam', drugClass: 'benzodiazepine', brands: ['ProSom'] },
  // A thienodiazepine: the same effects and interaction (benzodiazepines.ts).
  { name: 'etizolam', drugClass: 'benzodiazepine', brands: ['Depas', 'Etilaam'] },
  { name: 'flunitrazepam', drugClass: 'benzodiazepine', brands: ['Rohypnol'] },
  { name: 'flurazepam', drugClass: 'benzodiazepine', brands: ['Dalmane'] },
  { name: 'loprazolam', drugClass: 'benzodiazepine', brands: ['Dormonoct'] },
  { name: 'lorazepam', drugClass: 'benzodiazepine', rxcui: '6470', brands: ['Ativan', 'Loreev'] },
  { name: 'lormetazepam', drugClass: 'benzodiazepine', brands: ['Noctamid'] },
  {
    name: 'midazolam',
    drugClass: 'benzodiazepine',
    rxcui: '6960',
    brands: ['Versed', 'Nayzilam', 'Seizalam'],
  },
  { name: 'nitrazepam', drugClass: 'benzodiazepine', brands: ['Mogadon'] },
  { name: 'oxazepam', drugClass: 'benzodiazepine', rxcui: '7781', brands: ['Serax'] },
  { name: 'quazepam', drugClass: 'benzodiazepine', brands: ['Doral'] },
  { name: 'temazepam', drugClass: 'benzodiazepine', rxcui: '10355', brands: ['Restoril'] },
  { name: 'triazolam', drugClass: 'benzodiazepine', rxcui: '10767', brands: ['Halcion'] },
  // MAO inhibitors
  { name: 'phenelzine', drugClass: 'maoi', rxcui: '8123', brands: ['Nardil'] },
  { name: 'tranylcypromine', drugClass: 'maoi', rxcui: '10734', brands: ['Parnate'] },
  { name: 'isocarboxazid', drugClass: 'maoi', rxcui: '6011', brands: ['Marplan'] },
  { name: 'selegiline', drugClass: 'maoi', rxcui: '9639', brands: ['Emsam', 'Eldepryl', 'Zelapar'] },
  { name: 'rasagiline', drugClass: 'maoi', rxcui: '134748', brands: ['Azilect'] },
  { name: 'safinamide', drugClass: 'maoi', brands: ['Xadago'] },
  { name: 'moclobemide', drugClass: 'maoi', brands: ['Manerix', 'Aurorix'] },
  // Not antidepressants, but reversible MAO-A inhibitors: FDA Drug Safety Communications, 2011
  // (linezolid http://www.fda.gov/Drugs/DrugSafety/ucm276251.htm ; methylene blue
  // https://www.fda.gov/Drugs/DrugSafety/ucm276119.htm) [V]. "Methylthioninium chloride" is its INN.
  { name: 'linezolid', drugClass: 'maoi', brands: ['Zyvox'] },
  { name: 'methylene blue', drugClass: 'maoi', brands: ['ProvayBlue', 'methylthioninium chloride'] },
  // Psychostimulants
  {
    name: 'amphetamine',
    drugClass: 'psychostimulant',
    rxcui: '725',
    brands: ['Evekeo', 'Adzenys', 'Dyanavel'],
  },
  {
    name: 'dextroamphetamine',
    drugClass: 'psychostimulant',
    rxcui: '3288',
    brands: ['Dexedrine', 'Zenzedi', 'ProCentra'],
  },
  { name: 'lisdexamfetamine', drugClass: 'psychostimulant', rxcui: '700810', brands: ['Vyvanse', 'Elvanse'] },
  { name: 'methamphetamine', drugClass: 'psychostimulant', brands: ['Desoxyn'] },
  {
    name: 'methylphenidate',
    drugClass: 'psychostimulant',
    rxcui: '6901',
    brands: [
      'Ritalin',
      'Concerta',
      'Metadate',
      'Methylin',
      'Daytrana',
      'Quillivant',
      'QuilliChew',
      'Aptensio',
      'Jornay',
      'Cotempla',
      'Relexxii',
    ],
  },
  { name: 'dexmethylphenidate', drugClass: 'psychostimulant', brands: ['Focalin'] },
  { name: 'modafinil', drugClass: 'psychostimulant', rxcui: '30125', brands: ['Provigil'] },
  { name: 'armodafinil', drugClass: 'psychostimulant', brands: ['Nuvigil'] },
  { name: 'solriamfetol', drugClass: 'psychostimulant', brands: ['Sunosi'] },
  // Opioids
  {
    name: 'oxycodone',
    drugClass: 'opioid',
    rxcui: '7804',
    brands: ['OxyContin', 'Roxicodone', 'Xtampza', 'Oxaydo', 'Percocet', 'Endocet'],
  },
  {
    name: 'hydrocodone',
    drugClass: 'opioid',
    rxcui: '5489',
    brands: ['Hysingla', 'Zohydro', 'Vicodin', 'Norco', 'Lortab'],
  },
  { name: 'morphine', drugClass: 'opioid', rxcui: '7052', brands: ['MS Contin', 'Kadian'] },
  { name: 'hydromorphone', drugClass: 'opioid', rxcui: '3423', brands: ['Dilaudid', 'Exalgo'] },
  { name: 'oxymorphone', drugClass: 'opioid', brands: ['Opana'] },
  {
    name: 'fentanyl',
    drugClass: 'opioid',
    rxcui: '4337',
    brands: ['Duragesic', 'Actiq', 'Fentora', 'Subsys'],
  },
  { name: 'methadone', drugClass: 'opioid', rxcui: '6813', brands: ['Dolophine', 'Methadose'] },
  {
    name: 'buprenorphine',
    drugClass: 'opioid',
    rxcui: '1819',
    brands: ['Subutex', 'Sublocade', 'Brixadi', 'Belbuca', 'Butrans'],
  },
  { name: 'tramadol', drugClass: 'opioid', rxcui: '10689', brands: ['Ultram', 'ConZip'] },
  { name: 'tapentadol', drugClass: 'opioid', brands: ['Nucynta'] },
  { name: 'codeine', drugClass: 'opioid', rxcui: '2670', brands: [] },
  // Z-drugs
  {
    name: 'zolpidem',
    drugClass: 'z_drug',
    rxcui: '39993',
    brands: ['Ambien', 'Edluar', 'Intermezzo', 'Zolpimist'],
  },
  { name: 'zaleplon', drugClass: 'z_drug', rxcui: '74667', brands: ['Sonata'] },
  { name: 'eszopiclone', drugClass: 'z_drug', rxcui: '461016', brands: ['Lunesta'] },
  { name: 'zopiclone', drugClass: 'z_drug', brands: ['Imovane', 'Zimovane'] },
  // Gabapentinoids
  {
    name: 'gabapentin',
    drugClass: 'gabapentinoid',
    rxcui: '25480',
    brands: ['Neurontin', 'Gralise', 'Horizant'],
  },
  { name: 'pregabalin', drugClass: 'gabapentinoid', rxcui: '187832', brands: ['Lyrica'] },
  // Barbiturates
  { name: 'phenobarbital', drugClass: 'barbiturate', rxcui: '8134', brands: ['Luminal', 'Sezaby'] },
  { name: 'butalbital', drugClass: 'barbiturate', brands: ['Fioricet', 'Fiorinal'] },
  { name: 'secobarbital', drugClass: 'barbiturate', brands: ['Seconal'] },
  { name: 'pentobarbital', drugClass: 'barbiturate', brands: ['Nembutal'] },
  // Other CNS depressants
  { name: 'oxybate', drugClass: 'other_cns_depressant', brands: ['Xyrem', 'Xywav', 'Lumryz'] },
  { name: 'carisoprodol', drugClass: 'other_cns_depressant', brands: ['Soma'] },
  // Antipsychotics
  {
    name: 'risperidone',
    drugClass: 'antipsychotic',
    rxcui: '35636',
    brands: ['Risperdal', 'Perseris', 'Uzedy', 'Rykindo'],
  },
  { name: 'haloperidol', drugClass: 'antipsychotic', rxcui: '5093', brands: ['Haldol'] },
  {
    name: 'clozapine',
    drugClass: 'antipsychotic',
    rxcui: '2626',
    brands: ['Clozaril', 'FazaClo', 'Versacloz'],
  },
  { name: 'olanzapine', drugClass: 'antipsychotic', rxcui: '61381', brands: ['Zyprexa', 'Symbyax'] },
  { name: 'quetiapine', drugClass: 'antipsychotic', rxcui: '51272', brands: ['Seroquel'] },
  { name: 'aripiprazole', drugClass: 'antipsychotic', rxcui: '89013', brands: ['Abilify', 'Aristada'] },
  { name: 'ziprasidone', drugClass: 'antipsychotic', rxcui: '115698', brands: ['Geodon'] },
  { name: 'lurasidone', drugClass: 'antipsychotic', brands: ['Latuda'] },
  { name: 'paliperidone', drugClass: 'antipsychotic', brands: ['Invega'] },
  { name: 'brexpiprazole', drugClass: 'antipsychotic', brands: ['Rexulti'] },
  { name: 'cariprazine', drugClass: 'antipsychotic', brands: ['Vraylar'] },
  { name: 'asenapine', drugClass: 'antipsychotic', brands: ['Saphris', 'Secuado'] },
  { name: 'lumateperone', drugClass: 'antipsychotic', brands: ['Caplyta'] },
  { name: 'iloperidone', drugClass: 'antipsychotic', brands: ['Fanapt'] },
  { name: 'chlorpromazine', drugClass: 'antipsychotic', brands: ['Thorazine', 'Largactil'] },
  { name: 'perphenazine', drugClass: 'antipsychotic', brands: [] },
  { name: 'fluphenazine', drugClass: 'antipsychotic', brands: [] },
  // Lamotrigine
  { name: 'lamotrigine', drugClass: 'lamotrigine', rxcui: '28439', brands: ['Lamictal', 'Subvenite'] },
];

/**
 * Brands that combine several of our ingredients (other ingredients of the product are not listed).
 * [U] background knowledge of product labels.
 */
export const combinationBrands: Readonly<Record<string, readonly string[]>> = {
  Adderall: ['amphetamine', 'dextroamphetamine'],
  Mydayis: ['amphetamine', 'dextroamphetamine'],
  Azstarys: ['dexmethylphenidate'],
  Contrave: ['naltrexone'],
  Lybalvi: ['olanzapine', 'samidorphan'],
  Suboxone: ['buprenorphine', 'naloxone'],
  Zubsolv: ['buprenorphine', 'naloxone'],
  Bunavail: ['buprenorphine', 'naloxone'],
  Embeda: ['morphine', 'naltrexone'],
  Targiniq: ['oxycodone', 'naloxone'],
  Librax: ['chlordiazepoxide'],
};
