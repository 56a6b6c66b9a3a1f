// "Acknowledge with a note": used for vital-sign alerts, safety alerts and screening flags.
import { Button, Group, Textarea } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { notifyError } from '../api/notify.tsx';

interface Props {
  onSubmit: (note: string) => Promise<unknown>;
  noteRequired?: boolean;
  label?: string;
  placeholder?: string;
  buttonLabel?: string;
  color?: string;
  autoFocus?: boolean;
}

export function AcknowledgeForm({
  onSubmit,
  noteRequired = true,
  label = 'Note (what was done)',
  placeholder = 'e.g. Rate reduced, labetalol 10 mg IV, recheck in 5 min',
  buttonLabel = 'Acknowledge',
  color,
  autoFocus,
}: Props) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = note.trim();
    if (noteRequired && !trimmed) {
      setError('A note is required: say what was done.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onSubmit(trimmed);
      setNote('');
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        setError(e.issues[0]?.message ?? e.message);
      } else {
        notifyError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Textarea
          id={id}
          label={label}
          placeholder={placeholder}
          required={noteRequired}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error}
          autosize
          minRows={1}
          maxRows={4}
          size="sm"
          style={{ flex: '1 1 260px' }}
          autoFocus={autoFocus}
        />
        <Button type="submit" loading={busy} color={color} leftSection={<IconCheck size={16} aria-hidden />}>
          {buttonLabel}
        </Button>
      </Group>
    </form>
  );
}
