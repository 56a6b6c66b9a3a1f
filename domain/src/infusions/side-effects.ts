export type SideEffectSeverity = 'mild' | 'moderate' | 'severe';

/** What each severity means when charting, so two nurses chart the same thing the same way. */
export const sideEffectSeverities: readonly { id: SideEffectSeverity; label: string; meaning: string }[] = [
  { id: 'mild', label: 'Mild', meaning: 'Noticed by the patient; no treatment or dose change needed' },
  {
    id: 'moderate',
    label: 'Moderate',
    meaning: 'Needed reassurance plus treatment, a pause or a rate change',
  },
  {
    id: 'severe',
    label: 'Severe',
    meaning: 'Infusion stopped, urgent treatment, or the prescriber called to the chair',
  },
];

export interface SideEffect {
  id: string;
  label: string;
  /** Shown on the one-tap charting bar during the infusion. */
  quickCharting: boolean;
  /** Serious adverse events to escalate and, for Spravato, report on the REMS form. */
  serious: boolean;
}

/*
 * Ketamine side effects to chart (shared/reference/domain.md §2.6): dissociation, perceptual change,
 * dizziness, nausea and vomiting, sedation, headache, dysgeusia, numbness, anxiety, transient
 * hypertension and tachycardia, diplopia and nystagmus, emergence reactions, muscle tone changes,
 * respiratory depression, anaphylaxis. Sources: https://zenpsychiatric.com/clinic/full-medical-observation ;
 * Ketalar label https://medlibrary.org/lib/rx/meds/ketalar/page/2/ [V]. Quick-charting set: UX brief.
 * Severity scale definitions above are our wording [U]; KSET (Short et al. 2020) is paywalled.
 */
export const sideEffects: readonly SideEffect[] = [
  { id: 'dissociation', label: 'Dissociation', quickCharting: true, serious: false },
  { id: 'perceptual_change', label: 'Perceptual change', quickCharting: false, serious: false },
  { id: 'nausea', label: 'Nausea', quickCharting: true, serious: false },
  { id: 'vomiting', label: 'Vomiting', quickCharting: false, serious: false },
  { id: 'dizziness', label: 'Dizziness or vertigo', quickCharting: true, serious: false },
  { id: 'sedation', label: 'Sedation', quickCharting: true, serious: false },
  { id: 'anxiety', label: 'Anxiety', quickCharting: true, serious: false },
  { id: 'headache', label: 'Headache', quickCharting: true, serious: false },
  { id: 'elevated_bp', label: 'Raised blood pressure', quickCharting: false, serious: false },
  { id: 'tachycardia', label: 'Tachycardia', quickCharting: false, serious: false },
  { id: 'diplopia_nystagmus', label: 'Double vision or nystagmus', quickCharting: false, serious: false },
  { id: 'dysgeusia', label: 'Altered taste', quickCharting: false, serious: false },
  { id: 'numbness', label: 'Numbness', quickCharting: false, serious: false },
  { id: 'muscle_tone', label: 'Muscle stiffness or spasms', quickCharting: false, serious: false },
  { id: 'emergence_reaction', label: 'Emergence reaction', quickCharting: false, serious: true },
  { id: 'respiratory_depression', label: 'Respiratory depression', quickCharting: false, serious: true },
  { id: 'allergic_reaction', label: 'Allergic reaction or anaphylaxis', quickCharting: false, serious: true },
];
