import { Card, List, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileInvoice, IconPhoneCall } from '@tabler/icons-react';
import { Section } from './Section.tsx';

export function InsuranceSection() {
  return (
    <Section
      id="insurance"
      eyebrow="Insurance and cost"
      title="Coverage varies — check with your insurer"
      intro="Some plans cover ketamine treatment and many do not; it depends on your plan and your diagnosis."
      tinted
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Card>
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
            <IconPhoneCall size={24} />
          </ThemeIcon>
          <Title order={3} size="h4" mt="md">
            Questions to ask your insurer
          </Title>
          <List mt="xs" spacing={6}>
            <List.Item>Is IV ketamine treatment covered for my condition?</List.Item>
            <List.Item>How much is my deductible, and how much of it have I met?</List.Item>
            <List.Item>What co-insurance or co-pay would I owe per visit?</List.Item>
            <List.Item>Do you reimburse out-of-network care?</List.Item>
          </List>
        </Card>
        <Card>
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
            <IconFileInvoice size={24} />
          </ThemeIcon>
          <Title order={3} size="h4" mt="md">
            Superbills for reimbursement
          </Title>
          <Text mt="xs" c="dimmed">
            If you pay the clinic directly, we can give you a superbill: an itemised statement with the
            diagnosis and procedure codes your insurer needs. You send it to them to claim any reimbursement
            your plan allows.
          </Text>
        </Card>
      </SimpleGrid>
    </Section>
  );
}
