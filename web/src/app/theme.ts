// The clinic look: a deep teal primary that keeps white text above 4.5:1, system "Inter-like" fonts,
// generous radii and a visible keyboard focus ring.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const clinic: MantineColorsTuple = [
  '#e6f7f8',
  '#c9ecef',
  '#9bdbe1',
  '#67c6d0',
  '#3aafbc',
  '#1c97a6',
  '#128092',
  '#0d6b7b',
  '#0a5764',
  '#06434d',
];

// Darker top halves than Mantine's defaults so white text on filled red / orange / teal / blue
// (alerts, stage badges, Stop and Discharge buttons) stays at or above 4.5:1.
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#e03131',
  '#c92a2a',
  '#a61e1e',
  '#861818',
];
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#e8590c',
  '#c2410c',
  '#9a3412',
  '#7c2d12',
];
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#0ca678',
  '#087f5b',
  '#066649',
  '#054d37',
];
const blue: MantineColorsTuple = [
  '#e7f5ff',
  '#d0ebff',
  '#a5d8ff',
  '#74c0fc',
  '#4dabf7',
  '#339af0',
  '#1c7ed6',
  '#1864ab',
  '#144f86',
  '#103e69',
];

const fontStack =
  'Inter, "InterVariable", ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export const theme = createTheme({
  colors: { clinic, red, orange, teal, blue },
  primaryColor: 'clinic',
  primaryShade: { light: 7, dark: 7 },
  fontFamily: fontStack,
  headings: { fontFamily: fontStack, fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Badge: { defaultProps: { radius: 'sm' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    // A table that scrolls sideways on a phone can be scrolled from the keyboard (WCAG 2.1.1).
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // Dialogs and drawers: their close buttons are icons, so name them.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Toasts: a named close button, and body text dark enough for 4.5:1 (Mantine's dimmed grey is 3.3:1).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
  },
});
