import { describe, expect, it } from 'vitest';
import { summarizeConfig } from './config-summary';

describe('summarizeConfig', () => {
  it('lists the first keywords of a keyword condition', () => {
    expect(summarizeConfig('text_contains', { keywords: ['物流', '快递', '包裹'] }, 'en')).toBe('contains 物流, 快递 ...');
    expect(summarizeConfig('text_contains', { keywords: ['退款'] }, 'zh-CN')).toBe('包含 退款');
    expect(summarizeConfig('text_contains', { source: 'subject', keywords: ['urgent'] }, 'en')).toBe('subject contains urgent');
  });

  it('reads waits as durations', () => {
    expect(summarizeConfig('delay', { duration: '15m' }, 'en')).toBe('wait 15 min');
    expect(summarizeConfig('delay', { duration: '2h' }, 'zh-CN')).toBe('等待 2 小时');
    expect(summarizeConfig('wait_for_event', { event: 'customer.message', timeout: '24h' }, 'en')).toBe('wait customer.message, up to 1 d');
  });

  it('shows comparisons and actions', () => {
    expect(summarizeConfig('field_compare', { field: 'category', op: 'eq', value: 'logistics' }, 'en')).toBe('category = logistics');
    expect(summarizeConfig('set_category', { category: 'fault', subcategory: 'login_failure' }, 'en')).toBe('→ fault / login_failure');
    expect(summarizeConfig('set_category', { category: 'fault' }, 'en')).toBe('→ fault');
    expect(summarizeConfig('set_priority', { priority: 'urgent' }, 'en')).toBe('→ urgent');
    expect(summarizeConfig('assign', { group: 'after_sales', strategy: 'least_loaded' }, 'en')).toBe('after_sales, least loaded');
  });

  it('says nothing for an unconfigured node and truncates long text to one line', () => {
    expect(summarizeConfig('text_contains', {}, 'en')).toBe('');
    const long = summarizeConfig('reply', { template: `您好，\n${'很长的回复'.repeat(20)}` }, 'zh-CN');
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).not.toContain('\n');
  });

  it('summarizes unknown (custom) node types by their first settings', () => {
    expect(summarizeConfig('billing.suspend', { reason: 'fraud', notify: true }, 'en')).toBe('reason: fraud, notify: true');
  });
});
