// What a count found. Differences are answered, not hidden: each one gets an adjustment (naming the
// count) or a loss report, from here.
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAdjustmentsAlt, IconCircleCheck, IconListCheck } from '@tabler/icons-react';
import { formatMg, formatSignedMg } from './units.ts';
import type { CountLine, Stock } from './api.ts';
import { countKindLabels, type CountResult } from './CountForm.tsx';

export function CountResultCard({
  result,
  stock,
  adjusted,
  onAdjust,
  onClose,
}: {
  result: CountResult;
  stock: Stock | undefined;
  /** Count seqs already answered by an adjustment from here. */
  adjusted: ReadonlySet<number>;
  onAdjust: ((line: CountLine) => void) | undefined;
  onClose: () => void;
}) {
  const location = stock?.locations.find((l) => l.id === result.locationId);
  const differences = result.lines.filter((l) => l.differenceUg !== 0);
  const open = differences.filter((l) => !adjusted.has(l.seq));
  const what = `${countKindLabels[result.kind]} (${result.timing}) at ${location?.name ?? 'the location'}`;
  if (differences.length === 0) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={
          result.lines.length === 0
            ? `${what}: a zero inventory, nothing on hand`
            : `${what}: all ${result.lines.length} as expected`
        }
        withCloseButton
        closeButtonLabel="Close the count result"
        onClose={onClose}
        data-testid="count-result"
      >
        {result.lines.length === 0 ? 'Recorded and witnessed.' : 'Every container matched the ledger.'}
      </Alert>
    );
  }
  return (
    <Alert
      color={open.length ? 'red' : 'teal'}
      variant="light"
      icon={<IconListCheck aria-hidden />}
      title={`${what}: ${differences.length} difference${differences.length === 1 ? '' : 's'}${open.length ? '' : ', all adjusted'}`}
      withCloseButton
      closeButtonLabel="Close the count result"
      onClose={onClose}
      data-testid="count-result"
    >
      <Stack gap={6}>
        <Text size="sm">
          {result.lines.length - differences.length} of {result.lines.length} matched. Reconcile each
          difference with an adjustment that says why (or report a loss if drug is missing and unexplained).
        </Text>
        {differences.map((l) => (
          <Paper key={l.seq} withBorder p="xs" radius="md">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm">
                <strong>{l.label}</strong> · expected {formatMg(l.expectedUg)}, counted{' '}
                {formatMg(l.countedUg)} ·{' '}
                <Text span fw={700} c={l.differenceUg < 0 ? 'red.8' : 'blue.8'}>
                  {formatSignedMg(l.differenceUg)}
                </Text>{' '}
                <Text span c="dimmed" size="xs">
                  (count #{l.seq})
                </Text>
              </Text>
              {adjusted.has(l.seq) ? (
                <Text size="sm" c="teal.8" fw={600}>
                  Adjusted
                </Text>
              ) : onAdjust ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconAdjustmentsAlt size={14} aria-hidden />}
                  onClick={() => onAdjust(l)}
                  aria-label={`Adjust ${l.label} by ${formatSignedMg(l.differenceUg)}`}
                >
                  Adjust…
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Alert>
  );
}
