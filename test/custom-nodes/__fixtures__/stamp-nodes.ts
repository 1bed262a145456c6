import { defineNode } from '@switchyard/nodes';
import { z } from 'zod';

const title = { en: 'Stamp', 'zh-CN': '盖章' };
const serviceUrl = z.url();

/** Version 1 of a custom node: POSTs `{ label }`. */
export const stampV1 = defineNode({
  type: 'acme.stamp',
  kind: 'action',
  sideEffect: true,
  title,
  config: z.strictObject({ serviceUrl, label: z.string().min(1) }),
  run: async (ctx, config) => ({ output: (await ctx.http.post(`${config.serviceUrl}/stamp`, { by: 'v1', label: config.label })).body }),
  simulate: (_ctx, config) => ({ params: { by: 'v1', label: config.label, simulated: true } }),
});

/** Version 2 renamed `label` to `text`; its migration upgrades configs published against version 1. */
export const stampV2 = defineNode({
  type: 'acme.stamp',
  kind: 'action',
  version: 2,
  sideEffect: true,
  title,
  config: z.strictObject({ serviceUrl, text: z.string().min(1), loud: z.boolean().default(false) }),
  migrations: [{ from: 1, up: (old) => ({ serviceUrl: String(old.serviceUrl), text: String(old.label) }) }],
  run: async (ctx, config) => ({
    output: (await ctx.http.post(`${config.serviceUrl}/stamp`, { by: 'v2', text: config.loud ? config.text.toUpperCase() : config.text }))
      .body,
  }),
  simulate: (_ctx, config) => ({ params: { by: 'v2', text: config.text, simulated: true } }),
});
