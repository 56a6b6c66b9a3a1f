import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { instruments } from '@openkap/domain/instruments/registry';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import { capabilityStatement } from './capability.ts';
import { FHIR_JSON, installOutcomeHandler, FhirError, sendOutcome } from './outcome.ts';
import {
  isStrict,
  observationSearch,
  pageOf,
  patientSearch,
  questionnaireResponseSearch,
  questionnaireSearch,
  responseSort,
  searchset,
  observationSort,
  type Query,
} from './search.ts';
import * as service from './service.ts';
import type { Resource } from './types.ts';

// The FHIR R4 REST edge, mounted at /fhir/R4 in its own encapsulated plugin (own body parser,
// error handler and 404 handler, so every answer here is FHIR JSON).
// See: https://hl7.org/fhir/R4/http.html

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
type SearchRequest = FastifyRequest<{ Querystring: Query }>;

/** Interactions per resource type and URL shape, for 405 answers. */
const ALLOWED: Record<string, { type: string[]; instance: string[] }> = {
  Patient: { type: ['GET', 'POST'], instance: ['GET'] },
  Observation: { type: ['GET', 'POST'], instance: ['GET'] },
  QuestionnaireResponse: { type: ['GET', 'POST'], instance: ['GET'] },
  Questionnaire: { type: ['GET'], instance: ['GET'] },
};

// See: https://hl7.org/fhir/R4/http.html#mime-type (application/fhir+json; application/json accepted too)
const JSON_MEDIA = /^application\/(fhir\+json|json\+fhir|json)\s*(;|$)/i;

function resourceBody(request: FastifyRequest): unknown {
  const type = request.headers['content-type'] ?? '';
  if (!JSON_MEDIA.test(type)) {
    throw new FhirError(415, {
      code: 'not-supported',
      diagnostics: `Send the resource as application/fhir+json (got ${type || 'no content type'}).`,
    });
  }
  return request.body;
}

function lastModified(reply: FastifyReply, resource: Resource): void {
  if (resource.meta?.lastUpdated) {
    reply.header('last-modified', new Date(resource.meta.lastUpdated).toUTCString());
  }
}

function sendResource(reply: FastifyReply, resource: Resource): FastifyReply {
  lastModified(reply, resource);
  return reply.status(200).type(FHIR_JSON).send(resource);
}

/** 201 with Location; the body follows Prefer: return=minimal | representation (default) | OperationOutcome. */
function sendCreated(
  request: FastifyRequest,
  reply: FastifyReply,
  base: string,
  resource: Resource,
): FastifyReply {
  // See: https://hl7.org/fhir/R4/http.html#create and https://hl7.org/fhir/R4/http.html#ops (Prefer)
  reply.status(201).header('location', `${base}/${resource.resourceType}/${resource.id ?? ''}`);
  lastModified(reply, resource);
  const prefer = String(request.headers.prefer ?? '');
  if (/return\s*=\s*minimal/i.test(prefer)) {
    return reply.send();
  }
  if (/return\s*=\s*OperationOutcome/i.test(prefer)) {
    return sendOutcome(reply, 201, [
      {
        severity: 'information',
        code: 'informational',
        diagnostics: `Created ${resource.resourceType}/${resource.id ?? ''}.`,
      },
    ]);
  }
  return reply.type(FHIR_JSON).send(resource);
}

export function fhirRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Same protections as the default JSON parser (prototype poisoning refused).
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json+fhir'],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  installOutcomeHandler(app);

  const base = `${ctx.config.publicUrl.replace(/\/+$/, '')}/fhir/R4`;
  const deps: service.FhirDeps = { db: ctx.db, live: ctx.live, now: ctx.now };
  const startedAt = ctx.now().toISOString();

  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '').replace(/^.*?\/fhir\/R4\/?/, '');
    const [type = '', id, ...rest] = path.split('/').filter(Boolean);
    const allowed = ALLOWED[type];
    if (allowed && rest.length === 0) {
      const methods = id === undefined ? allowed.type : allowed.instance;
      reply.header('allow', methods.join(', '));
      return sendOutcome(reply, 405, [
        {
          code: 'not-supported',
          diagnostics: `${request.method} ${type}${id === undefined ? '' : '/[id]'} is not supported here; allowed: ${methods.join(', ')}.`,
        },
      ]);
    }
    if (type === 'metadata') {
      reply.header('allow', 'GET');
      return sendOutcome(reply, 405, [{ code: 'not-supported', diagnostics: 'metadata is read with GET.' }]);
    }
    if (/^[A-Z][A-Za-z]+$/.test(type) && !allowed) {
      return sendOutcome(reply, 404, [
        {
          code: 'not-supported',
          diagnostics: `Resource type ${type} is not supported by this server (see ${base}/metadata).`,
        },
      ]);
    }
    return sendOutcome(reply, 404, [
      { code: 'not-found', diagnostics: `No FHIR interaction at ${request.method} /fhir/R4/${path}.` },
    ]);
  });

  // See: https://hl7.org/fhir/R4/http.html#capabilities (no authentication needed)
  app.get('/metadata', async (_request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement({ base, version: ctx.config.version, date: startedAt })),
  );

  // Patient. See: https://hl7.org/fhir/R4/patient.html
  app.post('/Patient', async (request, reply) => {
    const caller = callerOf(request);
    return sendCreated(
      request,
      reply,
      base,
      await service.createPatient(deps, caller, resourceBody(request)),
    );
  });
  app.get('/Patient/:id', async (request: IdRequest, reply) =>
    sendResource(reply, await service.readPatient(deps, callerOf(request), request.params.id)),
  );
  app.get('/Patient', async (request: SearchRequest, reply) => {
    const caller = callerOf(request);
    const page = pageOf(request.query);
    const { filter, used } = patientSearch(request.query, isStrict(request.headers.prefer));
    const { total, resources } = await service.searchPatients(deps, caller, filter, page, used);
    return reply.type(FHIR_JSON).send(
      searchset({
        base,
        resourceType: 'Patient',
        query: request.query,
        used,
        page,
        total,
        resources,
        now: ctx.now(),
      }),
    );
  });

  // Observation. See: https://hl7.org/fhir/R4/observation.html
  app.post('/Observation', async (request, reply) => {
    const caller = callerOf(request);
    return sendCreated(
      request,
      reply,
      base,
      await service.createObservation(deps, caller, resourceBody(request)),
    );
  });
  app.get('/Observation/:id', async (request: IdRequest, reply) =>
    sendResource(reply, await service.readObservation(deps, callerOf(request), request.params.id)),
  );
  app.get('/Observation', async (request: SearchRequest, reply) => {
    const caller = callerOf(request);
    const page = pageOf(request.query);
    const { desc, sort } = observationSort(request.query);
    const { filter, used } = observationSearch(
      request.query,
      isStrict(request.headers.prefer),
      Object.values(instruments),
    );
    const { total, resources } = await service.searchObservations(deps, caller, filter, desc, page, used);
    return reply.type(FHIR_JSON).send(
      searchset({
        base,
        resourceType: 'Observation',
        query: request.query,
        used,
        page,
        sort,
        total,
        resources,
        now: ctx.now(),
      }),
    );
  });

  // QuestionnaireResponse. See: https://hl7.org/fhir/R4/questionnaireresponse.html
  app.post('/QuestionnaireResponse', async (request, reply) => {
    const caller = callerOf(request);
    return sendCreated(
      request,
      reply,
      base,
      await service.createQuestionnaireResponse(deps, caller, resourceBody(request)),
    );
  });
  app.get('/QuestionnaireResponse/:id', async (request: IdRequest, reply) =>
    sendResource(reply, await service.readQuestionnaireResponse(deps, callerOf(request), request.params.id)),
  );
  app.get('/QuestionnaireResponse', async (request: SearchRequest, reply) => {
    const caller = callerOf(request);
    const page = pageOf(request.query);
    const { desc, sort } = responseSort(request.query);
    const { filter, used } = questionnaireResponseSearch(request.query, isStrict(request.headers.prefer));
    const { total, resources } = await service.searchQuestionnaireResponses(
      deps,
      caller,
      filter,
      desc,
      page,
      used,
    );
    return reply.type(FHIR_JSON).send(
      searchset({
        base,
        resourceType: 'QuestionnaireResponse',
        query: request.query,
        used,
        page,
        sort,
        total,
        resources,
        now: ctx.now(),
      }),
    );
  });

  // Questionnaire: the instruments this server scores. See: https://hl7.org/fhir/R4/questionnaire.html
  app.get('/Questionnaire/:id', async (request: IdRequest, reply) => {
    callerOf(request); // signed in, like the rest of the facade but metadata
    return sendResource(reply, service.readQuestionnaire(request.params.id));
  });
  app.get('/Questionnaire', async (request: SearchRequest, reply) => {
    callerOf(request);
    const page = pageOf(request.query);
    const { filter, used } = questionnaireSearch(request.query, isStrict(request.headers.prefer));
    const { total, resources } = service.searchQuestionnaires(filter, page);
    return reply.type(FHIR_JSON).send(
      searchset({
        base,
        resourceType: 'Questionnaire',
        query: request.query,
        used,
        page,
        total,
        resources,
        now: ctx.now(),
      }),
    );
  });
}
