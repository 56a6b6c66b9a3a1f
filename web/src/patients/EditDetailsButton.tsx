// "Edit details" on the chart header: a modal form prefilled from the chart.
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type { Patient } from '../api/types.ts';
import { EditDetailsForm } from './EditDetailsForm.tsx';

export function EditDetailsButton({
  patient,
  onChange,
}: {
  patient: Patient;
  onChange: (p: Patient) => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={open}>
        Edit details
      </Button>
      <Modal opened={opened} onClose={close} title="Edit patient details" size="lg">
        {opened ? (
          <EditDetailsForm
            patient={patient}
            onCancel={close}
            onSaved={(saved) => {
              onChange(saved);
              close();
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
