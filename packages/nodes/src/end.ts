import { z } from 'zod';
import { defineNode } from './sdk/define-node';

/** Ends the run; the flow listens to its triggers again. */
export const end = defineNode({
  type: 'end',
  kind: 'end',
  icon: 'circle-stop',
  title: { en: 'End', 'zh-CN': '结束' },
  config: z.strictObject({}),
});
