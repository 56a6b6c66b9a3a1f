// The facts screening reads, shared by "New patient" and "Edit details": psychiatric history and the
// medical history the ketamine labels name. A stroke or infarction is recorded with its date (or month),
// which the screen judges against the protocol's window.
import { Checkbox, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId } from 'react';
import { hepaticImpairments, type PatientConditions } from '@openkap/domain/patients/schema';
import type { FieldErrors } from '../api/validate.ts';

type Conditions = PatientConditions;
type BooleanKey = {
  [K in keyof Conditions]: Conditions[K] extends boolean ? K : never;
}[keyof Conditions];
type EventKey = 'strokeOn' | 'myocardialInfarctionOn';

const psychiatric: [BooleanKey, string][] = [
  ['psychosisHistory', 'History of psychosis'],
  ['pregnant', 'Pregnant'],
  ['bipolarWithoutMoodStabilizer', 'Bipolar disorder without a mood stabiliser'],
  ['activeSubstanceUse', 'Active substance use'],
];

const medical: [BooleanKey, string][] = [
  ['aneurysmOrAvm', 'Aneurysm (aortic, intracranial or peripheral) or arteriovenous malformation'],
  ['intracerebralHemorrhageHistory', 'Bleeding in the brain (intracerebral hemorrhage), ever'],
  ['hyperthyroidismUntreated', 'Hyperthyroidism, untreated or not controlled'],
  ['raisedIntracranialPressure', 'Raised intracranial pressure'],
  ['raisedIntraocularPressure', 'Raised intraocular pressure (e.g. glaucoma, eye injury)'],
  ['preEclampsia', 'Pre-eclampsia or eclampsia'],
];

const events: [EventKey, string][] = [
  ['strokeOn', 'Stroke'],
  ['myocardialInfarctionOn', 'Heart attack (myocardial infarction)'],
];

const hepaticLabels: Record<Conditions['hepaticImpairment'], string> = {
  none: 'None',
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

export function ConditionsFields({
  value,
  onChange,
  errors,
  headingOrder = 3,
}: {
  value: Conditions;
  onChange: (next: Conditions) => void;
  errors: FieldErrors;
  headingOrder?: 2 | 3;
}) {
  const id = useId();
  const set = <K extends keyof Conditions>(key: K, next: Conditions[K]) =>
    onChange({ ...value, [key]: next });
  const error = (key: keyof Conditions) => errors[`conditions.${key}`];
  const checkbox = ([key, label]: [BooleanKey, string]) => (
    <Checkbox
      key={key}
      label={label}
      checked={value[key]}
      onChange={(e) => set(key, e.currentTarget.checked)}
      error={error(key)}
    />
  );
  // One level below the form's section heading.
  const subOrder = headingOrder === 2 ? 3 : 4;
  const subSize = headingOrder === 2 ? 'h5' : 'h6';

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text id={`${id}-htn`} fw={500} size="sm">
          Hypertension
        </Text>
        <SegmentedControl
          aria-labelledby={`${id}-htn`}
          value={value.hypertension}
          onChange={(next) => set('hypertension', next as Conditions['hypertension'])}
          data={[
            { value: 'none', label: 'None' },
            { value: 'controlled', label: 'Controlled' },
            { value: 'uncontrolled', label: 'Uncontrolled' },
          ]}
          w="fit-content"
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        {psychiatric.map(checkbox)}
      </SimpleGrid>

      <Stack gap="sm" role="group" aria-labelledby={`${id}-medical`}>
        <Title id={`${id}-medical`} order={subOrder} size={subSize}>
          Medical history the ketamine labels name
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {medical.map(checkbox)}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {events.map(([key, label]) => {
            const recorded = value[key] !== null;
            return (
              <Stack key={key} gap={6}>
                <Checkbox
                  label={label}
                  checked={recorded}
                  // Unticking clears the date; ticking asks for one (an empty date is refused on save).
                  onChange={(e) => set(key, e.currentTarget.checked ? '' : null)}
                />
                {recorded ? (
                  <TextInput
                    label={`When was the most recent ${label.split(' (')[0]?.toLowerCase()}?`}
                    description="YYYY-MM-DD, or YYYY-MM if only the month is known"
                    placeholder="e.g. 2025-03 or 2025-03-14"
                    required
                    value={value[key] ?? ''}
                    onChange={(e) => set(key, e.currentTarget.value)}
                    error={error(key)}
                    inputMode="numeric"
                    autoComplete="off"
                  />
                ) : null}
              </Stack>
            );
          })}
        </SimpleGrid>
        <Stack gap={4}>
          <Text id={`${id}-liver`} fw={500} size="sm">
            Hepatic impairment
          </Text>
          <SegmentedControl
            aria-labelledby={`${id}-liver`}
            value={value.hepaticImpairment}
            onChange={(next) => set('hepaticImpairment', next as Conditions['hepaticImpairment'])}
            data={hepaticImpairments.map((v) => ({ value: v, label: hepaticLabels[v] }))}
            w="fit-content"
          />
          {error('hepaticImpairment') ? (
            <Text c="red" size="sm" role="alert">
              {error('hepaticImpairment')}
            </Text>
          ) : null}
        </Stack>
      </Stack>
    </Stack>
  );
}
