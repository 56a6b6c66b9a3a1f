// The items of a recovery scale (PADSS, modified Aldrete), each 0–2, as radio groups.
import { Radio, Stack } from '@mantine/core';
import type { InfusionCatalog } from '../api/types.ts';

type Scale = InfusionCatalog['dischargeScales'][number];

export function scaleTotals(scale: Scale, items: Record<string, number>) {
  const scored = scale.items.filter((i) => items[i.id] != null).length;
  const total = scale.items.reduce((sum, i) => sum + (items[i.id] ?? 0), 0);
  const max = scale.items.reduce((sum, i) => sum + Math.max(0, ...i.options.map((o) => o.value)), 0);
  const complete = scored === scale.items.length;
  return { scored, total, max, complete, fit: complete && total >= scale.fitAtOrAbove };
}

export function ScaleItems({
  scale,
  items,
  onChange,
}: {
  scale: Scale;
  items: Record<string, number>;
  onChange: (items: Record<string, number>) => void;
}) {
  return (
    <>
      {scale.items.map((item) => (
        <Radio.Group
          key={`${scale.id}-${item.id}`}
          label={item.label}
          value={items[item.id] != null ? String(items[item.id]) : null}
          onChange={(v) => onChange({ ...items, [item.id]: Number(v) })}
          size="sm"
        >
          <Stack gap={6} mt={6}>
            {item.options.map((o) => (
              <Radio key={o.value} value={String(o.value)} label={`${o.value} — ${o.text}`} />
            ))}
          </Stack>
        </Radio.Group>
      ))}
    </>
  );
}
