import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, describeNodes } from '@switchyard/nodes';
import { autoLayout } from '../apps/editor/src/model/auto-layout';
import { portsOfNodes } from '../apps/editor/src/model/flow-to-canvas';
import config from '../switchyard.config';

/*
 * `pnpm exec tsx examples/lay-out-flows.ts`: lays every example flow out with the editor's "tidy up"
 * (the same engine, so the editor draws their edges along its routes) and writes the positions
 * back, changing only the x and y lines of each file.
 */
const here = import.meta.dirname;
const catalog: Parameters<typeof portsOfNodes>[1] = new Map(
  describeNodes([...builtinNodes, ...(config.nodes ?? [])]).map((n) => [n.type, { ...n, ports: [...n.ports], secrets: [...n.secrets] }]),
);

for (const file of readdirSync(join(here, 'flows')).filter((f) => f.endsWith('.json'))) {
  const path = join(here, 'flows', file);
  const text = readFileSync(path, 'utf8');
  const doc = FlowDocument.parse(JSON.parse(text));
  const { doc: laid } = await autoLayout(doc, portsOfNodes(doc, catalog));
  let index = 0;
  const written = text.replace(
    /("position": \{\s*"x": )-?\d+(\.\d+)?(,\s*"y": )-?\d+(\.\d+)?/g,
    (_, before: string, _x, middle: string) => {
      const position = laid.nodes[index]?.position;
      index += 1;
      if (!position) throw new Error(`${file}: more positions than nodes`);
      return `${before}${position.x}${middle}${position.y}`;
    },
  );
  if (index !== laid.nodes.length) throw new Error(`${file}: ${index} positions for ${laid.nodes.length} nodes`);
  writeFileSync(path, written);
  console.log(`${file}: ${laid.nodes.length} nodes laid out`);
}
