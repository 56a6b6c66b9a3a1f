// The clinic's ledger rules (domain/src/ledger/settings.ts, where the defaults are explained): how far
// back an entry may be dated without a written reason, and how much missing drug prompts a
// significant-loss review. Changed by those who answer for the DEA registration; every change is kept.
import { Grid, NumberInput, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ledgerSettingsDefaults, LedgerSettingsInput } from '@openkap/domain/ledger/settings';
import { notifySaved } from '../api/notify.tsx';
import { check, optionalNumber } from '../api/validate.ts';
import { ledgerApi, type LedgerSettings } from './api.ts';
import { FormButtons, FormFailure, useSubmit } from './formKit.tsx';

export function SettingsForm({
  settings,
  onDone,
  onCancel,
}: {
  settings: LedgerSettings;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [days, setDays] = useState<number | string>(settings.backdateLimitDays);
  const [mg, setMg] = useState<number | string>(settings.lossReviewAboveMg);
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(LedgerSettingsInput, {
      backdateLimitDays: optionalNumber(days),
      lossReviewAboveMg: optionalNumber(mg),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.changeSettings(parsed.value));
    if (result) {
      notifySaved('The ledger rules are changed; the change is kept on record.', 'Rules saved');
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Ledger rules">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Both are the clinic&rsquo;s compliance judgement, not DEA numbers. Every change is kept with who
          made it.
        </Text>
        <FormFailure failure={failure} title="Not saved" />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label="Back-dating limit (days)"
              description={`An entry dated further back needs a written reason. Default ${ledgerSettingsDefaults.backdateLimitDays}.`}
              required
              min={1}
              max={90}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              error={errors.backdateLimitDays}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label="Loss review above (mg)"
              description={`A count adjustment finding more than this missing prompts a significant-loss review. Default ${ledgerSettingsDefaults.lossReviewAboveMg} mg.`}
              required
              min={0}
              max={10_000}
              decimalScale={3}
              value={mg}
              onChange={setMg}
              error={errors.lossReviewAboveMg}
            />
          </Grid.Col>
        </Grid>
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Save rules"
          icon={<IconDeviceFloppy size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}
