// Phase 1 of recovery: the modified Aldrete. It says the first recovery is over, never that the patient
// may go home (PADSS does); a score showing oxygen still needed or rousable only when called holds
// discharge until a newer score shows otherwise.
import { Alert, Badge, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconLungs, IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Infusion, InfusionCatalog } from '../api/types.ts';
import { formatTime } from '../app/format.ts';
import { infusionsApi } from './api.ts';
import { ScaleItems, scaleTotals } from './ScaleItems.tsx';

export function Phase1Score({
  infusion,
  scale,
  onChange,
}: {
  infusion: Infusion;
  scale: InfusionCatalog['dischargeScales'][number];
  onChange: (i: Infusion) => void;
}) {
  const latest = infusion.recoveryScores.at(-1);
  const [open, setOpen] = useState(latest == null);
  const [items, setItems] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const t = scaleTotals(scale, items);
  const holds = latest
    ? [
        ...((latest.items.oxygenSaturation ?? 0) < 2 ? ['still needs oxygen'] : []),
        ...((latest.items.consciousness ?? 0) < 2 ? ['rouses only when called'] : []),
      ]
    : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.recoveryScore(infusion.id, {
        scoreType: 'aldrete',
        items,
      });
      onChange(updated);
      setItems({});
      setOpen(false);
      notifySaved(`Modified Aldrete ${t.total} recorded.`);
    } catch (error) {
      notifyError(error, 'Score not recorded');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" data-testid="phase1-score">
      <Group justify="space-between">
        <Text size="sm" fw={700}>
          Phase 1: {scale.title}
        </Text>
        {latest ? (
          <Badge
            color={latest.total >= scale.fitAtOrAbove && holds.length === 0 ? 'teal' : 'orange'}
            leftSection={<IconCircleCheck size={14} aria-hidden />}
          >
            {latest.total}/10 at {formatTime(latest.at)}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            Not scored
          </Badge>
        )}
      </Group>
      {holds.length ? (
        <Alert color="orange" variant="light" icon={<IconLungs aria-hidden />} data-testid="phase1-hold">
          The latest score shows the patient {holds.join(' and ')}: not ready to go home. Re-score when this
          changes.
        </Alert>
      ) : null}
      <Button variant="default" size="xs" w="fit-content" onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide' : latest ? 'Score again' : 'Score'}
      </Button>
      <Collapse expanded={open}>
        <form onSubmit={submit} noValidate aria-label="Phase 1 score">
          <Stack gap="sm">
            <ScaleItems scale={scale} items={items} onChange={setItems} />
            <Group justify="space-between">
              <Text fw={700} className="ok-figure">
                {scale.title}: {t.total} / {t.max}
              </Text>
              <Button type="submit" loading={busy} disabled={!t.complete}>
                Record phase 1 score
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}
