// After discharge (or cancellation): what was given and how the patient left.
import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconX } from '@tabler/icons-react';
import type { Infusion } from '../api/types.ts';
import { formatDateTime, formatNumber } from '../app/format.ts';

export function ClosedSummary({ infusion }: { infusion: Infusion }) {
  const d = infusion.discharge;
  const discharged = infusion.stage === 'discharged';
  return (
    <Card padding="md" data-testid="closed-summary">
      <Group gap="sm" mb="xs">
        <ThemeIcon color={discharged ? 'teal' : 'gray'} size={36} radius="xl" aria-hidden>
          {discharged ? <IconCircleCheck size={22} /> : <IconX size={22} />}
        </ThemeIcon>
        <Title order={2} size="h4">
          {discharged ? 'Discharged' : 'Session closed'}
        </Title>
      </Group>
      <Stack gap={4}>
        <Text data-testid="total-dose">
          Total dose given: <strong>{formatNumber(infusion.totalDoseMg ?? infusion.infused.mg, 1)} mg</strong>
        </Text>
        {d ? (
          <>
            <Text>
              {d.scoreType === 'padss' ? 'PADSS' : 'Modified Aldrete'} score <strong>{d.score}</strong> · left
              with {d.escortName}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(d.at)}
              {d.by ? ` · by ${d.by}` : ''}
            </Text>
            {d.note ? <Text size="sm">“{d.note}”</Text> : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
