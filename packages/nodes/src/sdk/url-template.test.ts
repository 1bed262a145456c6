import { describe, expect, it } from 'vitest';
import { renderUrlTemplate, UrlTemplateError } from './url-template';

// Issue 15: values were inserted as is, so an orderId of `../../admin/users?delete=all#`
// turned the logistics example's tracking call into a call to /api/admin/users?delete=all.
describe('renderUrlTemplate', () => {
  const base = 'http://127.0.0.1:4010/api/v1/tracking/{{orderNumber}}';

  it('percent-encodes a value into one path segment: no traversal, no query, no fragment', () => {
    const url = renderUrlTemplate(base, { orderNumber: '../../admin/users?delete=all#' });
    expect(url).toBe('http://127.0.0.1:4010/api/v1/tracking/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%23');
    expect(new URL(url).pathname).toBe('/api/v1/tracking/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%23');
    expect(new URL(url).search).toBe('');
  });

  it('encodes a query value so it cannot add parameters', () => {
    const url = renderUrlTemplate('https://crm.example/search?q={{q}}&page=1', { q: 'a&admin=true' });
    expect(new URL(url).searchParams.getAll('admin')).toEqual([]);
    expect(new URL(url).searchParams.get('q')).toBe('a&admin=true');
  });

  it('refuses a value that makes a path segment "." or "..", even with the author\'s dots around it', () => {
    expect(() => renderUrlTemplate(base, { orderNumber: '..' })).toThrow(UrlTemplateError);
    expect(() => renderUrlTemplate('http://h/a/{{x}}./b', { x: '.' })).toThrow(/climb out of the path/);
    expect(() => renderUrlTemplate(base, { orderNumber: '.' })).toThrow(UrlTemplateError);
    expect(renderUrlTemplate(base, { orderNumber: '...' })).toBe('http://127.0.0.1:4010/api/v1/tracking/...');
    expect(renderUrlTemplate('http://h/a/../b/{{x}}', { x: 'DD1' })).toBe('http://h/a/../b/DD1'); // the author's own dots
    expect(renderUrlTemplate('http://h/a?next={{x}}', { x: '..' })).toBe('http://h/a?next=..'); // a query value is no segment
  });

  it('keeps ordinary values readable, Chinese encoded as UTF-8', () => {
    expect(renderUrlTemplate(base, { orderNumber: 'DD2024050188' })).toBe('http://127.0.0.1:4010/api/v1/tracking/DD2024050188');
    expect(renderUrlTemplate('http://h/q?name={{n}}', { n: '王女士' })).toBe('http://h/q?name=%E7%8E%8B%E5%A5%B3%E5%A3%AB');
  });

  it('inserts a value as is only where the author writes {{{x}}} or {{& x}}', () => {
    expect(renderUrlTemplate('{{{vars.cfg.base}}}/orders/{{id}}', { vars: { cfg: { base: 'https://erp.example/v2' } }, id: 'a/b' })).toBe(
      'https://erp.example/v2/orders/a%2Fb',
    );
    expect(renderUrlTemplate('http://h/{{& path}}', { path: 'x/y' })).toBe('http://h/x/y');
  });

  it('escapes values inside sections too', () => {
    expect(renderUrlTemplate('http://h/o{{#id}}/{{id}}{{/id}}', { id: '../x' })).toBe('http://h/o/..%2Fx');
  });
});
