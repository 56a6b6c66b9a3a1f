// Words and icons for monitor alarms (IHE PCD-04), shared by the alarm banner and the timeline.
import {
  IconAlertCircle,
  IconAlertTriangleFilled,
  IconBell,
  IconInfoCircle,
  type Icon,
} from '@tabler/icons-react';
import type { DeviceAlarmPriority } from '../api/types.ts';

export const alarmPriority: Record<
  DeviceAlarmPriority,
  { label: string; color: string; icon: Icon; rank: number }
> = {
  PH: { label: 'High priority', color: 'red', icon: IconAlertTriangleFilled, rank: 0 },
  PM: { label: 'Medium priority', color: 'orange', icon: IconAlertCircle, rank: 1 },
  PL: { label: 'Low priority', color: 'yellow', icon: IconInfoCircle, rank: 2 },
  PN: { label: 'No priority', color: 'gray', icon: IconBell, rank: 3 },
};

export const alertTypeLabel: Record<string, string> = {
  SP: 'physiological',
  ST: 'technical',
  SA: 'advisory',
};

/** MDC source codes the monitor names, in words; anything else is shown as sent. */
const SOURCE_WORDS: Record<string, string> = {
  MDC_PULS_OXIM_SAT_O2: 'SpO2',
  MDC_PULS_OXIM_PULS_RATE: 'Pulse rate',
  MDC_ECG_HEART_RATE: 'Heart rate',
  MDC_PRESS_BLD_NONINV_SYS: 'NIBP systolic',
  MDC_PRESS_BLD_NONINV_DIA: 'NIBP diastolic',
  MDC_PRESS_CUFF_SYS: 'NIBP systolic',
  MDC_PRESS_CUFF_DIA: 'NIBP diastolic',
  MDC_RESP_RATE: 'Respiratory rate',
  MDC_CONC_AWAY_CO2_EXP: 'EtCO2',
  MDC_TEMP: 'Temperature',
};

export function alarmSource(source: string | null): string | null {
  return source ? (SOURCE_WORDS[source] ?? source) : null;
}
