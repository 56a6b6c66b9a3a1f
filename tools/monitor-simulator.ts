/**
 * Bedside-monitor simulator for demos: feeds one patient's vital signs to OpenKAP as FHIR R4
 * Observations (HR, BP panel, SpO2, RR) every few seconds, following the typical course of a
 * ketamine infusion (BP and HR rise to a peak near 40 min, then settle). `--spike` adds a
 * hypertensive episode so the console's alert can be seen.
 *
 *   npm run simulate -- --patient <patientId> [--url http://localhost:3000] [--every 5] [--spike] [--count 60]
 *   (signs in as the demo nurse unless OPENKAP_TOKEN holds a bearer token)
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    url: { type: 'string', default: 'http://localhost:3000' },
    patient: { type: 'string' },
    every: { type: 'string', default: '5' },
    count: { type: 'string', default: '120' },
    spike: { type: 'boolean', default: false },
    email: { type: 'string', default: 'nurse@demo.clinic' },
    password: { type: 'string', default: 'openkap-demo' },
    minutesPerTick: { type: 'string', default: '1' },
  },
});

if (values.help) {
  console.log(
    `usage: npm run simulate -- --patient <patientId> [--url http://localhost:3000] [--every 5] [--count 120] [--spike]`,
  );
  process.exit(0);
}

if (!values.patient) {
  console.error('usage: npm run simulate -- --patient <patientId> [--spike]');
  process.exit(2);
}

async function authHeader(): Promise<Record<string, string>> {
  if (process.env.OPENKAP_TOKEN) {
    return { authorization: `Bearer ${process.env.OPENKAP_TOKEN}` };
  }
  const res = await fetch(`${values.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: values.email, password: values.password }),
  });
  if (!res.ok) {
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  }
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return { cookie };
}

const loinc = (code: string, display: string) => ({ system: 'http://loinc.org', code, display });
const quantity = (value: number, unit: string) => ({
  value,
  unit,
  system: 'http://unitsofmeasure.org',
  code: unit,
});

function observations(
  patientId: string,
  at: string,
  v: { hr: number; sbp: number; dbp: number; spo2: number; rr: number },
) {
  const base = {
    resourceType: 'Observation',
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    device: { display: 'OpenKAP monitor simulator' },
  };
  return [
    { ...base, code: { coding: [loinc('8867-4', 'Heart rate')] }, valueQuantity: quantity(v.hr, '/min') },
    {
      ...base,
      code: { coding: [loinc('85354-9', 'Blood pressure panel')] },
      component: [
        {
          code: { coding: [loinc('8480-6', 'Systolic blood pressure')] },
          valueQuantity: quantity(v.sbp, 'mm[Hg]'),
        },
        {
          code: { coding: [loinc('8462-4', 'Diastolic blood pressure')] },
          valueQuantity: quantity(v.dbp, 'mm[Hg]'),
        },
      ],
    },
    {
      ...base,
      code: { coding: [loinc('2708-6', 'Oxygen saturation'), loinc('59408-5', 'SpO2 by pulse oximetry')] },
      valueQuantity: quantity(v.spo2, '%'),
    },
    {
      ...base,
      code: { coding: [loinc('9279-1', 'Respiratory rate')] },
      valueQuantity: quantity(v.rr, '/min'),
    },
  ];
}

/** Minute m of the session → readings (peak effect near 40 min; small noise). */
export function courseAt(m: number, spike: boolean) {
  const rise = m <= 40 ? m / 40 : Math.max(0, 1 - (m - 40) / 40);
  const noise = () => Math.round(Math.random() * 4 - 2);
  const extra = spike && m >= 18 && m <= 26 ? 50 : 0;
  return {
    hr: 72 + Math.round(10 * rise) + noise(),
    sbp: 122 + Math.round(16 * rise) + extra + noise(),
    dbp: 78 + Math.round(11 * rise) + Math.round(extra / 3) + noise(),
    spo2: 97 + Math.round(Math.random()),
    rr: 14 + Math.round(Math.random() * 2),
  };
}

const headers = { ...(await authHeader()), 'content-type': 'application/fhir+json' };
const count = Number(values.count);
for (let tick = 0; tick < count; tick++) {
  const minute = tick * Number(values.minutesPerTick);
  const v = courseAt(minute, values.spike);
  for (const obs of observations(values.patient, new Date().toISOString(), v)) {
    const res = await fetch(`${values.url}/fhir/R4/Observation`, {
      method: 'POST',
      headers,
      body: JSON.stringify(obs),
    });
    if (!res.ok) {
      console.error(`rejected (${res.status}): ${await res.text()}`);
    }
  }
  console.log(`min ${minute}: HR ${v.hr}  BP ${v.sbp}/${v.dbp}  SpO2 ${v.spo2}%  RR ${v.rr}`);
  if (tick < count - 1) {
    await new Promise((r) => setTimeout(r, Number(values.every) * 1000));
  }
}
