// "Send questionnaire link": makes a one-time link for the patient's phone and shows it to copy.
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  CopyButton,
} from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../api/notify.tsx';
import type { InstrumentId, QuestionnaireLink } from '../api/types.ts';
import { formatDateTime } from '../app/format.ts';
import { questionnairesApi } from '../questionnaires/api.ts';

function absolute(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}

export function QuestionnaireLinkCard({ patientId }: { patientId: string }) {
  const [instruments, setInstruments] = useState<InstrumentId[]>(['phq9', 'gad7']);
  const [hours, setHours] = useState('72');
  const [link, setLink] = useState<QuestionnaireLink | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    try {
      setLink(await questionnairesApi.createLink(patientId, { instruments, expiresInHours: Number(hours) }));
    } catch (error) {
      notifyError(error, 'Link not created');
    } finally {
      setBusy(false);
    }
  }

  const url = link ? absolute(link.url) : '';

  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        Send questionnaire link
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A one-time link the patient opens on their phone. No sign-in needed.
      </Text>
      <Stack gap="sm">
        <Checkbox.Group
          label="Questionnaires"
          value={instruments}
          onChange={(v) => setInstruments(v as InstrumentId[])}
        >
          <Group gap="md" mt={4}>
            <Checkbox value="phq9" label="PHQ-9 (depression)" />
            <Checkbox value="gad7" label="GAD-7 (anxiety)" />
          </Group>
        </Checkbox.Group>
        <Select
          label="Link expires after"
          size="sm"
          data={[
            { value: '24', label: '1 day' },
            { value: '72', label: '3 days' },
            { value: '168', label: '7 days' },
          ]}
          value={hours}
          onChange={(v) => setHours(v ?? '72')}
          allowDeselect={false}
          w={180}
        />
        <Button
          onClick={create}
          loading={busy}
          disabled={instruments.length === 0}
          leftSection={<IconLink size={18} aria-hidden />}
          w="fit-content"
        >
          Send questionnaire link
        </Button>
        {link ? (
          <Stack gap={4} data-testid="questionnaire-link">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label="Link for the patient"
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                size="sm"
                style={{ flex: 1 }}
              />
              <CopyButton value={url} timeout={2000}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                    <ActionIcon
                      size={36}
                      variant={copied ? 'filled' : 'default'}
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                      aria-label={copied ? 'Link copied' : 'Copy link'}
                    >
                      {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              Works once; expires {formatDateTime(link.expiresAt)}. Send it by text or email.
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
