import {
  IconAlertTriangle,
  IconArmchair,
  IconChartLine,
  IconClipboardList,
  IconDeviceHeartMonitor,
  IconHeartRateMonitor,
  IconInbox,
  IconUsers,
  IconVaccineBottle,
  type Icon,
} from '@tabler/icons-react';
import { rolesAllowed } from '@openkap/domain/auth/permissions';
import type { StaffRole } from '@openkap/domain/auth/schema';

export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  roles?: StaffRole[];
  badge?: 'safety' | 'devices';
}

export const navItems: NavItem[] = [
  { to: '/app/infusions', label: 'Infusion room', icon: IconArmchair },
  { to: '/app/patients', label: 'Patients', icon: IconUsers },
  { to: '/app/safety-alerts', label: 'Safety alerts', icon: IconAlertTriangle, badge: 'safety' },
  {
    to: '/app/device-messages',
    label: 'Monitor messages',
    icon: IconHeartRateMonitor,
    roles: [...rolesAllowed('devices.review')],
    badge: 'devices',
  },
  {
    to: '/app/devices',
    label: 'Monitors',
    icon: IconDeviceHeartMonitor,
    // Those who set monitors up. The front desk (read only) opens the list from Monitor messages, so
    // its header, which also has Leads, still fits a 1180 px tablet.
    roles: [...rolesAllowed('devices.configure')],
  },
  { to: '/app/protocols', label: 'Protocols', icon: IconClipboardList },
  {
    to: '/app/ledger',
    label: 'Ledger',
    icon: IconVaccineBottle,
    // The controlled-substance ledger: only those who may handle ketamine (not therapist, billing or
    // the front desk).
    roles: [...rolesAllowed('ledger.read')],
  },
  {
    to: '/app/reports',
    label: 'Outcomes',
    icon: IconChartLine,
    // The medical director and the administrator.
    roles: [...rolesAllowed('reports.view')],
  },
  { to: '/app/leads', label: 'Leads', icon: IconInbox, roles: ['front_desk', 'admin'] },
];
