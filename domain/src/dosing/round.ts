/**
 * Rounds half away from zero to a decimal step (0.1, 0.01…). Works on the scaled integer so that
 * 1.005 style binary artefacts do not round the wrong way.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Nudge by a relative epsilon: 1.005 × 100 is 100.49999999999999 in binary.
  const rounded = Math.round(scaled * (1 + Number.EPSILON * 4)) / factor;
  return Math.sign(value) * rounded;
}
