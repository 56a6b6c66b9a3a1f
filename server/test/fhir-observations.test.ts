import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startClinic, type TestClinic } from './harness.ts';
import {
  bloodPressure,
  countRows,
  fhir,
  LOINC,
  patientResource,
  UCUM,
  vital,
  vitalCategory,
  type Outcome,
  type SearchSet,
} from './fhir-helpers.ts';

interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}
interface Observation {
  resourceType: string;
  id: string;
  meta: { lastUpdated: string; profile: string[] };
  status: string;
  category: { coding: { system: string; code: string }[] }[];
  code: { coding: { system: string; code: string }[] };
  subject: { reference: string };
  effectiveDateTime: string;
  valueQuantity?: Quantity;
  component?: { code: { coding: { system: string; code: string }[] }; valueQuantity: Quantity }[];
  device?: { display: string };
}

const MDC = 'urn:iso:std:iso:11073:10101';

describe.each(backends)('FHIR R4: vital-sign Observations (%s)', (backend) => {
  let t: TestClinic;
  let nurse: Record<string, string>;
  let patientId: string;
  let otherPatientId: string;
  const post = (body: unknown) =>
    fhir<Observation & Outcome>(t.app, 'POST', 'Observation', { headers: nurse, body });
  const search = (query: string) =>
    fhir<SearchSet<Observation>>(t.app, 'GET', `Observation?${query}`, { headers: nurse });

  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
    patientId = (
      await fhir<{ id: string }>(t.app, 'POST', 'Patient', {
        headers: nurse,
        body: patientResource('Vitale', 'Rosa'),
      })
    ).body.id;
    otherPatientId = (
      await fhir<{ id: string }>(t.app, 'POST', 'Patient', {
        headers: nurse,
        body: patientResource('Other', 'Otto'),
      })
    ).body.id;
  });
  afterAll(() => t.close());

  it('stores a heart rate: 201, Location, LOINC then MDC coding, device, and reads it back', async () => {
    const res = await post(
      vital(patientId, '8867-4', 72, '/min', '2026-11-20T14:00:00Z', {
        device: { display: 'Monitor bay 3' },
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.location).toBe(`http://localhost:3000/fhir/R4/Observation/${res.body.id}`);
    expect(res.body).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: '2026-11-20T14:00:00.000Z',
    });
    expect(res.body.category[0]?.coding[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'vital-signs',
    });
    expect(res.body.code.coding.map((c) => `${c.system}|${c.code}`)).toEqual([
      `${LOINC}|8867-4`,
      `${MDC}|147842`,
    ]);
    expect(res.body.valueQuantity).toMatchObject({ value: 72, system: UCUM, code: '/min' });
    expect(res.body.device).toEqual({ display: 'Monitor bay 3' });
    expect(res.body.meta.profile).toContain('http://hl7.org/fhir/StructureDefinition/heartrate');
    const read = await fhir<Observation>(t.app, 'GET', `Observation/${res.body.id}`, { headers: nurse });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    const row = await t.database.db
      .selectFrom('vital_signs')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'hr',
      value: 72,
      source: 'fhir',
      device: 'Monitor bay 3',
      patient_id: patientId,
    });
  });

  it('stores blood pressure as one row with two components', async () => {
    const res = await post(bloodPressure(patientId, 128, 82, '2026-11-20T14:00:00Z'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.code.coding.map((c) => c.code)).toEqual(['85354-9', '150020']);
    expect(res.body.valueQuantity).toBeUndefined();
    expect(
      res.body.component?.map((c) => [
        c.code.coding.map((k) => k.code),
        c.valueQuantity.value,
        c.valueQuantity.code,
      ]),
    ).toEqual([
      [['8480-6', '150021'], 128, 'mm[Hg]'],
      [['8462-4', '150022'], 82, 'mm[Hg]'],
    ]);
    const row = await t.database.db
      .selectFrom('vital_signs')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'bp', value: 128, diastolic: 82 });
  });

  it('stores SpO2 (2708-6 + 59408-5), respiratory rate and temperature (°F converted to °C)', async () => {
    const spo2 = await post({
      ...vital(patientId, '2708-6', 97, '%', '2026-11-20T14:10:00Z'),
      code: {
        coding: [
          { system: LOINC, code: '2708-6' },
          { system: LOINC, code: '59408-5' },
        ],
      },
    });
    expect(spo2.status, JSON.stringify(spo2.body)).toBe(201);
    expect(spo2.body.code.coding.map((c) => c.code)).toEqual(['2708-6', '59408-5', '150456']);
    const rr = await post(vital(patientId, '9279-1', 14, '/min', '2026-11-20T14:10:00Z'));
    expect(rr.status).toBe(201);
    expect(rr.body.code.coding.map((c) => c.code)).toEqual(['9279-1', '151562']);
    const temp = await post(vital(patientId, '8310-5', 98.6, '[degF]', '2026-11-20T09:20:00-05:00'));
    expect(temp.status, JSON.stringify(temp.body)).toBe(201);
    expect(temp.body.valueQuantity).toMatchObject({ value: 37, code: 'Cel', system: UCUM });
    expect(temp.body.effectiveDateTime).toBe('2026-11-20T14:20:00.000Z');
    expect(temp.body.code.coding.map((c) => c.code)).toEqual(['8310-5', '150344']);
    const celsius = await post(vital(otherPatientId, '8310-5', 36.6, 'Cel', '2026-11-20'));
    expect(celsius.status).toBe(201);
  });

  it('searches by patient, category, code, date ranges, _count and _sort', async () => {
    const all = await search(`patient=Patient/${patientId}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(
      all.body.entry?.every(
        (e) => e.search.mode === 'match' && e.fullUrl.endsWith(`/Observation/${e.resource.id}`),
      ),
    ).toBe(true);
    // Newest first by default; _sort=date gives oldest first.
    expect(all.body.entry?.[0]?.resource.code.coding[0]?.code).toBe('8310-5');
    const oldest = await search(`patient=${patientId}&_sort=date`);
    expect(oldest.body.entry?.[0]?.resource.effectiveDateTime).toBe('2026-11-20T14:00:00.000Z');
    expect((await search(`patient=${patientId}&category=vital-signs`)).body.total).toBe(5);
    expect((await search(`subject=Patient/${patientId}&category=survey`)).body.total).toBe(0);
    expect((await search(`patient=${patientId}&code=${LOINC}|8867-4`)).body.total).toBe(1);
    expect((await search(`patient=${patientId}&code=8867-4,9279-1`)).body.total).toBe(2);
    expect((await search(`patient=${patientId}&code=${MDC}|150456`)).body.total).toBe(1);
    expect((await search(`patient=${patientId}&code=59408-5`)).body.total).toBe(1);
    expect((await search(`patient=${patientId}&code=http://snomed.info/sct|8867-4`)).body.total).toBe(0);

    const window = await search(
      `patient=${patientId}&date=ge2026-11-20T14:05:00Z&date=lt2026-11-20T14:15:00Z`,
    );
    expect(window.body.total).toBe(2);
    expect(window.body.entry?.map((e) => e.resource.code.coding[0]?.code).sort()).toEqual([
      '2708-6',
      '9279-1',
    ]);
    expect((await search(`patient=${patientId}&date=gt2026-11-20T14:00:00Z`)).body.total).toBe(3);
    expect((await search(`patient=${patientId}&date=le2026-11-20T14:00:00Z`)).body.total).toBe(2);
    expect((await search(`patient=${patientId}&date=lt2026-11-20T14:00:00Z`)).body.total).toBe(0);
    expect((await search(`patient=${patientId}&date=2026-11-20`)).body.total).toBe(5);
    expect((await search(`patient=${patientId}&date=eq2026-11-19`)).body.total).toBe(0);
    expect((await search(`patient=${patientId}&date=ne2026-11-20T14:00:00Z`)).body.total).toBe(3);

    const page = await search(`patient=${patientId}&_count=2`);
    expect(page.body.total).toBe(5);
    expect(page.body.entry).toHaveLength(2);
    expect(page.body.link.find((l) => l.relation === 'self')?.url).toContain('_count=2');
    expect(page.body.link.find((l) => l.relation === 'next')?.url).toContain('_offset=2');
    const counted = await search(`patient=${patientId}&_count=0`);
    expect(counted.body.total).toBe(5);
    expect(counted.body.entry ?? []).toHaveLength(0);

    expect((await search(`patient=${otherPatientId}`)).body.total).toBe(1);
    expect((await search('patient=not-a-patient')).body.total).toBe(0);
    expect((await search('category=vital-signs&_count=1000')).body.total).toBe(6);
  });

  it('refuses bad search parameters with 400 (and unknown ones only under Prefer: handling=strict)', async () => {
    for (const q of ['date=2026-13-01', 'date=soon', '_count=-1', '_sort=code', 'code:text=heart']) {
      const res = await fhir<Outcome>(t.app, 'GET', `Observation?patient=${patientId}&${q}`, {
        headers: nurse,
      });
      expect(res.status, q).toBe(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
    expect((await search(`patient=${patientId}&colour=blue`)).body.total).toBe(5);
    const strict = await fhir<Outcome>(t.app, 'GET', `Observation?patient=${patientId}&colour=blue`, {
      headers: { ...nurse, prefer: 'handling=strict' },
    });
    expect(strict.status).toBe(400);
  });

  it('refuses invalid vital signs with an OperationOutcome and stores nothing', async () => {
    const before = await countRows(t.database.db, 'vital_signs');
    const hr = (extra: Record<string, unknown> = {}) => ({
      ...vital(patientId, '8867-4', 70, '/min', '2026-11-20T14:30:00Z'),
      ...extra,
    });
    const cases: [string, unknown, number, string | undefined][] = [
      ['missing subject', hr({ subject: undefined }), 400, 'Observation.subject'],
      [
        'unknown patient',
        hr({ subject: { reference: 'Patient/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000' } }),
        400,
        'Observation.subject',
      ],
      [
        'subject not a patient',
        hr({ subject: { reference: 'Group/1' } }),
        400,
        'Observation.subject.reference',
      ],
      [
        'wrong unit',
        hr({ valueQuantity: { value: 70, unit: 'bpm', system: UCUM, code: 'bpm' } }),
        400,
        'Observation.valueQuantity.code',
      ],
      [
        'not UCUM',
        hr({ valueQuantity: { value: 70, unit: '/min', code: '/min' } }),
        400,
        'Observation.valueQuantity.system',
      ],
      ['no value', hr({ valueQuantity: undefined }), 400, 'Observation.valueQuantity'],
      [
        'value as a string',
        hr({ valueQuantity: { value: '70', system: UCUM, code: '/min' } }),
        400,
        'Observation.valueQuantity.value',
      ],
      [
        'negative heart rate',
        hr({ valueQuantity: { value: -5, unit: '/min', system: UCUM, code: '/min' } }),
        422,
        'Observation.valueQuantity.value',
      ],
      [
        'SpO2 above 100 %',
        vital(patientId, '2708-6', 101, '%', '2026-11-20T14:30:00Z'),
        422,
        'Observation.valueQuantity.value',
      ],
      ['diastolic above systolic', bloodPressure(patientId, 80, 120, '2026-11-20T14:30:00Z'), 422, undefined],
      [
        'BP in kPa',
        bloodPressure(patientId, 120, 80, '2026-11-20T14:30:00Z', 'kPa'),
        400,
        'Observation.component[0].valueQuantity.code',
      ],
      [
        'BP without diastolic',
        {
          ...bloodPressure(patientId, 120, 80, '2026-11-20T14:30:00Z'),
          component: [bloodPressure(patientId, 120, 80, '').component[0]],
        },
        400,
        'Observation.component',
      ],
      ['no category', hr({ category: undefined }), 400, 'Observation.category'],
      [
        'laboratory category',
        hr({
          category: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
              ],
            },
          ],
        }),
        400,
        'Observation.category',
      ],
      ['no status', hr({ status: undefined }), 400, 'Observation.status'],
      ['bogus status', hr({ status: 'done' }), 400, 'Observation.status'],
      ['no LOINC code', hr({ code: { text: 'pulse' } }), 400, 'Observation.code.coding'],
      [
        'unsupported LOINC code',
        hr({ code: { coding: [{ system: LOINC, code: '29463-7' }] } }),
        422,
        'Observation.code',
      ],
      ['no effective time', hr({ effectiveDateTime: undefined }), 400, 'Observation.effectiveDateTime'],
      ['month precision', hr({ effectiveDateTime: '2026-11' }), 400, 'Observation.effectiveDateTime'],
      [
        'time without zone',
        hr({ effectiveDateTime: '2026-11-20T14:30:00' }),
        400,
        'Observation.effectiveDateTime',
      ],
      [
        'in the future',
        hr({ effectiveDateTime: '2026-11-21T14:30:00Z' }),
        400,
        'Observation.effectiveDateTime',
      ],
      ['valueString', hr({ valueQuantity: undefined, valueString: '70' }), 400, 'Observation.valueString'],
      ['wrong resourceType', { ...hr(), resourceType: 'Patient' }, 400, 'Observation.resourceType'],
      ['array body', [hr()], 400, undefined],
    ];
    for (const [name, body, status, expression] of cases) {
      const res = await post(body);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.resourceType, name).toBe('OperationOutcome');
      expect(res.body.issue[0]?.severity, name).toBe('error');
      expect(res.body.issue[0]?.diagnostics, name).toBeTruthy();
      if (expression) {
        expect(res.body.issue[0]?.expression, name).toEqual([expression]);
      }
    }
    const malformed = await fhir<Outcome>(t.app, 'POST', 'Observation', {
      headers: nurse,
      raw: '{"resourceType":"Observation",',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.issue[0]?.code).toBe('structure');
    const empty = await fhir<Outcome>(t.app, 'POST', 'Observation', { headers: nurse, raw: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.resourceType).toBe('OperationOutcome');
    expect(await countRows(t.database.db, 'vital_signs')).toBe(before);
  });

  it('attaches a reading to the patient’s open infusion and tells the live console', async () => {
    const plan = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${otherPatientId}/plan`,
      headers: await t.as('physician'),
      payload: { protocolId: 'iv-depression' },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const chair = await t.database.db
      .insertInto('chairs')
      .values({ clinic_id: t.clinicId, name: 'Chair 1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scheduled = await t.app.inject({
      method: 'POST',
      url: '/api/infusions',
      headers: nurse,
      payload: { patientId: otherPatientId, chairId: chair.id },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const infusionId = (JSON.parse(scheduled.body) as { infusion: { id: string } }).infusion.id;
    let told = 0;
    const unsubscribe = t.live.subscribe(infusionId, () => told++);
    const res = await post(vital(otherPatientId, '8867-4', 88, '/min', '2026-11-20T14:50:00Z'));
    unsubscribe();
    expect(res.status).toBe(201);
    const row = await t.database.db
      .selectFrom('vital_signs')
      .select('infusion_id')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.infusion_id).toBe(infusionId);
    expect(told).toBe(1);
  });

  it('reads unknown Observations as 404', async () => {
    for (const id of [
      '7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000',
      'qr-7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000',
      'nope',
    ]) {
      const res = await fhir<Outcome>(t.app, 'GET', `Observation/${id}`, { headers: nurse });
      expect(res.status, id).toBe(404);
      expect(res.body.issue[0]?.code).toBe('not-found');
    }
  });

  it('answers Prefer: return=minimal with an empty 201 and a Location', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/fhir/R4/Observation',
      headers: { ...nurse, 'content-type': 'application/fhir+json', prefer: 'return=minimal' },
      payload: JSON.stringify({
        ...vital(patientId, '9279-1', 16, '/min', '2026-11-20T14:40:00Z'),
        category: vitalCategory,
      }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).toBe('');
    expect(res.headers.location).toMatch(/\/fhir\/R4\/Observation\/[0-9a-f-]{36}$/);
  });
});
