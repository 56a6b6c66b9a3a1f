// The protocol's bedside safety settings: the pre-dose BP hold, how often vitals are due, and how much one
// IM injection may put into each site (defaults and sources: domain/src/infusions/session-safety.ts).
import { NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { imSiteLabels, imSites, type SessionSafety } from '@openkap/domain/infusions/session-safety';
import type { FieldErrors } from '../api/validate.ts';

const num = (v: string | number): number => (typeof v === 'number' ? v : Number(v));

export function SafetyFields({
  safety,
  route,
  onChange,
  errors,
}: {
  safety: SessionSafety;
  route: string;
  onChange: (safety: SessionSafety) => void;
  errors: FieldErrors;
}) {
  const due = safety.vitalsDue;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Bedside safety
      </Title>
      <Text size="sm" c="dimmed">
        No first dose while the latest pre-dose blood pressure is at or above the hold (a physician may
        override with a reason). The console warns when a reading is overdue.
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label="BP hold: systolic at or above"
          suffix=" mmHg"
          min={100}
          max={250}
          value={safety.bpHold.systolic}
          onChange={(v) => onChange({ ...safety, bpHold: { ...safety.bpHold, systolic: num(v) } })}
          error={errors['safety.bpHold.systolic']}
          description="180 by default (ketamine label); Spravato uses 140"
        />
        <NumberInput
          label="BP hold: diastolic at or above"
          suffix=" mmHg"
          min={50}
          max={150}
          value={safety.bpHold.diastolic}
          onChange={(v) => onChange({ ...safety, bpHold: { ...safety.bpHold, diastolic: num(v) } })}
          error={errors['safety.bpHold.diastolic']}
          description="100 by default; Spravato uses 90"
        />
        <NumberInput
          label="Vitals due while dosing, every"
          suffix=" min"
          min={1}
          max={120}
          value={due.dosingEveryMin}
          onChange={(v) => onChange({ ...safety, vitalsDue: { ...due, dosingEveryMin: num(v) } })}
          error={errors['safety.vitalsDue.dosingEveryMin']}
        />
        <NumberInput
          label="Vitals due in recovery, every"
          suffix=" min"
          min={1}
          max={120}
          value={due.recoveryEveryMin}
          onChange={(v) => onChange({ ...safety, vitalsDue: { ...due, recoveryEveryMin: num(v) } })}
          error={errors['safety.vitalsDue.recoveryEveryMin']}
        />
        <NumberInput
          label="BP after each dose, at"
          suffix=" min"
          min={1}
          max={240}
          value={due.bpAfterDoseMin ?? ''}
          onChange={(v) =>
            onChange({ ...safety, vitalsDue: { ...due, bpAfterDoseMin: v === '' ? null : num(v) } })
          }
          error={errors['safety.vitalsDue.bpAfterDoseMin']}
          description="Empty for none; 40 for intranasal (Spravato label)"
        />
      </SimpleGrid>
      {route === 'im' ? (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          {imSites.map((site) => (
            <NumberInput
              key={site}
              label={`${imSiteLabels[site]}: most per injection`}
              suffix=" mL"
              min={0.1}
              max={5}
              decimalScale={1}
              value={safety.imSiteMaxMl[site]}
              onChange={(v) =>
                onChange({ ...safety, imSiteMaxMl: { ...safety.imSiteMaxMl, [site]: num(v) } })
              }
              error={errors[`safety.imSiteMaxMl.${site}`]}
            />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
