// Receiving stock on an invoice (21 CFR 1304.21(d): the actual date received, supplier, what came). A box
// of ten vials is one lot with one expiry: a label prefix and a count make the ten rows at once.
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconListCheck, IconPackageImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ReceiveInput } from '@openkap/domain/ledger/schema';
import { mlToUg } from '@openkap/domain/ledger/units';
import { notifySaved } from '../api/notify.tsx';
import { check } from '../api/validate.ts';
import { ledgerApi, type LedgerEntry, type LedgerLocation, type LedgerProduct } from './api.ts';
import {
  ClinicDateTime,
  FormButtons,
  FormFailure,
  LateReasonField,
  useLateReason,
  useSubmit,
} from './formKit.tsx';
import { clinicLocalInput, clinicLocalToIso } from './time.ts';
import { formatMg } from './units.ts';

interface Row {
  key: number;
  label: string;
  lot: string;
  expiresOn: string;
}

let nextKey = 1;

/** "K-0" + 7 → "K-07" when the batch runs to two digits. */
function labelsFor(prefix: string, start: number, count: number): string[] {
  const width = String(start + count - 1).length;
  return Array.from(
    { length: count },
    (_, i) => `${prefix}${String(start + i).padStart(Math.max(2, width), '0')}`,
  );
}

export function ReceiveForm({
  locations,
  products,
  timeZone,
  today,
  backdateLimitDays,
  needsInitialInventory,
  onDone,
  onCancel,
}: {
  locations: LedgerLocation[];
  products: LedgerProduct[];
  timeZone: string;
  today: string;
  backdateLimitDays: number;
  /** Locations with no initial inventory yet: stock cannot arrive there (21 CFR 1304.11(b)). */
  needsInitialInventory: ReadonlySet<string>;
  onDone: (entries: LedgerEntry[]) => void;
  onCancel: () => void;
}) {
  const [locationId, setLocationId] = useState<string | null>(
    locations.length === 1 ? (locations[0]?.id ?? null) : null,
  );
  const [productId, setProductId] = useState<string | null>(
    products.length === 1 ? (products[0]?.id ?? null) : null,
  );
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [receivedAt, setReceivedAt] = useState(() => clinicLocalInput(Date.now(), timeZone));
  const [supplierName, setSupplierName] = useState('');
  const [supplierAddress, setSupplierAddress] = useState('');
  const [supplierDea, setSupplierDea] = useState('');
  // The batch maker: a label prefix from today's date keeps labels unique without typing.
  const [prefix, setPrefix] = useState(`K${today.slice(2).replaceAll('-', '')}-`);
  const [start, setStart] = useState<number | string>(1);
  const [count, setCount] = useState<number | string>(10);
  const [lot, setLot] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const late = useLateReason(receivedAt, timeZone, backdateLimitDays);
  const { busy, failure, errors, setErrors, run } = useSubmit();
  const blocked = locationId != null && needsInitialInventory.has(locationId);

  const product = products.find((p) => p.id === productId);
  const perContainerUg = product ? mlToUg(product.containerMl, product.mgPerMl) : 0;

  function addBatch() {
    const n = typeof count === 'number' ? count : Number(count);
    const s = typeof start === 'number' ? start : Number(start);
    const batchErrors: Record<string, string> = {};
    if (!Number.isInteger(n) || n < 1 || n > 200) {
      batchErrors.count = 'From 1 to 200';
    }
    if (!Number.isInteger(s) || s < 0) {
      batchErrors.start = 'A whole number';
    }
    if (!lot.trim()) {
      batchErrors.lot = 'Required';
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) {
      batchErrors.expiresOn = 'Enter a date';
    }
    if (Object.keys(batchErrors).length) {
      setErrors(batchErrors);
      return;
    }
    setErrors({});
    const added = labelsFor(prefix.trim(), s, n).map((label) => ({
      key: nextKey++,
      label,
      lot: lot.trim(),
      expiresOn,
    }));
    setRows((r) => [...r, ...added]);
    // The next batch (another lot in the same box) carries on numbering.
    setStart(s + n);
  }

  const setRow = (key: number, change: Partial<Row>) =>
    setRows((r) => r.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = clinicLocalToIso(receivedAt, timeZone);
    const parsed = check(ReceiveInput, {
      locationId: locationId ?? '',
      productId: productId ?? '',
      receivedAt: at ?? '',
      invoiceNumber,
      supplier: { name: supplierName, address: supplierAddress, deaRegistration: supplierDea },
      containers: rows.map(({ label, lot: l, expiresOn: e }) => ({
        label: label.trim(),
        lot: l.trim(),
        expiresOn: e,
      })),
      ...late.body,
    });
    if (!parsed.ok || late.issue) {
      setErrors({ ...(parsed.ok ? {} : parsed.errors), ...(late.issue ? { lateReason: late.issue } : {}) });
      return;
    }
    if (parsed.value.receivedAt > new Date(Date.now() + 60_000).toISOString()) {
      setErrors({ receivedAt: 'Not in the future: the date the containers actually arrived' });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.receive(parsed.value));
    if (result) {
      notifySaved(
        `${result.entries.length} container${result.entries.length === 1 ? '' : 's'} received on invoice ${parsed.value.invoiceNumber}.`,
        'Received',
      );
      onDone(result.entries);
    }
  }

  const rowError = (i: number, field: string) => errors[`containers.${i}.${field}`];

  return (
    <form onSubmit={submit} noValidate aria-label="Receive stock">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Location"
              description="The registered place it is stored"
              required
              data={locations.map((l) => ({ value: l.id, label: `${l.name} (${l.deaRegistration})` }))}
              value={locationId}
              onChange={setLocationId}
              error={errors.locationId}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Product"
              description="NDC and strength"
              required
              data={products.map((p) => ({
                value: p.id,
                label: `${p.name} · ${p.mgPerMl} mg/mL × ${p.containerMl} mL · NDC ${p.ndc}`,
              }))}
              value={productId}
              onChange={setProductId}
              error={errors.productId}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Invoice number"
              required
              value={invoiceNumber}
              onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
              error={errors.invoiceNumber}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ClinicDateTime
              label="Received at"
              description="When the containers actually arrived (clinic time)"
              value={receivedAt}
              onChange={setReceivedAt}
              error={errors.receivedAt}
            />
          </Grid.Col>
        </Grid>
        <LateReasonField late={late} error={errors.lateReason} />
        {blocked ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconListCheck aria-hidden />}
            title="Initial inventory first"
          >
            No stock may arrive at this location before its initial inventory (21 CFR 1304.11(b)). Record it
            with Count › Initial: with nothing on hand it is a zero inventory.
          </Alert>
        ) : null}

        <Divider label="Supplier" labelPosition="left" />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label="Supplier name"
              required
              value={supplierName}
              onChange={(e) => setSupplierName(e.currentTarget.value)}
              error={errors['supplier.name']}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput
              label="Supplier DEA number"
              placeholder="e.g. RS1234567"
              required
              value={supplierDea}
              onChange={(e) => setSupplierDea(e.currentTarget.value.toUpperCase())}
              error={errors['supplier.deaRegistration']}
              autoComplete="off"
              spellCheck={false}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Supplier address"
              required
              autosize
              minRows={2}
              value={supplierAddress}
              onChange={(e) => setSupplierAddress(e.currentTarget.value)}
              error={errors['supplier.address']}
            />
          </Grid.Col>
        </Grid>

        <Divider label="Containers" labelPosition="left" />
        <Paper withBorder p="sm" radius="md" role="group" aria-label="Add a batch of containers">
          <Title order={3} size="h6" mb={4}>
            Add a batch
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            Same lot and expiry: labels run {labelsFor(prefix.trim(), Number(start) || 0, 2).join(', ')}, …
          </Text>
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                label="Label prefix"
                value={prefix}
                onChange={(e) => setPrefix(e.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 3, sm: 2 }}>
              <NumberInput
                label="From no."
                min={0}
                allowDecimal={false}
                value={start}
                onChange={setStart}
                error={errors.start}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 3, sm: 2 }}>
              <NumberInput
                label="How many"
                min={1}
                max={200}
                allowDecimal={false}
                value={count}
                onChange={setCount}
                error={errors.count}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput
                label="Lot"
                value={lot}
                onChange={(e) => setLot(e.currentTarget.value)}
                error={errors.lot}
                autoComplete="off"
                spellCheck={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                type="date"
                label="Expires on"
                min={today}
                value={expiresOn}
                onChange={(e) => setExpiresOn(e.currentTarget.value)}
                error={errors.expiresOn}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={addBatch}
                fullWidth
              >
                Add {Number(count) > 0 ? Number(count) : ''} container{Number(count) === 1 ? '' : 's'}
              </Button>
            </Grid.Col>
          </Grid>
        </Paper>

        {rows.length ? (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4} aria-label="Containers on this invoice">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Label</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Expires on</Table.Th>
                  <Table.Th w={40}>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, i) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`Label of container ${i + 1}`}
                        value={row.label}
                        onChange={(e) => setRow(row.key, { label: e.currentTarget.value })}
                        error={rowError(i, 'label')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`Lot of container ${i + 1}`}
                        value={row.lot}
                        onChange={(e) => setRow(row.key, { lot: e.currentTarget.value })}
                        error={rowError(i, 'lot')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        type="date"
                        aria-label={`Expiry of container ${i + 1}`}
                        value={row.expiresOn}
                        onChange={(e) => setRow(row.key, { expiresOn: e.currentTarget.value })}
                        error={rowError(i, 'expiresOn')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove container ${row.label || i + 1}`}
                        onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text
            size="sm"
            c={errors.containers ? 'red' : 'dimmed'}
            role={errors.containers ? 'alert' : undefined}
          >
            {errors.containers ?? 'No containers yet: add a batch above.'}
          </Text>
        )}
        {rows.length && product ? (
          <Group justify="space-between">
            <Text size="sm" fw={600} role="status">
              {rows.length} container{rows.length === 1 ? '' : 's'} × {product.containerMl} mL at{' '}
              {product.mgPerMl} mg/mL = {formatMg(perContainerUg * rows.length)}
            </Text>
            <Button variant="subtle" color="red" size="xs" onClick={() => setRows([])}>
              Clear all
            </Button>
          </Group>
        ) : null}

        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit={`Record receipt${rows.length ? ` of ${rows.length}` : ''}`}
          disabled={blocked}
          icon={<IconPackageImport size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}
