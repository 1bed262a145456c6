import { z } from 'zod';
import { defineNode } from './sdk/define-node';

/** Ends the run; the flow listens to its triggers again. */
export const end = defineNode({
  type: 'end',
  kind: 'end',
  icon: 'circle-stop',
  title: { en: 'End', 'zh-CN': '结束' },
  description: {
    en: 'Ends the run; the flow listens to its triggers again.',
    'zh-CN': '结束本次运行；流程重新等待触发。',
  },
  config: z.strictObject({}),
});
