import { describe, expect, it } from 'vitest';
import { CATEGORY_CATALOGUE, CATEGORY_CHOICES, categoryPath, SUBCATEGORY_CHOICES } from './category-catalogue';

describe('category catalogue (issue 21 part 5)', () => {
  it("names the source table's level ones and the examples' own, each in both languages", () => {
    for (const id of ['inquiry', 'complaint', 'fault', 'service_request', 'cross_team', 'after_sales', 'logistics', 'billing']) {
      expect(CATEGORY_CHOICES[id]?.en).toBeTruthy();
      expect(CATEGORY_CHOICES[id]?.['zh-CN']).toBeTruthy();
    }
    expect(CATEGORY_CATALOGUE.fault?.subcategories.login_failure).toEqual({ en: 'Login failure', 'zh-CN': '登录失败' });
    expect(SUBCATEGORY_CHOICES.refund?.['zh-CN']).toBe('退款');
  });

  it('ids are the identifiers set_category accepts', () => {
    const ids = [...Object.keys(CATEGORY_CHOICES), ...Object.keys(SUBCATEGORY_CHOICES)];
    for (const id of ids) expect(id).toMatch(/^[a-z_]+$/);
  });

  it('a path joins the two levels, or is the level one alone, or nothing', () => {
    expect(categoryPath({ category: 'fault', subcategory: 'login_failure' })).toBe('fault/login_failure');
    expect(categoryPath({ category: 'fault', subcategory: null })).toBe('fault');
    expect(categoryPath({ category: null, subcategory: null })).toBeUndefined();
  });
});
