import { baseVariables, type VariableNode } from '@switchyard/flow';

/** One completion item of the expression editor. */
export interface ExpressionCompletion {
  readonly label: string;
  readonly kind: 'variable' | 'field' | 'function' | 'keyword';
  readonly detail: string;
}

/** What an `expression` condition sees (README: "Expressions"), with the ticket's fields from its schema. */
const ROOTS: readonly ExpressionCompletion[] = [
  { label: 'ticket', kind: 'variable', detail: 'the ticket' },
  { label: 'stats', kind: 'variable', detail: 'message counts since the ticket was last opened' },
  { label: 'vars', kind: 'variable', detail: 'outputs of earlier actions by node id' },
  { label: 'event', kind: 'variable', detail: 'the event being handled' },
  { label: 'now', kind: 'variable', detail: 'the current (virtual) time' },
];

const FUNCTIONS: readonly ExpressionCompletion[] = [
  'size',
  'has',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'exists',
  'all',
  'map',
  'filter',
  'timestamp',
  'duration',
  'int',
  'string',
].map((label) => ({ label, kind: 'function', detail: 'CEL' }));
const KEYWORDS: readonly ExpressionCompletion[] = ['true', 'false', 'null', 'in'].map((label) => ({
  label,
  kind: 'keyword',
  detail: 'CEL',
}));

/** The names the field being edited can read (its node's variable tree); the base roots until one says. */
let activeVariables: readonly VariableNode[] = [
  ...baseVariables('expression'),
  { path: 'vars', name: 'vars', type: 'object', open: true, children: [] },
];

/** Sets the names completions offer: the inspector calls it for the node whose expression is shown. */
export function setExpressionVariables(roots: readonly VariableNode[]): void {
  activeVariables = roots;
}

/** The node of a dotted path in a tree. */
function nodeAt(roots: readonly VariableNode[], path: string): VariableNode | undefined {
  const [first, ...rest] = path.split('.');
  let node = roots.find((r) => r.name === first);
  for (const segment of rest) node = node?.children.find((c) => c.name === segment);
  return node;
}

/**
 * Completions for the text before the cursor: after `a.b.`, the members the variable tree
 * knows there (a node's declared output under `vars.<id>.`); otherwise the roots, functions and keywords.
 * @example expressionCompletions('ticket.pri').map((c) => c.label).includes('priority') // true
 */
export function expressionCompletions(textBeforeCursor: string, roots: readonly VariableNode[] = activeVariables): ExpressionCompletion[] {
  const member = /([A-Za-z_][\w.]*)\.(\w*)$/.exec(textBeforeCursor);
  if (member) return (nodeAt(roots, member[1] ?? '')?.children ?? []).map((c) => ({ label: c.name, kind: 'field', detail: c.type }));
  const variables = roots.map((r): ExpressionCompletion => ({ label: r.name, kind: 'variable', detail: r.title?.en ?? r.type }));
  return [...variables, ...FUNCTIONS, ...KEYWORDS];
}

/** Words the highlighter colours as keywords and functions. */
export const CEL_KEYWORDS = KEYWORDS.map((k) => k.label);
export const CEL_FUNCTIONS = FUNCTIONS.map((f) => f.label);
export const CEL_ROOTS = ROOTS.map((r) => r.label);
