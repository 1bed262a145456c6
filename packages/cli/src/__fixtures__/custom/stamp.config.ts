import { defineConfig, defineNode } from '@switchyard/nodes';
import { z } from 'zod';

/** A custom action for the --config tests: adds a tag, like a vendor node would. */
const stamp = defineNode({
  type: 'test.stamp',
  kind: 'action',
  title: { en: 'Stamp', 'zh-CN': '盖章' },
  config: z.strictObject({ tag: z.string().min(1) }),
  run: (ctx, config) => ({ patch: { tags: [...ctx.ticket.tags, config.tag] } }),
});

export default defineConfig({ nodes: [stamp] });
