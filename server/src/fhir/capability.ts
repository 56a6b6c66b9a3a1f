import type { CapabilityStatement } from './types.ts';
import { instruments } from '@openkap/domain/instruments/registry';
import {
  ANSWER_LABEL_EXTENSION,
  INDICATION_EXTENSION,
  MRN_SYSTEM,
  questionnaireCanonical,
  QUESTIONNAIRE_BASE,
  SCORE_SYSTEM,
  scoreCoding,
  vitalCodes,
  VITAL_SIGNS_PROFILE,
} from './codes.ts';
import { DEFAULT_COUNT, MAX_COUNT, MAX_OFFSET } from './search.ts';

// What this server actually does, for GET [base]/metadata.
// See: https://hl7.org/fhir/R4/capabilitystatement.html
// See: https://hl7.org/fhir/R4/http.html#capabilities

const SP = 'http://hl7.org/fhir/SearchParameter';

interface SearchParam {
  name: string;
  type: 'token' | 'string' | 'date' | 'reference' | 'number' | 'uri';
  definition: string;
  documentation: string;
}

const paging = `_count (default ${DEFAULT_COUNT}, at most ${MAX_COUNT}) and _offset (at most ${MAX_OFFSET}) page the results.`;

const patientParams: SearchParam[] = [
  { name: '_id', type: 'token', definition: `${SP}/Resource-id`, documentation: 'Logical id.' },
  {
    name: 'identifier',
    type: 'token',
    definition: `${SP}/Patient-identifier`,
    documentation: `Clinic MRN: ${MRN_SYSTEM}|<mrn> or the bare MRN.`,
  },
  {
    name: 'name',
    type: 'string',
    definition: `${SP}/Patient-name`,
    documentation: 'Given or family name, case-insensitive prefix; :contains and :exact supported.',
  },
  {
    name: 'family',
    type: 'string',
    definition: `${SP}/individual-family`,
    documentation: 'Family name (prefix, :contains, :exact).',
  },
  {
    name: 'given',
    type: 'string',
    definition: `${SP}/individual-given`,
    documentation: 'Given name (prefix, :contains, :exact).',
  },
  {
    name: 'birthdate',
    type: 'date',
    definition: `${SP}/individual-birthdate`,
    documentation: 'Date with prefixes eq, ne, gt, ge, lt, le.',
  },
  {
    name: 'gender',
    type: 'token',
    definition: `${SP}/individual-gender`,
    documentation: 'female | male | other | unknown.',
  },
];

const observationParams: SearchParam[] = [
  {
    name: 'patient',
    type: 'reference',
    definition: `${SP}/clinical-patient`,
    documentation: 'Patient/<id> or <id>.',
  },
  {
    name: 'subject',
    type: 'reference',
    definition: `${SP}/Observation-subject`,
    documentation: 'Patient/<id>.',
  },
  {
    name: 'category',
    type: 'token',
    definition: `${SP}/Observation-category`,
    documentation: 'vital-signs | survey.',
  },
  {
    name: 'code',
    type: 'token',
    definition: `${SP}/clinical-code`,
    documentation: `LOINC ${Object.values(vitalCodes)
      .map((v) => v.loinc.code)
      .join(', ')}, 59408-5; MDC codes of the vitals; survey totals ${Object.values(instruments)
      .map((i) => {
        const c = scoreCoding(i);
        return `${c.system === SCORE_SYSTEM ? `${SCORE_SYSTEM}|` : ''}${c.code ?? ''} (${i.shortTitle})`;
      })
      .join(', ')}.`,
  },
  {
    name: 'date',
    type: 'date',
    definition: `${SP}/clinical-date`,
    documentation: 'effective time; prefixes eq, ne, gt, ge, lt, le (sa/eb as gt/lt); repeat to combine.',
  },
];

const responseParams: SearchParam[] = [
  { name: '_id', type: 'token', definition: `${SP}/Resource-id`, documentation: 'Logical id.' },
  {
    name: 'patient',
    type: 'reference',
    definition: `${SP}/QuestionnaireResponse-patient`,
    documentation: 'Patient/<id> or <id>.',
  },
  {
    name: 'subject',
    type: 'reference',
    definition: `${SP}/QuestionnaireResponse-subject`,
    documentation: 'Patient/<id>.',
  },
  {
    name: 'questionnaire',
    type: 'reference',
    definition: `${SP}/QuestionnaireResponse-questionnaire`,
    documentation: 'The Questionnaire canonical (see Questionnaire.url), Questionnaire/<id> or <id>.',
  },
  {
    name: 'status',
    type: 'token',
    definition: `${SP}/QuestionnaireResponse-status`,
    documentation:
      'completed (scored) | in-progress (kept, but too many items skipped to score; never a score).',
  },
  {
    name: 'authored',
    type: 'date',
    definition: `${SP}/QuestionnaireResponse-authored`,
    documentation: 'Prefixes eq, ne, gt, ge, lt, le (sa/eb as gt/lt); repeat to combine.',
  },
];

const questionnaireParams: SearchParam[] = [
  {
    name: '_id',
    type: 'token',
    definition: `${SP}/Resource-id`,
    documentation: 'Logical id (phq9, madrs, pain-nrs …).',
  },
  {
    name: 'url',
    type: 'uri',
    definition: `${SP}/Questionnaire-url`,
    documentation: 'The canonical, exactly.',
  },
  {
    name: 'name',
    type: 'string',
    definition: `${SP}/Questionnaire-name`,
    documentation: 'Computable name (PHQ9, MADRS, PainNRS …): case-insensitive prefix; :contains and :exact.',
  },
  {
    name: 'title',
    type: 'string',
    definition: `${SP}/Questionnaire-title`,
    documentation: 'Title: case-insensitive prefix; :contains and :exact.',
  },
];

const canonicals = Object.values(instruments)
  .map((i) => `${i.shortTitle} ${questionnaireCanonical(i)}`)
  .join(', ');

export function capabilityStatement(opts: {
  base: string;
  version: string;
  date: string;
}): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: opts.date,
    publisher: 'OpenKAP',
    kind: 'instance',
    software: { name: 'OpenKAP', version: opts.version },
    implementation: { description: 'OpenKAP FHIR R4 facade', url: opts.base },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation: `JSON only. ${paging} Observation searches sort by _sort=-date (default) or date, QuestionnaireResponse searches by _sort=-authored (default) or authored. Unknown parameters are ignored unless Prefer: handling=strict.`,
        security: {
          cors: false,
          description:
            'Staff session cookie, or Authorization: Bearer <API token> (an admin issues tokens with POST /api/auth/tokens). Results are limited to the caller\u2019s clinic.',
        },
        resource: [
          {
            type: 'Patient',
            profile: 'http://hl7.org/fhir/StructureDefinition/Patient',
            documentation: `name (family and given) and birthDate are required on create; the treatment indication is the extension ${INDICATION_EXTENSION} (ICD-10-CM), F32.A when absent.`,
            interaction: [{ code: 'create' }, { code: 'read' }, { code: 'search-type' }],
            versioning: 'no-version',
            readHistory: false,
            updateCreate: false,
            conditionalCreate: false,
            conditionalUpdate: false,
            conditionalDelete: 'not-supported',
            searchParam: patientParams,
          },
          {
            type: 'Observation',
            profile: 'http://hl7.org/fhir/StructureDefinition/Observation',
            supportedProfile: [VITAL_SIGNS_PROFILE, ...Object.values(vitalCodes).map((v) => v.profile)],
            documentation:
              'create takes vital signs (heart rate, blood pressure, SpO2, respiratory rate, body temperature); survey score Observations (category survey) are derived from QuestionnaireResponses and read-only.',
            interaction: [{ code: 'create' }, { code: 'read' }, { code: 'search-type' }],
            versioning: 'no-version',
            readHistory: false,
            updateCreate: false,
            conditionalCreate: false,
            conditionalUpdate: false,
            conditionalDelete: 'not-supported',
            searchParam: observationParams,
          },
          {
            type: 'QuestionnaireResponse',
            profile: 'http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse',
            documentation: `Any Questionnaire this server publishes (${canonicals}); linkId as in the Questionnaire, answers as its answerOption values (LOINC LA codes where the item has them, else integers; integers are always accepted). Only completed (or amended) responses are created; one with too many items skipped to score is kept and read back as in-progress, with no score.`,
            interaction: [{ code: 'create' }, { code: 'read' }, { code: 'search-type' }],
            versioning: 'no-version',
            readHistory: false,
            updateCreate: false,
            conditionalCreate: false,
            conditionalUpdate: false,
            conditionalDelete: 'not-supported',
            searchParam: responseParams,
          },
          {
            type: 'Questionnaire',
            profile: 'http://hl7.org/fhir/StructureDefinition/Questionnaire',
            documentation: `The instruments this server scores, built from its registry. url is LOINC's canonical for a LOINC panel (http://loinc.org/q/<panel>), ours otherwise (${QUESTIONNAIRE_BASE}/<id>). Answers without a LOINC code are integers whose wording is the extension ${ANSWER_LABEL_EXTENSION}.`,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            versioning: 'no-version',
            readHistory: false,
            updateCreate: false,
            conditionalCreate: false,
            conditionalUpdate: false,
            conditionalDelete: 'not-supported',
            searchParam: questionnaireParams,
          },
        ],
      },
    ],
  };
}
