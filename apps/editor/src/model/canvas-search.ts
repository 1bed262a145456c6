import type { FlowDocument } from '@switchyard/flow';

/** One node found by the canvas search, and what matched: its label (title) or its config. */
export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly matched: 'title' | 'config';
  /** The matching text, for the result list. */
  readonly excerpt: string;
}

/** Full-width letters and digits (Ｖｉｐ, ＶＩＰ) match their ASCII form; case is ignored. */
const normalize = (text: string): string => text.normalize('NFKC').toLocaleLowerCase();

/** Every string and number in a config, in order: keywords, template text, field names, amounts. */
export function configTexts(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) configTexts(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) configTexts(item, into);
  return into;
}

const MAX_HITS = 20;

/**
 * Nodes whose title (the label people gave, else the type's title) or config text contains every
 * word of the query, title matches first; Chinese matches as written (no spaces between words needed).
 * @example searchNodes(doc, '升级', (n) => n.label ?? n.type)[0]?.id
 */
export function searchNodes(doc: FlowDocument, query: string, titleOf: (node: FlowDocument['nodes'][number]) => string): SearchHit[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const titleHits: SearchHit[] = [];
  const configHits: SearchHit[] = [];
  for (const node of doc.nodes) {
    const title = titleOf(node);
    const texts = [node.id, ...configTexts(node.config)];
    const haystack = normalize([title, ...texts].join('\n'));
    if (!words.every((w) => haystack.includes(w))) continue;
    const normalizedTitle = normalize(title);
    if (words.every((w) => normalizedTitle.includes(w))) {
      titleHits.push({ id: node.id, title, matched: 'title', excerpt: title });
    } else {
      const excerpt = texts.find((t) => words.some((w) => normalize(t).includes(w))) ?? '';
      configHits.push({ id: node.id, title, matched: 'config', excerpt: excerpt.slice(0, 80) });
    }
  }
  return [...titleHits, ...configHits].slice(0, MAX_HITS);
}
