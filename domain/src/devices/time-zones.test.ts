import { describe, expect, it } from 'vitest';
import { DeviceSettingsInput, RegisterDeviceInput } from './schema.ts';
import { isTimeZone, timeZoneChoices, timeZoneName } from './time-zones.ts';

describe('monitor time zones', () => {
  it('accepts IANA zone names and UTC, in their proper spelling', () => {
    expect(timeZoneName('America/Chicago')).toBe('America/Chicago');
    expect(timeZoneName(' america/chicago ')).toBe('America/Chicago');
    expect(timeZoneName('UTC')).toBe('UTC');
    expect(timeZoneName('utc')).toBe('UTC');
    expect(timeZoneName('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(timeZoneName('Etc/GMT+5')).toBe('Etc/GMT+5');
  });

  it('keeps an alias as given rather than the engine’s older canonical name', () => {
    expect(timeZoneName('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(timeZoneName('Europe/Kyiv')).toBe('Europe/Kyiv');
  });

  it('refuses names that are not zones, offsets, bare abbreviations and empty text', () => {
    for (const bad of [
      'Mars/Olympus',
      'America/Chicag',
      '+05:00',
      '-0600',
      'CST-6',
      '',
      '  ',
      'Europe/',
      '/UTC',
    ]) {
      expect(isTimeZone(bad), bad).toBe(false);
    }
  });

  it('offers the clinic’s zone first, then every zone once, with UTC', () => {
    const choices = timeZoneChoices(['America/Chicago', null, 'Nowhere/Land']);
    expect(choices[0]).toBe('America/Chicago');
    expect(choices).toContain('UTC');
    expect(choices).toContain('Europe/Berlin');
    expect(choices).not.toContain('Nowhere/Land');
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices.every(isTimeZone)).toBe(true);
  });
});

describe('monitor settings payloads', () => {
  it('normalises the zone, and an empty label to none', () => {
    expect(DeviceSettingsInput.parse({ timeZone: 'europe/berlin', label: '  ' })).toEqual({
      timeZone: 'Europe/Berlin',
      label: null,
    });
    expect(DeviceSettingsInput.parse({ timeZone: null, chairId: null })).toEqual({
      timeZone: null,
      chairId: null,
    });
  });

  it('says which field is wrong', () => {
    const zone = DeviceSettingsInput.safeParse({ timeZone: 'Central' });
    expect(zone.success).toBe(false);
    expect(zone.error?.issues[0]?.path).toEqual(['timeZone']);
    expect(zone.error?.issues[0]?.message).toContain('not a known time zone');
    expect(DeviceSettingsInput.safeParse({}).success).toBe(false);
    expect(DeviceSettingsInput.safeParse({ chairId: 'chair 2' }).success).toBe(false);
  });

  it('takes a device id exactly as the monitor sends it, without HL7 delimiters', () => {
    expect(RegisterDeviceInput.parse({ id: ' 0800A1FFFE00C002 ' }).id).toBe('0800A1FFFE00C002');
    expect(RegisterDeviceInput.parse({ id: 'GE MONITOR' }).id).toBe('GE MONITOR');
    for (const id of ['', 'MON^1', 'a|b', 'tab\there', 'x'.repeat(200)]) {
      expect(RegisterDeviceInput.safeParse({ id }).success, id).toBe(false);
    }
  });
});
