// Pieces every ledger form shares: submitting with a busy state and the server's refusal in words, the
// container picker, a clinic-time date-time field and the Cancel / Record buttons.
import { Alert, Button, Group, Select, TextInput, Textarea, type SelectProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { needsLateReason } from '@openkap/domain/ledger/late-entry';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/notify.tsx';
import type { FieldErrors } from '../api/validate.ts';
import type { LedgerContainer, LedgerEntry, LedgerLocation, Stock } from './api.ts';
import { clinicLocalToIso } from './time.ts';
import { formatMg, formatMl } from './units.ts';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  /** Runs `work`; on failure keeps the form open with the server's message (and field issues). */
  async function run<T>(work: () => Promise<T>, onError?: (error: unknown) => void): Promise<T | undefined> {
    setFailure(null);
    setBusy(true);
    try {
      return await work();
    } catch (error) {
      setErrors(error instanceof ApiError && error.issues.length ? error.fieldErrors() : {});
      setFailure(errorMessage(error));
      onError?.(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, errors, setErrors, setFailure, run };
}

export function FormFailure({ failure, title = 'Not recorded' }: { failure: string | null; title?: string }) {
  return failure ? (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      {failure}
    </Alert>
  ) : null;
}

export function FormButtons({
  busy,
  onCancel,
  submit,
  icon,
  color,
  disabled = false,
}: {
  busy: boolean;
  onCancel: () => void;
  submit: string;
  icon?: ReactNode;
  color?: string;
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button type="submit" loading={busy} leftSection={icon} color={color} disabled={disabled}>
        {submit}
      </Button>
    </Group>
  );
}

export function containerOption(c: LedgerContainer): string {
  const state = c.status === 'expired' ? ' · EXPIRED' : c.status === 'sealed' ? ' · sealed' : '';
  return `${c.label} · ${formatMg(c.balanceUg)} (${formatMl(c.balanceUg, c.mgPerMl)})${state}`;
}

/** Containers grouped by where they are now; empties left out unless `includeEmpty`. */
export function ContainerSelect({
  containers,
  locations,
  includeEmpty = false,
  ...props
}: {
  containers: LedgerContainer[];
  locations: LedgerLocation[];
  includeEmpty?: boolean;
} & Omit<SelectProps, 'data'>) {
  const shown = containers.filter((c) => includeEmpty || c.balanceUg > 0);
  const data = locations
    .map((l) => ({
      group: l.name,
      items: shown
        .filter((c) => c.locationId === l.id)
        .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }))
        .map((c) => ({ value: c.id, label: containerOption(c) })),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <Select
      label="Container"
      placeholder="Pick a vial"
      searchable
      nothingFoundMessage="No container with that label"
      data={data}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** A datetime-local input whose value is the clinic's wall-clock time (see time.ts). */
export function ClinicDateTime({
  label,
  value,
  onChange,
  error,
  description,
  required = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string;
  required?: boolean;
}) {
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description={description ?? 'Clinic time'}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      maw={280}
    />
  );
}

/**
 * The written reason an entry needs when it is dated further back than the clinic's back-dating limit
 * (domain/src/ledger/late-entry.ts). `needed` follows the date typed; `body` is what to send.
 */
export function useLateReason(occurredAtLocal: string, timeZone: string, limitDays: number) {
  const [value, setValue] = useState('');
  const iso = clinicLocalToIso(occurredAtLocal, timeZone);
  const needed = iso != null && needsLateReason(iso, new Date().toISOString(), limitDays);
  const reason = value.trim();
  return {
    needed,
    value,
    setValue,
    limitDays,
    /** The issue to show before sending: a late entry without a reason. */
    issue: needed && reason === '' ? 'Say why this is recorded late' : undefined,
    body: needed && reason !== '' ? { lateReason: reason } : {},
  };
}

export function LateReasonField({
  late,
  error,
}: {
  late: ReturnType<typeof useLateReason>;
  error?: string | undefined;
}) {
  if (!late.needed) {
    return null;
  }
  return (
    <Textarea
      label="Why is this recorded late?"
      description={`Dated more than ${late.limitDays} day${late.limitDays === 1 ? '' : 's'} ago: the clinic asks for a reason, kept on the entry.`}
      required
      autosize
      minRows={2}
      maxLength={500}
      value={late.value}
      onChange={(e) => late.setValue(e.currentTarget.value)}
      error={error}
    />
  );
}

/** What a form acting on one vial (transfer, loss, disposal) is given by the ledger page. */
export interface VialFormProps {
  stock: Stock;
  timeZone: string;
  /** The clinic's back-dating limit: past it the form asks why the entry is late. */
  backdateLimitDays: number;
  /** The vial picked from the stock table's row menu, if any. */
  containerId?: string | undefined;
  onDone: (entries: LedgerEntry[]) => void;
  onCancel: () => void;
}
