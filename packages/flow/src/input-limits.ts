/**
 * The longest text each kind of stored field accepts, in characters (UTF-16 code units, as
 * zod counts them). Kept in one place so the flow document, the API bodies and the editor
 * agree; a longer value is a 400 naming the field. Ids stay far below PostgreSQL's btree
 * limit (~2,700 bytes per index row: 4 bytes a character at worst), so a hostile id is
 * refused by its schema instead of failing as an index error.
 * @example z.string().max(INPUT_LIMITS.name)
 */
export const INPUT_LIMITS = {
  /** Flow, node and edge ids, skill ids, node ports: they become XState state keys. */
  identifier: 100,
  /** Ids of agents, groups, customers, tickets, orders; node types. */
  id: 200,
  /** Names and labels of flows, nodes, agents, groups, skills, customers. */
  name: 200,
  /** A ticket's subject. */
  subject: 1000,
  /** A ticket's body, a customer's message, an agent's reply. */
  body: 100_000,
  /** A flow's description. */
  description: 2000,
  /** A customer's contact, the reason given for a rollout change. */
  note: 500,
  /** A duration as people write it ("1h 30m"). */
  duration: 50,
  /** A secret's value. */
  secret: 10_000,
  /** Any text in a node's config (a reply template, a request body, an expression's source). */
  configText: 20_000,
  /** Groups and skills of one agent. */
  listItems: 100,
} as const;
