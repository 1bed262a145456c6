/**
 * The entry of flow `index` in a per-flow list of a ticket's run (its flows, snapshots,
 * bindings, ids), which all share the run's flow indexes. An index the run never gave out
 * is a bug: it throws naming the index instead of passing undefined on.
 * @example flowAt(flows, timer.flow).compiled.id
 */
export function flowAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no flow #${index} in this ticket's run (it has ${items.length})`);
  return item;
}
