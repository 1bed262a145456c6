import fc from 'fast-check';
import { DEEP_NESTING_MARKER, DEEP_NESTING_TEXT, hostileString } from './hostile-values';
import { type JsonSchema, type SchemaRefs, schemaValue, type ValueContext } from './schema-values';

/** One operation of /openapi.json: a method on a path, its parameters and its JSON body. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly { readonly name: string; readonly in: string; readonly schema: JsonSchema }[];
  readonly body: JsonSchema | undefined;
}

/** A request to send in process: what `app.request` takes, and a line that says what it was. */
export interface FuzzRequest {
  readonly operation: string;
  readonly url: string;
  readonly init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
  readonly description: string;
}

interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<string, { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
  readonly components: { readonly schemas: SchemaRefs };
}

/** Every operation of the document, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({
      method: method.toUpperCase(),
      path,
      parameters: spec.parameters ?? [],
      body: spec.requestBody?.content['application/json']?.schema,
    })),
  );
}

/** Percent-encodes text as a URL does; lone surrogates (which encodeURIComponent refuses) become the bytes a careless client sends. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '')) + '%ED%A0%80';
  }
}

/** Escapes a URL can carry that decode to nothing sensible: bad UTF-8, a lone %, dot segments, NUL. */
const RAW_SEGMENTS = ['%FF', '%', '%E4%BD', '%C0%AF', '%ED%A0%80', '..%2F..%2Fetc', '%2e%2e', '%00', 'a%20b', '%25', '%uD800'];

const INVALID_UTF8 = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xbd], [0x80], [0xf4, 0x90, 0x80, 0x80], [0xfe, 0xff]];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'application/json;;',
];
const deepArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const RAW_BODIES = [
  '',
  ' ',
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '1e999',
  '-0',
  'true',
  '{"a":1,"a":2}',
  '\uFEFF{}',
  deepArrays(65),
  deepArrays(100_000),
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  '{"__proto__":{"polluted":true}}',
];

/** A path parameter: the request's subject (an id that exists), one shaped by the schema, or a hostile one. */
function pathText(schema: JsonSchema, refs: SchemaRefs, context: ValueContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(encode(context.subject)) },
    {
      weight: 2,
      arbitrary: schemaValue(schema, refs, context).map((value) =>
        encode(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')),
      ),
    },
    { weight: context.hostile ? 2 : 0, arbitrary: hostileString.map(encode) },
    { weight: context.hostile ? 1 : 0, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

/** A query parameter: left out, shaped by the schema, or (hostile) anything. */
function queryText(schema: JsonSchema, refs: SchemaRefs, context: ValueContext): fc.Arbitrary<string | undefined> {
  const shaped = schemaValue(schema, refs, context).map((value) =>
    encode(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')),
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: shaped },
    { weight: context.hostile ? 1 : 0, arbitrary: fc.oneof(hostileString.map(encode), fc.constantFrom(...RAW_SEGMENTS)) },
  );
}

/** What a header can carry at all (`Headers` refuses NUL, CR, LF and anything past U+00FF): the rest becomes `?`. */
const headerSafe = (text: string) => text.replace(/[^\t\x20-\xff]/g, '?');

/**
 * A header parameter (an `Idempotency-Key`): left out, one fixed value (so requests repeat it,
 * with the same body or another), shaped by the schema, or (hostile) anything a header can carry.
 */
function headerText(schema: JsonSchema, refs: SchemaRefs, context: ValueContext): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant('fuzz-key') },
    {
      weight: 2,
      arbitrary: schemaValue(schema, refs, context).map((value) =>
        headerSafe(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')),
      ),
    },
    { weight: context.hostile ? 2 : 0, arbitrary: hostileString.map(headerSafe) },
  );
}

/** A JSON body: shaped by the schema, or (hostile) with bytes that are not UTF-8, under a wrong media type, or raw text. */
function body(
  schema: JsonSchema | undefined,
  refs: SchemaRefs,
  context: ValueContext,
): fc.Arbitrary<{ contentType: string | undefined; body: string | Uint8Array<ArrayBuffer> }> {
  const deep = JSON.stringify(DEEP_NESTING_MARKER);
  const json = schemaValue(schema ?? {}, refs, context).map((value) =>
    (JSON.stringify(value) ?? 'null').replaceAll(deep, DEEP_NESTING_TEXT),
  );
  const plain = json.map((text) => ({ contentType: 'application/json', body: text }));
  if (!context.hostile) return plain;
  const utf8 = (text: string) => [...new TextEncoder().encode(text)];
  return fc.oneof(
    { weight: 4, arbitrary: plain },
    {
      weight: 1,
      arbitrary: fc.tuple(json, fc.nat(), fc.constantFrom(...INVALID_UTF8)).map(([text, at, bad]) => {
        const bytes = utf8(text);
        const cut = at % (bytes.length + 1);
        return { contentType: 'application/json', body: new Uint8Array([...bytes.slice(0, cut), ...bad, ...bytes.slice(cut)]) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(json, fc.constantFrom<string | undefined>(undefined, ...WRONG_CONTENT_TYPES))
        .map(([text, contentType]) => ({ contentType, body: text })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((text) => ({ contentType: 'application/json', body: text })) },
  );
}

/** Headers a hostile page would send: mostly none, sometimes a rebound Host or a foreign Origin. */
const headers = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Record<string, string>>({}) },
  { weight: 1, arbitrary: fc.constant<Record<string, string>>({ host: 'attacker.example:3000' }) },
  { weight: 1, arbitrary: fc.constant<Record<string, string>>({ origin: 'https://attacker.example' }) },
  { weight: 1, arbitrary: fc.constant<Record<string, string>>({ origin: 'http://localhost' }) },
);

/**
 * Requests for one operation about one existing id: half plausible throughout (so they
 * reach the runtime and change things), the rest with hostile fields, bodies and headers.
 */
export function fuzzRequest(operation: Operation, refs: SchemaRefs, known: readonly string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...known), fc.boolean())
    .chain(([subject, hostile]) => requestAbout(operation, refs, { known, subject, hostile }));
}

function requestAbout(operation: Operation, refs: SchemaRefs, context: ValueContext): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const headerParameters = operation.parameters.filter((p) => p.in === 'header');
  const declaredHeaders = fc
    .tuple(...headerParameters.map((p) => headerText(p.schema, refs, context)))
    .map((values) =>
      Object.fromEntries(
        headerParameters.flatMap((parameter, index) => (values[index] === undefined ? [] : [[parameter.name, values[index]]])),
      ),
    );
  const path = fc
    .tuple(...pathParameters.map((p) => pathText(p.schema, refs, context)))
    .map((values) =>
      pathParameters.reduce((url, parameter, index) => url.replace(`{${parameter.name}}`, values[index] ?? ''), operation.path),
    );
  const unknownParameter = fc.tuple(fc.constantFrom(...queryParameters.map((p) => p.name), 'unknown'), hostileString.map(encode));
  const query = fc
    .tuple(
      fc.tuple(...queryParameters.map((p) => queryText(p.schema, refs, context))),
      context.hostile ? fc.option(unknownParameter, { nil: undefined }) : fc.constant(undefined),
    )
    .map(([values, extra]) => {
      const pairs = queryParameters.flatMap((parameter, index) =>
        values[index] === undefined ? [] : [`${parameter.name}=${values[index]}`],
      );
      if (extra) pairs.push(`${extra[0]}=${extra[1]}`);
      return pairs.length ? `?${pairs.join('&')}` : '';
    });
  const sendsBody = operation.method !== 'GET' && operation.method !== 'HEAD';
  const bodyFreq = operation.body ? 10 : context.hostile ? 2 : 0;
  const payload =
    sendsBody && bodyFreq > 0 ? fc.option(body(operation.body, refs, context), { nil: undefined, freq: bodyFreq }) : fc.constant(undefined);
  const hostileHeaders = context.hostile ? headers : fc.constant({});
  return fc.tuple(path, query, payload, hostileHeaders, declaredHeaders).map(([url, search, sent, extraHeaders, declared]) => {
    const requestHeaders: Record<string, string> = {
      ...(sent?.contentType ? { 'content-type': sent.contentType } : {}),
      ...declared,
      ...extraHeaders,
    };
    const shown =
      sent === undefined ? '' : typeof sent.body === 'string' ? sent.body.slice(0, 300) : `<${sent.body.length} bytes, not UTF-8>`;
    return {
      operation: `${operation.method} ${operation.path}`,
      url: `http://localhost${url}${search}`,
      init: { method: operation.method, headers: requestHeaders, ...(sent ? { body: sent.body } : {}) },
      description: `${operation.method} ${`${url}${search}`.slice(0, 300)} ${JSON.stringify(requestHeaders)} ${shown}`,
    };
  });
}
