// Set-up (ledger.setup): the registered locations drug is kept at (each with its DEA registration and
// storage), and the products received (NDC and strength), before anything can be received.
import { Grid, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { LocationInput, ProductInput } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check, optionalNumber } from '../api/validate.ts';
import { ledgerApi } from './api.ts';
import { FormButtons, FormFailure, useSubmit } from './formKit.tsx';

export function LocationForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [deaRegistration, setDea] = useState('');
  const [address, setAddress] = useState('');
  const [storage, setStorage] = useState('');
  const { busy, failure, errors, setErrors, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(LocationInput, { name, deaRegistration, address, storage });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.createLocation(parsed.value));
    if (result) {
      notifySaved(
        `${result.location.name} (${result.location.deaRegistration}) is set up.`,
        'Location added',
      );
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a location">
      <Stack gap="sm">
        <FormFailure failure={failure} title="Not saved" />
        <TextInput
          label="Name"
          placeholder="e.g. Main clinic"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label="DEA registration number"
          description="Two letters and seven digits, as on the certificate"
          placeholder="e.g. BA1234563"
          required
          value={deaRegistration}
          onChange={(e) => setDea(e.currentTarget.value.toUpperCase())}
          error={errors.deaRegistration}
          autoComplete="off"
          spellCheck={false}
          maw={280}
        />
        <Textarea
          label="Registered address"
          required
          autosize
          minRows={2}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={errors.address}
        />
        <TextInput
          label="Storage"
          description="Where the stock is kept locked"
          placeholder="e.g. Double-locked cabinet, medication room"
          required
          value={storage}
          onChange={(e) => setStorage(e.currentTarget.value)}
          error={errors.storage}
        />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Add location"
          icon={<IconDeviceFloppy size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

export function ProductForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState('Ketamine hydrochloride injection');
  const [ndc, setNdc] = useState('');
  const [form, setForm] = useState('injection, solution (vial)');
  const [mgPerMl, setMgPerMl] = useState<number | string>('');
  const [containerMl, setContainerMl] = useState<number | string>('');
  const { busy, failure, errors, setErrors, run } = useSubmit();
  const strength = optionalNumber(mgPerMl);
  const volume = optionalNumber(containerMl);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(ProductInput, {
      name,
      ndc,
      form,
      mgPerMl: optionalNumber(mgPerMl),
      containerMl: optionalNumber(containerMl),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.createProduct(parsed.value));
    if (result) {
      notifySaved(`${result.product.name} (NDC ${result.product.ndc}) is set up.`, 'Product added');
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a product">
      <Stack gap="sm">
        <FormFailure failure={failure} title="Not saved" />
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="NDC"
          description="As printed on the carton, e.g. 0409-2051-05"
          required
          value={ndc}
          onChange={(e) => setNdc(e.currentTarget.value)}
          error={errors.ndc}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          label="Form"
          value={form}
          onChange={(e) => setForm(e.currentTarget.value)}
          error={errors.form}
        />
        <Grid gap="sm">
          <Grid.Col span={6}>
            <NumberInput
              label="Strength (mg/mL)"
              required
              min={0}
              decimalScale={3}
              value={mgPerMl}
              onChange={setMgPerMl}
              error={errors.mgPerMl}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <NumberInput
              label="Container (mL)"
              required
              min={0}
              decimalScale={2}
              value={containerMl}
              onChange={setContainerMl}
              error={errors.containerMl}
            />
          </Grid.Col>
        </Grid>
        {strength && volume ? (
          <Text size="sm" role="status">
            One container holds {Number((strength * volume).toFixed(3))} mg.
          </Text>
        ) : null}
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Add product"
          icon={<IconDeviceFloppy size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}
