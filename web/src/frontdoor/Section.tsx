import { Box, Container, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  eyebrow: string;
  title: string;
  intro?: ReactNode;
  tinted?: boolean;
  children: ReactNode;
}

/** One topic of the public page, with its own heading so screen-reader users can jump between them. */
export function Section({ id, eyebrow, title, intro, tinted, children }: Props) {
  return (
    <Box
      component="section"
      id={id}
      aria-labelledby={`${id}-title`}
      py={{ base: 48, sm: 72 }}
      bg={tinted ? 'var(--mantine-color-gray-light)' : undefined}
      style={{ scrollMarginTop: 72 }}
    >
      <Container size="lg">
        <Text tt="uppercase" fw={700} size="xs" c="clinic" style={{ letterSpacing: '0.08em' }}>
          {eyebrow}
        </Text>
        <Title
          order={2}
          id={`${id}-title`}
          mt={6}
          maw={760}
          style={{ fontSize: 'clamp(1.6rem, 1.2rem + 1.4vw, 2.25rem)' }}
        >
          {title}
        </Title>
        {intro ? (
          <Text size="lg" c="dimmed" mt="sm" maw={760}>
            {intro}
          </Text>
        ) : null}
        <Box mt="xl">{children}</Box>
      </Container>
    </Box>
  );
}
