import { Anchor, Box, Button, Container, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Brand } from '../app/Brand.tsx';
import classes from './FrontDoor.module.css';

const links = [
  { href: '#treatment', label: 'Treatment' },
  { href: '#side-effects', label: 'Side effects' },
  { href: '#safety', label: 'Safety' },
  { href: '#insurance', label: 'Insurance' },
  { href: '#patients', label: 'For patients' },
];

export function PublicHeader() {
  return (
    <Box component="header" className={classes.header}>
      <Container size="lg" h={68}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Anchor href="#top" underline="never" c="inherit" aria-label="OpenKAP, top of page">
            <Brand name="OpenKAP" subtitle="Ketamine infusion clinic" />
          </Anchor>
          <Group component="nav" aria-label="On this page" gap="lg" visibleFrom="md" wrap="nowrap">
            {links.map((link) => (
              <Anchor
                key={link.href}
                href={link.href}
                c="inherit"
                fw={500}
                size="sm"
                style={{ whiteSpace: 'nowrap' }}
              >
                {link.label}
              </Anchor>
            ))}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button
              component={Link}
              to="/signin"
              variant="subtle"
              leftSection={<IconLock size={16} aria-hidden />}
            >
              Staff sign-in
            </Button>
            <Button component="a" href="#consultation" visibleFrom="sm">
              Request a consultation
            </Button>
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
