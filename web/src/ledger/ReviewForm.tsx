// The registrant's significant-loss review of a count adjustment that found drug missing, weighing the
// factors of 21 CFR 1301.76(b)(1)–(6), with the written reasoning. A significant loss then needs the
// DEA notice; a minor discrepancy stays a note in the ledger (DEA's guidance).
import { Alert, Checkbox, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { lossFactors, ReviewInput, type LossFactor } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check } from '../api/validate.ts';
import { formatDateTime } from '../app/format.ts';
import { ledgerApi, type LedgerEntry } from './api.ts';
import type { PendingReview } from './compliance.ts';
import { FormButtons, FormFailure, useSubmit } from './formKit.tsx';
import { formatMg } from './units.ts';

export function ReviewForm({
  review,
  thresholdMg,
  onDone,
  onCancel,
}: {
  review: PendingReview;
  thresholdMg: number;
  onDone: (entries: LedgerEntry[], significant: boolean) => void;
  onCancel: () => void;
}) {
  const [factors, setFactors] = useState<string[]>([]);
  const [finding, setFinding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(ReviewInput, {
      seq: review.seq,
      significant: finding === 'significant',
      factors,
      reason,
    });
    if (!parsed.ok || finding === null) {
      setErrors({
        ...(parsed.ok ? {} : parsed.errors),
        ...(finding === null ? { significant: 'Choose a finding' } : {}),
      });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.review(parsed.value));
    if (result) {
      notifySaved(
        parsed.value.significant
          ? 'Significant loss: the DEA notice is now due.'
          : 'Recorded as a minor discrepancy.',
        'Review recorded',
      );
      onDone(result.entries, parsed.value.significant);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Significant-loss review">
      <Stack gap="sm">
        <Alert
          color="orange"
          variant="light"
          icon={<IconScale aria-hidden />}
          title="Is this a significant loss?"
        >
          {review.containerLabel ?? 'A vial'}: {formatMg(review.lostUg)} found missing on{' '}
          {formatDateTime(review.adjustedAt)} (entry #{review.seq}), more than the clinic&rsquo;s{' '}
          {thresholdMg} mg review threshold.
          {review.reason ? ` Adjustment reason: “${review.reason}”.` : ''}
        </Alert>
        <FormFailure failure={failure} />
        <Checkbox.Group
          label="Factors that point to a significant loss"
          description="21 CFR 1301.76(b)(1)–(6). Tick those that apply."
          value={factors}
          onChange={setFactors}
        >
          <Stack gap={6} mt={6}>
            {(Object.keys(lossFactors) as LossFactor[]).map((key) => (
              <Checkbox key={key} value={key} label={lossFactors[key]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group
          label="Finding"
          required
          value={finding}
          onChange={setFinding}
          error={errors.significant}
        >
          <Stack gap={6} mt={6}>
            <Radio value="significant" label="Significant loss: notify the DEA (due the next business day)" />
            <Radio value="minor" label="Minor discrepancy: not reported, kept on record" />
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          DEA advises reporting when unsure after weighing the factors; a continuing pattern of small losses
          is always significant.
        </Text>
        <Textarea
          label="Reasoning"
          description="Written, kept with the review"
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record review"
          icon={<IconScale size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}
