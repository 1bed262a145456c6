import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionTableMarkdown } from './permission-table';

describe('the README role table', () => {
  it('is ROLE_PERMISSIONS exactly (regenerate it with permissionTableMarkdown())', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');
    const match = /<!-- permission-table -->\n([\s\S]*?)\n<!-- \/permission-table -->/.exec(readme);
    expect(match?.[1], 'README.md lacks the <!-- permission-table --> block').toBe(permissionTableMarkdown());
  });
});
