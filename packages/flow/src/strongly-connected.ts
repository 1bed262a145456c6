/**
 * Strongly connected components of a directed graph (Tarjan, iterative so a
 * 1,000-node chain cannot overflow the stack). Returns components in reverse
 * topological order.
 */
export function stronglyConnected(nodes: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[][] {
  /** Each visited node's discovery index and the lowest index it reaches. */
  const seen = new Map<string, { readonly index: number; low: number }>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const discover = (node: string) => {
    const order = { index: counter, low: counter };
    counter++;
    seen.set(node, order);
    stack.push(node);
    onStack.add(node);
    return order;
  };

  for (const root of nodes) {
    if (seen.has(root)) continue;
    const work = [{ node: root, child: 0, order: discover(root) }];
    for (let frame = work.at(-1); frame; frame = work.at(-1)) {
      const child = (next.get(frame.node) ?? [])[frame.child];
      if (child !== undefined) {
        frame.child++;
        const visited = seen.get(child);
        if (!visited) work.push({ node: child, child: 0, order: discover(child) });
        else if (onStack.has(child)) frame.order.low = Math.min(frame.order.low, visited.index);
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) parent.order.low = Math.min(parent.order.low, frame.order.low);
      if (frame.order.low === frame.order.index) {
        const component: string[] = [];
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}
