import { builtinNodes, describeNodes } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { portLabel } from '../editor/port-label';
import { messagesEn, type MessageKey } from '../i18n/messages-en';
import { messagesZhCn } from '../i18n/messages-zh-cn';
import { configFields } from './schema-form';

const han = /\p{Script=Han}/u;
const catalog = describeNodes(builtinNodes);

/*
 * What the inspector of a built-in node shows in 中文, inspected the way it renders them:
 * the node's title, each field's title and help, every choice of a select or toggle, each
 * group heading and each port. A raw key (`maxOpen`, `least_loaded`, `false`) fails.
 */
describe('the inspector of every built-in node speaks Chinese', () => {
  it.each(catalog.map((entry) => [entry.type, entry] as const))('%s', (_type, entry) => {
    expect(entry.title['zh-CN']).toMatch(han);
    for (const field of configFields(entry.configSchema)) {
      const where = `${entry.type}.${field.key}`;
      expect(field.meta?.title['zh-CN'], where).toMatch(han);
      if (field.meta?.help) expect(field.meta.help['zh-CN'], where).toMatch(han);
      if (field.meta?.group) expect(field.meta.group['zh-CN'], where).toMatch(han);
      for (const option of field.options ?? []) {
        const label = field.meta?.choices?.[option]?.['zh-CN'];
        expect(label, `${where} = ${option}`).toBeDefined();
        // Names that read the same in both languages (VIP, GET) are fine; a snake_case key is not.
        expect(label, `${where} = ${option}`).not.toMatch(/^[a-z]+_[a-z_]+$/);
      }
    }
    for (const port of entry.ports) expect(portLabel(port, 'zh-CN'), `${entry.type} port ${port}`).toMatch(han);
  });

  it('has Chinese for every dictionary entry that has words', () => {
    const untranslated = (Object.keys(messagesEn) as MessageKey[]).filter((key) => {
      const en = messagesEn[key].replace(/\{\w+\}/g, '');
      return /[A-Za-z]{3,}/.test(en) && !han.test(messagesZhCn[key]);
    });
    // Product names and formats read the same in both languages.
    expect(untranslated.filter((key) => !['app.title', 'dryRun.param', 'dryRun.tier.vip', 'console.tier.vip'].includes(key))).toEqual([]);
  });
});
