import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClinic, insertStaff } from '../src/demo/store.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { backends, PASSWORD, startClinic, type TestClinic } from './harness.ts';
import { countRows, fhir, patientResource, vital, type Outcome, type SearchSet } from './fhir-helpers.ts';

interface Patient {
  resourceType: string;
  id: string;
  meta: { lastUpdated: string };
  identifier: { system: string; value: string }[];
  name: { use: string; family: string; given: string[] }[];
  gender: string;
  birthDate: string;
  telecom?: { system: string; value: string }[];
  address?: { text: string }[];
  extension: { url: string; valueCodeableConcept: { coding: { system: string; code: string }[] } }[];
}

const INDICATION = 'https://openkap.org/fhir/StructureDefinition/indication';

describe.each(backends)('FHIR R4: metadata, auth, Patient (%s)', (backend) => {
  let t: TestClinic;
  let nurse: Record<string, string>;
  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
  });
  afterAll(() => t.close());

  it('serves a CapabilityStatement without authentication', async () => {
    const res = await fhir<
      Record<string, unknown> & {
        rest: { mode: string; resource: { type: string; interaction: { code: string }[] }[] }[];
      }
    >(t.app, 'GET', 'metadata');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.body).toMatchObject({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
    });
    expect(res.body.format).toContain('json');
    const rest = res.body.rest[0];
    expect(rest?.mode).toBe('server');
    expect(rest?.resource.map((r) => r.type)).toEqual([
      'Patient',
      'Observation',
      'QuestionnaireResponse',
      'Questionnaire',
    ]);
    const observation = rest?.resource.find((r) => r.type === 'Observation');
    expect(observation?.interaction.map((i) => i.code)).toEqual(['create', 'read', 'search-type']);
  });

  it('answers 401 with an OperationOutcome without credentials, and accepts a bearer token', async () => {
    const anonymous = await fhir<Outcome>(t.app, 'GET', 'Patient');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.resourceType).toBe('OperationOutcome');
    expect(anonymous.body.issue[0]?.code).toBe('login');
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(
      (await fhir(t.app, 'GET', 'Patient', { headers: { authorization: 'Bearer not-a-real-token' } })).status,
    ).toBe(401);

    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: await t.as('admin'),
      payload: { label: 'EHR interface' },
    });
    expect(issued.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${JSON.parse(issued.body).token as string}` };
    const created = await fhir<Patient>(t.app, 'POST', 'Patient', {
      headers: bearer,
      body: patientResource('Token', 'Tess'),
    });
    expect(created.status).toBe(201);
    expect(
      (await fhir<Patient>(t.app, 'GET', `Patient/${created.body.id}`, { headers: bearer })).status,
    ).toBe(200);
    // The token acts as its admin, who may not chart vital signs: 403 as an OperationOutcome.
    const refused = await fhir<Outcome>(t.app, 'POST', 'Observation', {
      headers: bearer,
      body: vital(created.body.id, '8867-4', 70, '/min', '2026-11-20T14:00:00Z'),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.issue[0]?.code).toBe('forbidden');
  });

  it('creates a Patient: 201, Location, id, meta, clinic MRN, default indication', async () => {
    const res = await fhir<Patient>(t.app, 'POST', 'Patient', {
      headers: nurse,
      body: patientResource('Okafor', 'Maya', {
        telecom: [
          { system: 'phone', value: '+1 555 0100' },
          { system: 'email', value: 'maya@example.org' },
        ],
        address: [{ line: ['12 Elm St'], city: 'Austin', state: 'TX', postalCode: '78701' }],
      }),
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers.location).toBe(`http://localhost:3000/fhir/R4/Patient/${res.body.id}`);
    expect(res.body.meta.lastUpdated).toMatch(/Z$/);
    expect(res.body.identifier[0]).toMatchObject({ system: 'urn:openkap:mrn' });
    expect(res.body.identifier[0]?.value).toMatch(/^K\d+$/);
    expect(res.body.name).toEqual([{ use: 'official', family: 'Okafor', given: ['Maya'] }]);
    expect(res.body).toMatchObject({ gender: 'female', birthDate: '1985-03-14' });
    expect(res.body.telecom).toEqual([
      { system: 'phone', value: '+1 555 0100' },
      { system: 'email', value: 'maya@example.org' },
    ]);
    expect(res.body.address).toEqual([{ text: '12 Elm St, Austin, TX 78701' }]);
    expect(res.body.extension[0]?.url).toBe(INDICATION);
    expect(res.body.extension[0]?.valueCodeableConcept.coding[0]).toEqual({
      system: 'http://hl7.org/fhir/sid/icd-10-cm',
      code: 'F32.A',
    });

    const read = await fhir<Patient>(t.app, 'GET', `Patient/${res.body.id}`, { headers: nurse });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('keeps a given MRN and indication, refuses a duplicate MRN, accepts application/json', async () => {
    const body = patientResource('Reyes', 'Daniel', {
      gender: 'male',
      identifier: [{ system: 'urn:openkap:mrn', value: 'EHR-2041' }],
      extension: [
        {
          url: INDICATION,
          valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.2' }] },
        },
      ],
    });
    const res = await fhir<Patient>(t.app, 'POST', 'Patient', {
      headers: nurse,
      body,
      contentType: 'application/json',
    });
    expect(res.status).toBe(201);
    expect(res.body.identifier[0]?.value).toBe('EHR-2041');
    expect(res.body.extension[0]?.valueCodeableConcept.coding[0]?.code).toBe('F33.2');
    const again = await fhir<Outcome>(t.app, 'POST', 'Patient', { headers: nurse, body });
    expect(again.status).toBe(422);
    expect(again.body.issue[0]).toMatchObject({ code: 'duplicate', expression: ['Patient.identifier'] });
  });

  it('searches by identifier (system|value or bare MRN) and by name, with _count and paging links', async () => {
    await fhir(t.app, 'POST', 'Patient', { headers: nurse, body: patientResource('Okafor', 'Ngozi') });
    const byMrn = await fhir<SearchSet<Patient>>(
      t.app,
      'GET',
      'Patient?identifier=urn:openkap:mrn|EHR-2041',
      { headers: nurse },
    );
    expect(byMrn.status).toBe(200);
    expect(byMrn.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    const entry = byMrn.body.entry?.[0];
    expect(entry?.search.mode).toBe('match');
    expect(entry?.fullUrl).toBe(`http://localhost:3000/fhir/R4/Patient/${entry?.resource.id}`);
    expect(entry?.resource.name[0]?.family).toBe('Reyes');
    expect(byMrn.body.link.find((l) => l.relation === 'self')?.url).toContain(
      'identifier=urn%3Aopenkap%3Amrn%7CEHR-2041',
    );

    expect(
      (await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?identifier=EHR-2041', { headers: nurse })).body
        .total,
    ).toBe(1);
    expect(
      (
        await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?identifier=http://other.example/mrn|EHR-2041', {
          headers: nurse,
        })
      ).body.total,
    ).toBe(0);

    const byName = await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?name=OKA', { headers: nurse });
    expect(byName.body.total).toBe(2);
    expect(byName.body.entry?.map((e) => e.resource.name[0]?.given[0])).toEqual(['Maya', 'Ngozi']);
    expect(
      (await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?name=ngo', { headers: nurse })).body.total,
    ).toBe(1);
    expect(
      (await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?name:contains=kaf', { headers: nurse })).body
        .total,
    ).toBe(2);
    expect(
      (await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?name=kaf', { headers: nurse })).body.total,
    ).toBe(0);

    const page = await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?name=okafor&_count=1', {
      headers: nurse,
    });
    expect(page.body.total).toBe(2);
    expect(page.body.entry).toHaveLength(1);
    const next = page.body.link.find((l) => l.relation === 'next')?.url;
    expect(next).toContain('_offset=1');
    const second = await fhir<SearchSet<Patient>>(
      t.app,
      'GET',
      (next ?? '').replace('http://localhost:3000/fhir/R4/', ''),
      { headers: nurse },
    );
    expect(second.body.entry?.[0]?.resource.name[0]?.given[0]).toBe('Ngozi');
    expect(second.body.link.some((l) => l.relation === 'next')).toBe(false);

    expect(
      (
        await fhir<SearchSet<Patient>>(
          t.app,
          'GET',
          'Patient?name=okafor&gender=female&birthdate=1985-03-14',
          { headers: nurse },
        )
      ).body.total,
    ).toBe(2);
    expect(
      (await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?birthdate=lt1985', { headers: nurse })).body
        .total,
    ).toBe(0);
    expect((await fhir<Outcome>(t.app, 'GET', 'Patient?_count=lots', { headers: nurse })).status).toBe(400);
  });

  it('refuses malformed Patients with an OperationOutcome naming the element, and stores nothing', async () => {
    const before = await countRows(t.database.db, 'patients');
    const cases: [unknown, string][] = [
      [{ resourceType: 'Patient', birthDate: '1985-03-14' }, 'Patient.name'],
      [
        { resourceType: 'Patient', name: [{ given: ['Ann'] }], birthDate: '1985-03-14' },
        'Patient.name[0].family',
      ],
      [patientResource('Lee', 'Ann', { birthDate: undefined }), 'Patient.birthDate'],
      [patientResource('Lee', 'Ann', { birthDate: '1985-03' }), 'Patient.birthDate'],
      [patientResource('Lee', 'Ann', { gender: 'f' }), 'Patient.gender'],
      [{ ...patientResource('Lee', 'Ann'), resourceType: 'Practitioner' }, 'Patient.resourceType'],
    ];
    for (const [body, expression] of cases) {
      const res = await fhir<Outcome>(t.app, 'POST', 'Patient', { headers: nurse, body });
      expect(res.status, expression).toBe(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
      expect(res.body.issue[0]?.expression, JSON.stringify(res.body)).toEqual([expression]);
      expect(res.body.issue[0]?.diagnostics).toBeTruthy();
    }
    const malformed = await fhir<Outcome>(t.app, 'POST', 'Patient', {
      headers: nurse,
      raw: '{"resourceType": "Patient", ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.resourceType).toBe('OperationOutcome');
    const notJson = await fhir<Outcome>(t.app, 'POST', 'Patient', {
      headers: nurse,
      raw: 'hello',
      contentType: 'text/plain',
    });
    expect(notJson.status).toBe(415);
    expect(await countRows(t.database.db, 'patients')).toBe(before);
  });

  it('answers unknown ids 404, unsupported types 404 and unsupported interactions 405', async () => {
    const missing = await fhir<Outcome>(t.app, 'GET', 'Patient/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000', {
      headers: nurse,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.issue[0]?.code).toBe('not-found');
    expect((await fhir<Outcome>(t.app, 'GET', 'Patient/not-an-id', { headers: nurse })).status).toBe(404);
    const encounter = await fhir<Outcome>(t.app, 'GET', 'Encounter', { headers: nurse });
    expect(encounter.status).toBe(404);
    expect(encounter.body.resourceType).toBe('OperationOutcome');
    const del = await fhir<Outcome>(t.app, 'DELETE', 'Patient/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000', {
      headers: nurse,
    });
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET');
    expect((await fhir<Outcome>(t.app, 'PUT', 'Observation/x', { headers: nurse, body: {} })).status).toBe(
      405,
    );
  });

  it('keeps clinics apart', async () => {
    const otherClinic = await insertClinic(t.database.db, { name: 'Other', timeZone: 'UTC', isDemo: false });
    await insertStaff(t.database.db, {
      clinicId: otherClinic,
      email: 'nurse@fhir-other.clinic',
      name: 'Other nurse',
      role: 'nurse',
      passwordHash: await hashPassword(PASSWORD),
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nurse@fhir-other.clinic', password: PASSWORD },
    });
    const other = {
      cookie: `openkap_session=${login.cookies.find((c) => c.name === 'openkap_session')?.value}`,
    };
    const mine = await fhir<Patient>(t.app, 'POST', 'Patient', {
      headers: nurse,
      body: patientResource('Quill', 'Ada'),
    });
    expect((await fhir(t.app, 'GET', `Patient/${mine.body.id}`, { headers: other })).status).toBe(404);
    expect(
      (await fhir<SearchSet<Patient>>(t.app, 'GET', 'Patient?name=quill', { headers: other })).body.total,
    ).toBe(0);
    const before = await countRows(t.database.db, 'vital_signs');
    const obs = await fhir<Outcome>(t.app, 'POST', 'Observation', {
      headers: other,
      body: vital(mine.body.id, '8867-4', 70, '/min', '2026-11-20T14:00:00Z'),
    });
    expect(obs.status).toBe(400);
    expect(obs.body.issue[0]?.expression).toEqual(['Observation.subject']);
    expect(await countRows(t.database.db, 'vital_signs')).toBe(before);
  });
});
