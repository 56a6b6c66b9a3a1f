// The slice of FHIR R4 (4.0.1) this facade reads and writes, typed by hand.
// The installed @types/fhir@3.0.2 describes STU3 (no Observation.derivedFrom, different
// QuestionnaireResponse), so it cannot type R4 resources; these follow the R4 definitions.
// See: https://hl7.org/fhir/R4/datatypes.html
// See: https://hl7.org/fhir/R4/references.html

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
}

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface Identifier {
  use?: string;
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
}

export interface HumanName {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
}

export interface ContactPoint {
  system?: string;
  value?: string;
  use?: string;
}

export interface Address {
  use?: string;
  text?: string;
  line?: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface Annotation {
  text: string;
}

interface ResourceBase {
  id?: string;
  meta?: Meta;
}

// See: https://hl7.org/fhir/R4/patient.html
export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  extension?: Extension[];
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  address?: Address[];
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueQuantity?: Quantity;
  dataAbsentReason?: CodeableConcept;
}

// See: https://hl7.org/fhir/R4/observation.html
export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status: string;
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  issued?: string;
  valueQuantity?: Quantity;
  valueInteger?: number;
  dataAbsentReason?: CodeableConcept;
  interpretation?: CodeableConcept[];
  note?: Annotation[];
  device?: Reference;
  derivedFrom?: Reference[];
  component?: ObservationComponent[];
}

export interface QuestionnaireResponseAnswer {
  valueCoding?: Coding;
  valueInteger?: number;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

// See: https://hl7.org/fhir/R4/questionnaireresponse.html
export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  questionnaire?: string;
  status: string;
  subject?: Reference;
  authored?: string;
  item?: QuestionnaireResponseItem[];
}

export type Resource =
  Patient | Observation | QuestionnaireResponse | OperationOutcome | Bundle | CapabilityStatement;

// See: https://hl7.org/fhir/R4/bundle.html
export interface BundleEntry {
  fullUrl?: string;
  resource?: Resource;
  search?: { mode: 'match' | 'include' | 'outcome'; score?: number };
}

export interface Bundle extends ResourceBase {
  resourceType: 'Bundle';
  type: 'searchset';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry[];
}

// See: https://hl7.org/fhir/R4/operationoutcome.html
export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome extends ResourceBase {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

// See: https://hl7.org/fhir/R4/capabilitystatement.html
export interface CapabilityStatement extends ResourceBase {
  resourceType: 'CapabilityStatement';
  [key: string]: unknown;
}
