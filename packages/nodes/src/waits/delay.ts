import { Duration, parseDuration } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';

/** Waits a fixed time, then goes on. */
export const delay = defineNode({
  type: 'delay',
  kind: 'wait',
  icon: 'hourglass',
  title: { en: 'Wait', 'zh-CN': '等待' },
  description: {
    en: 'Waits a fixed time, then goes on. The wait survives restarts.',
    'zh-CN': '等待固定时长后继续；重启不会丢失。',
  },
  config: z.strictObject({ duration: Duration }),
  delayMs: (_ctx, config) => parseDuration(config.duration) ?? 0,
  summary: (config, locale) => `${locale === 'en' ? 'wait' : '等待'} ${config.duration}`,
});
