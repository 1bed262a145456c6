import { randomBytes } from 'node:crypto';

/**
 * A fresh flow id from a name: its ASCII letters and digits as a slug, plus a random
 * suffix so two flows named alike (or named only in Chinese) do not collide.
 * @example flowIdFor('智能分类 Intake & classify') // "intake-classify-k3f9qa"
 */
export function flowIdFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6);
  return `${slug || 'flow'}-${suffix}`;
}
