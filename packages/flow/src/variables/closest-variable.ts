import { flattenVariables, type VariableNode } from './variable-tree';

/** Edits (insert, delete, replace) from one text to another. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, replace));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name an unknown one most likely meant: one that ends with it (`customer.name`
 * → `ticket.customer.name`), else the nearest by edits when it is close enough; undefined when none is.
 * @example closestVariable(baseVariables('template'), 'customer.name') // "ticket.customer.name"
 */
export function closestVariable(roots: readonly VariableNode[], name: string): string | undefined {
  const paths = flattenVariables(roots).map((v) => v.path);
  const endings = paths.filter((p) => p.endsWith(`.${name}`)).sort((a, b) => a.length - b.length);
  if (endings[0] !== undefined) return endings[0];
  let best: { path: string; distance: number } | undefined;
  for (const path of paths) {
    const distance = editDistance(name.toLowerCase(), path.toLowerCase());
    if (!best || distance < best.distance) best = { path, distance };
  }
  // A suggestion two letters away from a short name is a guess, not a fix.
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.path : undefined;
}
