// One-tap side effects at the chosen severity, and interventions with their dose. Codes and wording
// come from the server's catalog (GET /api/infusions/catalog), so they are the codes it accepts.
import {
  Button,
  Card,
  Chip,
  Divider,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconBrain,
  IconCloud,
  IconMedicineSyrup,
  IconMoodNervous,
  IconMoodSick,
  IconRotate2,
  IconZzz,
  type Icon,
} from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Infusion, InfusionCatalog } from '../api/types.ts';
import { optionalText } from '../api/validate.ts';
import { infusionsApi } from './api.ts';

const icons: Record<string, Icon> = {
  dissociation: IconCloud,
  nausea: IconMoodSick,
  dizziness: IconRotate2,
  sedation: IconZzz,
  anxiety: IconMoodNervous,
  headache: IconBrain,
};

type SideEffectSeverity = InfusionCatalog['severities'][number]['id'];
/** Button words short enough for a tablet tile; the full label is in the accessible name and timeline. */
const shortLabels: Record<string, string> = { dizziness: 'Dizziness' };
function doseChoices(catalog: InfusionCatalog, id: string | null): string[] {
  const item = catalog.interventions.find((i) => i.id === id);
  return (item?.defaultDoses ?? []).map((d) => `${d.amount} ${d.unit} ${d.route}`);
}

export function QuickCharting({
  infusion,
  catalog,
  onChange,
  disabled,
}: {
  infusion: Infusion;
  catalog: InfusionCatalog;
  onChange: (i: Infusion) => void;
  disabled?: boolean;
}) {
  const quick = catalog.sideEffects.filter((s) => s.quickCharting);
  const interventionOptions = catalog.interventions.map((i) => ({ value: i.id, label: i.label }));
  const [severity, setSeverity] = useState<SideEffectSeverity>('mild');
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [intervention, setIntervention] = useState<string | null>(null);
  const [doseText, setDoseText] = useState('');
  const [note, setNote] = useState('');
  const [interventionError, setInterventionError] = useState<string | null>(null);
  const [savingIntervention, setSavingIntervention] = useState(false);

  async function chartSideEffect(code: string, label: string) {
    setBusyCode(code);
    try {
      const { infusion: updated } = await infusionsApi.sideEffect(infusion.id, { code, severity });
      onChange(updated);
      notifySaved(`${label} (${severity}) charted.`);
    } catch (error) {
      notifyError(error, 'Side effect not charted');
    } finally {
      setBusyCode(null);
    }
  }

  async function chartIntervention(event: FormEvent) {
    event.preventDefault();
    if (!intervention) {
      setInterventionError('Choose an intervention.');
      return;
    }
    const item = catalog.interventions.find((i) => i.id === intervention);
    if (item?.kind === 'medication' && !doseText.trim()) {
      setInterventionError('Give the dose as given (e.g. 4 mg IV).');
      return;
    }
    setInterventionError(null);
    setSavingIntervention(true);
    try {
      const { infusion: updated } = await infusionsApi.intervention(infusion.id, {
        code: intervention,
        doseText: optionalText(doseText),
        note: optionalText(note),
      });
      onChange(updated);
      notifySaved(`${item?.label ?? intervention}${doseText ? ` ${doseText}` : ''} charted.`);
      setIntervention(null);
      setDoseText('');
      setNote('');
    } catch (error) {
      notifyError(error, 'Intervention not charted');
    } finally {
      setSavingIntervention(false);
    }
  }

  const meaning = catalog.severities.find((s) => s.id === severity)?.meaning;
  const choices = doseChoices(catalog, intervention);

  return (
    <Card padding="md" data-testid="quick-charting">
      <Title order={2} size="h5" mb="xs">
        Quick charting
      </Title>
      <Stack gap="xs">
        <Group gap="sm" align="center" wrap="wrap">
          <Text size="sm" fw={600} id="severity-label">
            Severity
          </Text>
          <SegmentedControl
            aria-labelledby="severity-label"
            value={severity}
            onChange={(v) => setSeverity(v as SideEffectSeverity)}
            data={catalog.severities.map((s) => ({ value: s.id, label: s.label }))}
            color={severity === 'severe' ? 'red' : severity === 'moderate' ? 'orange' : 'clinic'}
            disabled={disabled}
          />
        </Group>
        {meaning ? (
          <Text size="xs" c="dimmed">
            {meaning}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" role="group" aria-label="Chart a side effect">
          {quick.map((s) => {
            const SideIcon = icons[s.id] ?? IconMedicineSyrup;
            return (
              <Button
                key={s.id}
                variant="default"
                size="md"
                h={52}
                onClick={() => chartSideEffect(s.id, s.label)}
                loading={busyCode === s.id}
                disabled={disabled}
                leftSection={<SideIcon size={20} aria-hidden />}
                aria-label={`Chart ${s.label.toLowerCase()}, ${severity}`}
              >
                {shortLabels[s.id] ?? s.label}
              </Button>
            );
          })}
        </SimpleGrid>
        <Divider my={4} label="Intervention" labelPosition="left" />
        <form onSubmit={chartIntervention} noValidate aria-label="Chart an intervention">
          <Stack gap="xs">
            <Group gap="xs" align="flex-start" grow>
              <Select
                size="sm"
                label="Intervention"
                placeholder="Choose"
                data={interventionOptions}
                value={intervention}
                onChange={(v) => {
                  setIntervention(v);
                  setDoseText('');
                }}
                searchable
                error={interventionError}
                disabled={disabled}
              />
              <TextInput
                size="sm"
                label="Dose as given"
                placeholder={choices[0] ? `e.g. ${choices[0]}` : 'if any'}
                value={doseText}
                onChange={(e) => setDoseText(e.currentTarget.value)}
                disabled={disabled}
              />
            </Group>
            {choices.length ? (
              <Group gap={6} role="group" aria-label="Typical doses">
                {choices.map((c) => (
                  <Chip
                    key={c}
                    size="sm"
                    checked={doseText === c}
                    onChange={() => setDoseText(c)}
                    variant="outline"
                  >
                    {c}
                  </Chip>
                ))}
                <Text size="xs" c="dimmed">
                  typical dose; confirm against standing orders
                </Text>
              </Group>
            ) : null}
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                size="sm"
                label="Note"
                placeholder="Optional"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                style={{ flex: 1 }}
                disabled={disabled}
              />
              <Button
                type="submit"
                loading={savingIntervention}
                disabled={disabled}
                leftSection={<IconMedicineSyrup size={18} aria-hidden />}
              >
                Chart intervention
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
