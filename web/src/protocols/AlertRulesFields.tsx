// The protocol's vital-sign alert limits: which rules are on, each limit, and how long a sustained rule waits.
import { Checkbox, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { vitals } from '@openkap/domain/monitoring/vitals';
import type { VitalAlertRule } from '@openkap/domain/monitoring/alerts';
import type { FieldErrors } from '../api/validate.ts';

const comparatorText = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

export function ruleLabel(rule: VitalAlertRule): string {
  return `${vitals[rule.vital].label} ${comparatorText[rule.comparator]}`;
}

export function AlertRulesFields({
  rules,
  onChange,
  errors,
}: {
  rules: VitalAlertRule[];
  onChange: (rules: VitalAlertRule[]) => void;
  errors: FieldErrors;
}) {
  const update = (i: number, change: Partial<VitalAlertRule>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Alert limits in the infusion console
      </Title>
      <Text size="sm" c="dimmed">
        An alert opens when a reading crosses an active limit; a sustained rule waits until the readings have
        stayed across it that long.
      </Text>
      {rules.map((rule, i) => (
        <Group key={rule.code} gap="sm" align="flex-end" wrap="wrap">
          <Checkbox
            label="On"
            aria-label={`${ruleLabel(rule)} alert on`}
            checked={rule.enabled}
            onChange={(e) => update(i, { enabled: e.currentTarget.checked })}
            mb={8}
          />
          <NumberInput
            label={ruleLabel(rule)}
            suffix={` ${vitals[rule.vital].displayUnit}`}
            value={rule.limit}
            onChange={(v) => update(i, { limit: typeof v === 'number' ? v : Number(v) })}
            error={errors[`alerts.${i}.limit`]}
            w={180}
          />
          {rule.sustainMs > 0 || rule.code.endsWith('_sustained') ? (
            <NumberInput
              label="Sustained for"
              suffix=" min"
              min={0}
              value={rule.sustainMs / 60_000}
              onChange={(v) =>
                update(i, { sustainMs: Math.round((typeof v === 'number' ? v : Number(v)) * 60_000) })
              }
              error={errors[`alerts.${i}.sustainMs`]}
              w={140}
            />
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}
