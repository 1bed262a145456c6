import { BaseResolver, createConfig, lintDocument, type NormalizedProblem } from '@redocly/openapi-core';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './__fixtures__/test-app';
import { ROUTE_PERMISSIONS } from './auth/route-permissions';

/*
 * The OpenAPI document is what generated clients and the /docs page are made from: it must pass
 * Redocly's `recommended` rules (a real linter, not a hand-written check), and every operation
 * must carry what a reader needs: an operationId (a generated client's method name), a summary,
 * a description, 401 and 403 answers unless it is public, and an example of its request (body and parameters) and of every JSON answer.
 */
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; example?: unknown; schema?: { example?: unknown } }[];
  requestBody?: { content?: Record<string, { example?: unknown; examples?: unknown }> };
  responses?: Record<string, { content?: Record<string, { example?: unknown; examples?: unknown }> }>;
}

/** What a route of the document needs, from the one table `authorize` enforces. */
function requirementOf(route: string): string | undefined {
  return Object.entries(ROUTE_PERMISSIONS).find(([key]) => key === route)?.[1];
}

function problemText(p: NormalizedProblem): string {
  return `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;
}

describe.each(testDatabases)('the OpenAPI document on %s', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = testApp(store);
    const { body } = await t.call('GET', '/openapi.json');
    doc = body as typeof doc;
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    // Every recommended rule but info-license: the project has not chosen a license yet, and the
    // document must not claim one.
    const config = await createConfig({ extends: ['recommended'], rules: { 'info-license': 'off' } });
    const problems = await lintDocument({
      document: { source: { absoluteRef: '/openapi.json', body: '', mimeType: 'application/json' } as never, parsed: doc },
      config,
      externalRefResolver: new BaseResolver(),
    });
    expect(problems.map(problemText)).toEqual([]);
  });

  it('gives every operation an operationId, a summary, a description and examples of its request and answers', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!op) continue;
        const at = `${method.toUpperCase()} ${path}`;
        if (!op.operationId) missing.push(`${at}: operationId`);
        if (!op.summary) missing.push(`${at}: summary`);
        if (!op.description) missing.push(`${at}: description`);
        const signedIn = requirementOf(`${method.toUpperCase()} ${path}`) !== 'public';
        for (const status of signedIn ? ['401', '403'] : [])
          if (!op.responses?.[status]) missing.push(`${at}: ${status} answer (the route needs a sign-in)`);
        for (const param of op.parameters ?? [])
          if (param.example === undefined && param.schema?.example === undefined)
            missing.push(`${at}: example of ${param.in} ${param.name}`);
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
          if (media.example === undefined && media.examples === undefined) missing.push(`${at}: request example (${type})`);
        for (const [status, answer] of Object.entries(op.responses ?? {}))
          for (const [type, media] of Object.entries(answer.content ?? {}))
            if (media.example === undefined && media.examples === undefined) missing.push(`${at}: ${status} example (${type})`);
      }
    expect(missing).toEqual([]);
  });
});
