// Before the pump starts: consent, fasting, a named escort, baseline vitals and reviewed flags.
import { Badge, Button, Card, Checkbox, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconClipboardCheck, IconMinus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Infusion, PrecheckItem } from '../api/types.ts';
import { optionalText } from '../api/validate.ts';
import { infusionsApi } from './api.ts';

/** Checklist items the form itself sets; the others are shown as status lines. */
const formItems = new Set(['consent_signed', 'fasting_confirmed', 'escort_confirmed']);

const hints: Record<string, string> = {
  baseline_vitals_recorded: 'Record HR, BP and SpO₂ below or from the monitor.',
  screening_flags_acknowledged: 'A physician acknowledges open flags on the patient chart.',
  weight_current:
    'Re-weigh the patient and record it on the chart (Weight and height); the dose waits for it.',
};

function Status({ item, hint }: { item: PrecheckItem; hint: string | undefined }) {
  const state = item.done ? 'done' : item.required ? 'missing' : 'not required today';
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" data-testid={`precheck-${item.id}`} data-done={item.done}>
      {item.done ? (
        <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
      ) : item.required ? (
        <IconCircleDashed size={20} color="var(--mantine-color-orange-7)" aria-hidden />
      ) : (
        <IconMinus size={20} color="var(--mantine-color-gray-6)" aria-hidden />
      )}
      <div>
        <Text size="sm" fw={600}>
          {item.label}: {state}
        </Text>
        {!item.done && item.required && hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </div>
    </Group>
  );
}

export function PrechecksPanel({
  infusion,
  onChange,
  readOnly = false,
}: {
  infusion: Infusion;
  onChange: (i: Infusion) => void;
  readOnly?: boolean;
}) {
  const p = infusion.prechecks;
  const [consent, setConsent] = useState(p.consentSigned);
  const [fasting, setFasting] = useState(p.fastingConfirmed);
  const [escortName, setEscortName] = useState(p.escortName ?? '');
  const [escortPhone, setEscortPhone] = useState(p.escortPhone ?? '');
  const [busy, setBusy] = useState(false);
  const editable = infusion.stage === 'precheck' && !readOnly;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.prechecks(infusion.id, {
        consentSigned: consent,
        fastingConfirmed: fasting,
        escortName: optionalText(escortName),
        escortPhone: optionalText(escortPhone),
      });
      onChange(updated);
      notifySaved(updated.prechecks.complete ? 'Pre-checks complete.' : 'Pre-checks saved.');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card padding="md" data-testid="prechecks">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Pre-checks
        </Title>
        {p.complete ? (
          <Badge color="teal" leftSection={<IconCircleCheck size={14} aria-hidden />}>
            Complete
          </Badge>
        ) : (
          <Badge color="orange" variant="light" leftSection={<IconCircleDashed size={14} aria-hidden />}>
            {p.missing.length} missing
          </Badge>
        )}
      </Group>
      <form onSubmit={submit} noValidate aria-label="Pre-checks">
        <Stack gap="sm">
          <Checkbox
            label="Consent signed"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            disabled={!editable}
          />
          <Checkbox
            label="Fasting confirmed"
            checked={fasting}
            onChange={(e) => setFasting(e.currentTarget.checked)}
            disabled={!editable}
          />
          <Group gap="xs" grow>
            <TextInput
              size="sm"
              label="Escort (ride home)"
              placeholder="Full name"
              value={escortName}
              onChange={(e) => setEscortName(e.currentTarget.value)}
              disabled={!editable}
            />
            <TextInput
              size="sm"
              label="Escort phone"
              type="tel"
              value={escortPhone}
              onChange={(e) => setEscortPhone(e.currentTarget.value)}
              disabled={!editable}
            />
          </Group>
          {p.items
            .filter((item) => !formItems.has(item.id))
            .map((item) => (
              <Status key={item.id} item={item} hint={hints[item.id]} />
            ))}
          {editable ? (
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconClipboardCheck size={18} aria-hidden />}
              w="fit-content"
            >
              Save pre-checks
            </Button>
          ) : null}
          {!p.complete && p.missing.length ? (
            <div>
              <Text size="xs" fw={700} c="dimmed">
                Still needed before starting:
              </Text>
              <List size="xs" c="dimmed">
                {p.missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </div>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
