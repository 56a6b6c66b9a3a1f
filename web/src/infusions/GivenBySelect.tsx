// "Given by": the physician or nurse who gives the dose. The ledger's administration record names them,
// so it is chosen here rather than taken from whoever presses the button.
import { Select } from '@mantine/core';
import { useResource } from '../api/useResource.ts';
import { roleLabel } from '../app/format.ts';
import { infusionsApi } from './api.ts';

export function GivenBySelect({
  value,
  onChange,
  size = 'sm',
}: {
  value: string | null;
  onChange: (staffId: string) => void;
  size?: 'sm' | 'md';
}) {
  const list = useResource('infusion-clinicians', (signal) => infusionsApi.clinicians(signal));
  const data = (list.data?.clinicians ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${roleLabel(c.role).toLowerCase()})`,
  }));
  return (
    <Select
      size={size}
      label="Given by"
      data={data}
      value={value}
      onChange={(v) => (v ? onChange(v) : undefined)}
      allowDeselect={false}
      disabled={list.loading && !list.data}
      error={list.error ? 'Could not load the clinicians' : undefined}
      data-testid="given-by"
    />
  );
}
