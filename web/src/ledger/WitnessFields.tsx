// The witness's signature: a second person types their OWN email and password at that moment. Held in
// the form's state only and never offered to the browser's password manager, so nobody can witness
// later with a remembered login.
import { Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Group } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { ApiError } from '../api/client.ts';
import type { FieldErrors } from '../api/validate.ts';

export interface WitnessValue {
  email: string;
  password: string;
}

export const emptyWitness: WitnessValue = { email: '', password: '' };

/**
 * Checks the browser can make before asking the server (the server checks the password, the role and
 * that the witness is not you), keyed like the request body: `witness.email`, `witness.password`.
 */
export function checkWitness(w: WitnessValue, myEmail: string): FieldErrors {
  const errors: FieldErrors = {};
  const email = w.email.trim().toLowerCase();
  if (!email) {
    errors['witness.email'] = 'The witness types their email';
  } else if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    errors['witness.email'] = 'Not an email address';
  } else if (email === myEmail.trim().toLowerCase()) {
    errors['witness.email'] = 'A second person must witness: this is your own email';
  }
  if (!w.password) {
    errors['witness.password'] = 'The witness types their password';
  }
  return errors;
}

/** Witness codes the server answers with (server/src/ledger/witness.ts). */
const witnessCodes = new Set([
  'witness_not_verified',
  'self_witness',
  'witness_not_allowed',
  'witness_required',
]);

/**
 * After a refused signature: the password is cleared (the witness types it again, nothing lingers)
 * and the server's reason shows under it.
 */
export function onWitnessRefusal(
  setWitness: (update: (w: WitnessValue) => WitnessValue) => void,
  setErrors: (errors: FieldErrors) => void,
) {
  return (error: unknown) => {
    if (error instanceof ApiError && witnessCodes.has(error.code)) {
      setWitness((w) => ({ ...w, password: '' }));
      setErrors({ 'witness.password': error.message });
    }
  };
}

// Password managers: do not offer to save or fill the witness's login on this shared tablet.
const noManager = {
  'data-1p-ignore': true,
  'data-lpignore': 'true',
  'data-bwignore': true,
  'data-form-type': 'other',
};

export function WitnessFields({
  value,
  onChange,
  errors = {},
  what,
}: {
  value: WitnessValue;
  onChange: (value: WitnessValue) => void;
  /** The form's errors: `witness.email` and `witness.password` are shown here. */
  errors?: FieldErrors;
  /** "the waste", "the count": said in the instruction. */
  what: string;
}) {
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="var(--mantine-color-yellow-light)"
      style={{ borderColor: 'var(--mantine-color-yellow-outline)' }}
      role="group"
      aria-label="Witness"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon color="yellow" variant="filled" size="md" radius="xl" aria-hidden>
            <IconSignature size={16} />
          </ThemeIcon>
          <div>
            <Text fw={700} size="sm">
              Witness signs with their own credentials
            </Text>
            <Text size="xs">
              Hand the device to the witness: they watch {what} and type their own email and password now. It
              is checked once and not remembered.
            </Text>
          </div>
        </Group>
        <TextInput
          label="Witness email"
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={value.email}
          onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
          error={errors['witness.email']}
          {...noManager}
        />
        <PasswordInput
          label="Witness password"
          autoComplete="off"
          required
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
          error={errors['witness.password']}
          {...noManager}
        />
      </Stack>
    </Paper>
  );
}
