// Protocols: the clinic's dosing and series defaults. Physicians and admins edit; everyone else reads.
import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Protocol } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { protocolsApi } from './api.ts';
import { ProtocolCard } from './ProtocolCard.tsx';

export function ProtocolsPage() {
  const { can, cannot } = usePermissions();
  const resource = useResource('protocols', (signal) => protocolsApi.list(signal));
  const canEdit = can('protocols.edit');

  const replace = (saved: Protocol) =>
    resource.setData({
      protocols: (resource.data?.protocols ?? []).map((p) => (p.id === saved.id ? saved : p)),
    });

  let body;
  if (resource.error) {
    body = <ErrorState error={resource.error} onRetry={resource.reload} />;
  } else if (!resource.data) {
    body = <LoadingState label="Loading protocols…" />;
  } else if (resource.data.protocols.length === 0) {
    body = <EmptyNote>No protocols yet.</EmptyNote>;
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {resource.data.protocols.map((protocol) => (
          <ProtocolCard key={protocol.id} protocol={protocol} canEdit={canEdit} onSaved={replace} />
        ))}
      </SimpleGrid>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title="Protocols" description="Dosing limits, preparation and series defaults." />
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        Edits apply to treatment plans started after saving. Running plans keep the copy of the protocol they
        started with.
        {canEdit ? null : ` ${cannot('protocols.edit', 'edit protocols')}`}
      </Alert>
      {body}
    </Stack>
  );
}
