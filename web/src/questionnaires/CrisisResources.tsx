// Shown calmly, never as an alarm, when PHQ-9 item 9 is answered above 0, or when the patient
// preferred not to answer it.
import { Anchor, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';

export function CrisisResources({ reason = 'positive' }: { reason?: 'positive' | 'declined' }) {
  return (
    <Paper
      withBorder
      p="lg"
      radius="lg"
      bg="var(--mantine-color-blue-light)"
      data-testid="crisis-resources"
      role="region"
      aria-labelledby="crisis-title"
    >
      <Stack gap="sm">
        <ThemeIcon size={44} radius="xl" variant="white" color="blue" aria-hidden>
          <IconHeartHandshake size={26} />
        </ThemeIcon>
        <Title order={2} size="h4" id="crisis-title">
          Support is available right now
        </Title>
        {reason === 'positive' ? (
          <Text>
            You told us you have had thoughts of being better off dead or of hurting yourself. Thank you for
            being honest — your care team will see your answers.
          </Text>
        ) : (
          <Text>
            You chose not to answer the question about thoughts of being better off dead or of hurting
            yourself. That is all right — someone from your care team will ask you about it.
          </Text>
        )}
        <Text>
          If you feel you might act on these thoughts, or you just need to talk to someone now, you can call
          or text{' '}
          <Anchor href="tel:988" fw={700}>
            988
          </Anchor>{' '}
          (the Suicide &amp; Crisis Lifeline, in the US) at any hour. It is free and confidential.
        </Text>
        <Text>
          If you are in immediate danger, call{' '}
          <Anchor href="tel:911" fw={700}>
            911
          </Anchor>{' '}
          or go to the nearest emergency department.
        </Text>
      </Stack>
    </Paper>
  );
}
