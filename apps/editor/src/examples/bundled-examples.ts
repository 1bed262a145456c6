import { FlowDocument } from '@switchyard/flow';

/**
 * The repository's example flows and sample tickets, bundled at build time: "new flow from an
 * example" and the dry-run panel's example tickets work without any extra API.
 */
const flowFiles = import.meta.glob<unknown>('../../../../examples/flows/*.json', { eager: true, import: 'default' });
const ticketFiles = import.meta.glob<string>('../../../../examples/tickets/*.jsonl', { eager: true, query: '?raw', import: 'default' });

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

/** Example flows by file name ("02-logistics-auto-reply"), parsed with the flow schema. */
export const exampleFlows: readonly { readonly file: string; readonly document: FlowDocument }[] = Object.entries(flowFiles)
  .flatMap(([path, json]) => {
    const parsed = FlowDocument.safeParse(json);
    return parsed.success ? [{ file: fileName(path), document: parsed.data }] : [];
  })
  .sort((a, b) => a.file.localeCompare(b.file));

/** Sample ticket files by name, as JSON lines text. */
export const exampleTicketFiles: readonly { readonly file: string; readonly text: string }[] = Object.entries(ticketFiles)
  .map(([path, text]) => ({ file: fileName(path), text }))
  .sort((a, b) => a.file.localeCompare(b.file));
