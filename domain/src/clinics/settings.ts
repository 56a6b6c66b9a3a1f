import { z } from 'zod';
import { MADRS_ITEM10_ALERT_AT } from '../instruments/madrs.ts';

/**
 * A clinic's own settings: clinical judgements the clinic may change, each with a cited default (the
 * citation sits next to the default it names). Stored as one JSON object per clinic; a setting missing
 * from the stored object (a clinic set up before it existed) reads as its default.
 */
const fields = {
  /**
   * MADRS item 10 (suicidal thoughts, 0–6) at or above this opens an urgent safety alert.
   * Clinical-judgement default 4: see MADRS_ITEM10_ALERT_AT in domain/src/instruments/madrs.ts.
   */
  madrsItem10AlertAt: z
    .number({ error: 'a whole number from 1 to 6' })
    .int({ error: 'a whole number from 1 to 6' })
    .min(1, 'at least 1: at 0 every MADRS would open an alert')
    .max(6, 'at most 6, the highest MADRS answer'),
};

export const ClinicSettings = z.object(fields);
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const defaultClinicSettings: ClinicSettings = {
  madrsItem10AlertAt: MADRS_ITEM10_ALERT_AT,
};

/** A change: only the settings named, each valid; an unknown name is refused, not ignored. */
export const ClinicSettingsUpdate = ClinicSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { error: 'name at least one setting to change' });
export type ClinicSettingsUpdate = z.infer<typeof ClinicSettingsUpdate>;

/** GET and PATCH /api/clinic-settings answer this. */
export const ClinicSettingsView = z.object({ settings: ClinicSettings, defaults: ClinicSettings });
export type ClinicSettingsView = z.infer<typeof ClinicSettingsView>;

/** The stored object over the defaults; a stored value that is no longer valid reads as the default. */
export function clinicSettingsOf(stored: unknown): ClinicSettings {
  const settings: Record<string, unknown> = { ...defaultClinicSettings };
  if (typeof stored === 'object' && stored !== null) {
    for (const [name, schema] of Object.entries(fields)) {
      const parsed = schema.safeParse((stored as Record<string, unknown>)[name]);
      if (parsed.success) {
        settings[name] = parsed.data;
      }
    }
  }
  return ClinicSettings.parse(settings);
}
