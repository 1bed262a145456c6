import { type CatalogEntry, SecretName, type SecretView } from '@switchyard/api';
import type { MessageKey } from '../i18n/messages-en';

/** The longest value the server takes (PutSecretRequest). */
export const MAX_SECRET_LENGTH = 10_000;

/**
 * The secrets a node type declares that have no value: its node will fail to call out.
 * A secret whose state the catalog does not say is not reported.
 * @example missingSecrets({ ...entry, secrets: [{ name: 'CRM_TOKEN', set: false }] }) // ["CRM_TOKEN"]
 */
export function missingSecrets(entry: Pick<CatalogEntry, 'secrets'> | undefined): string[] {
  return (entry?.secrets ?? []).filter((s) => s.set === false).map((s) => s.name);
}

/**
 * The secrets page's order: those nodes need but lack first (what to fix), then by name.
 * @example sortSecrets(list)[0].set // false, when any needed secret is unset
 */
export function sortSecrets(secrets: readonly SecretView[]): SecretView[] {
  const needsValue = (s: SecretView) => !s.set && s.usedBy.length > 0;
  return [...secrets].sort((a, b) => Number(needsValue(b)) - Number(needsValue(a)) || a.name.localeCompare(b.name));
}

/** What is wrong with a new secret's name (the server's `SecretName` rule), or null. */
export function secretNameProblem(name: string): MessageKey | null {
  if (name.trim() === '') return 'secrets.error.nameEmpty';
  return SecretName.safeParse(name.trim()).success ? null : 'secrets.error.name';
}

/** What is wrong with a value to save, or null; the value itself is never shown back. */
export function secretValueProblem(value: string): MessageKey | null {
  if (value === '') return 'secrets.error.valueEmpty';
  return value.length > MAX_SECRET_LENGTH ? 'secrets.error.valueLong' : null;
}
