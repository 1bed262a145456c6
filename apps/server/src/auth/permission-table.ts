import { PERMISSION_LABELS, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '@switchyard/api';

/**
 * The role table (ROLE_PERMISSIONS) as the Markdown table the README prints between
 * `<!-- permission-table -->` markers; `permission-table.test.ts` fails when the two differ.
 */
export function permissionTableMarkdown(): string {
  const header = `| permission | what it allows | ${ROLES.join(' | ')} |`;
  const rule = `| --- | --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = PERMISSIONS.map(
    (permission) =>
      `| \`${permission}\` | ${PERMISSION_LABELS[permission].en} | ${ROLES.map((role) => (ROLE_PERMISSIONS[role].has(permission) ? '✓' : '')).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
