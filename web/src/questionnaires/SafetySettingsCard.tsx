// What opens a safety alert or task, under the list: the fixed PHQ-9 rule and the clinic's MADRS item-10
// level (a clinic setting with a clinical-judgement default), which the administrator or a physician
// may change here.
import { Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import { useResource } from '../api/useResource.ts';
import { usePermissions } from '../app/permissions.ts';
import { clinicsApi } from '../clinics/api.ts';

// MADRS item 10 anchors (domain/src/instruments/madrs.ts): defined steps at 0, 2, 4 and 6.
const madrsLevels: Record<number, string> = {
  1: 'between 0 and 2',
  2: 'weary of life, fleeting thoughts',
  3: 'between 2 and 4',
  4: 'suicidal thoughts common',
  5: 'between 4 and 6',
  6: 'explicit plans or preparation',
};

export function SafetySettingsCard() {
  const settings = useResource('clinic-settings', (signal) => clinicsApi.settings(signal));
  const { can } = usePermissions();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = settings.data?.settings.madrsItem10AlertAt;
  const standard = settings.data?.defaults.madrsItem10AlertAt;
  const chosen = choice ?? (current === undefined ? null : String(current));

  async function save() {
    if (!chosen) {
      return;
    }
    setBusy(true);
    try {
      settings.setData(await clinicsApi.updateSettings({ madrsItem10AlertAt: Number(chosen) }));
      setChoice(null);
      notifySaved(`MADRS item 10 now opens a safety alert at ${chosen} or more.`);
    } catch (error) {
      notifyError(error, 'Setting not saved');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card data-testid="safety-settings">
      <Stack gap="sm">
        <Title order={2} size="h4">
          What opens a safety alert or task
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            PHQ-9 item 9 (thoughts of death or self-harm): any answer above &ldquo;Not at all&rdquo; opens an
            alert; left unanswered, or &ldquo;prefer not to answer&rdquo; on the phone, opens a task to ask
            the patient. It is never scored as 0.
          </List.Item>
          <List.Item>
            MADRS item 10 (suicidal thoughts, 0–6): {current ?? '…'} or more opens an alert; not rated opens a
            task.{' '}
            <Text span size="sm" c="dimmed">
              Clinic setting; the default {standard ?? 4} is a clinical-judgement default.
            </Text>
          </List.Item>
        </List>
        {can('settings.edit') && current !== undefined ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="MADRS item 10 alert level"
              description="An answer at or above this opens an urgent safety alert."
              data={Object.entries(madrsLevels).map(([value, words]) => ({
                value,
                label: `${value} — ${words}${Number(value) === standard ? ' (default)' : ''}`,
              }))}
              value={chosen}
              onChange={setChoice}
              allowDeselect={false}
              size="sm"
              w={{ base: '100%', xs: 380 }}
            />
            <Button
              onClick={save}
              loading={busy}
              disabled={chosen === String(current)}
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            >
              Save
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
