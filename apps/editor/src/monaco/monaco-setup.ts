import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import './monaco-contributions';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { CEL_FUNCTIONS, CEL_KEYWORDS, CEL_ROOTS, expressionCompletions } from './expression-fields';

/** The language id of flow expressions (CEL). */
export const CEL_LANGUAGE = 'switchyard-cel';

// Workers come from this bundle: the editor never loads anything from a CDN.
self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
// @monaco-editor/react would otherwise fetch Monaco from a CDN; hand it the bundled one.
loader.config({ monaco });

monaco.languages.register({ id: CEL_LANGUAGE });
monaco.languages.setMonarchTokensProvider(CEL_LANGUAGE, {
  keywords: CEL_KEYWORDS,
  functions: CEL_FUNCTIONS,
  roots: CEL_ROOTS,
  tokenizer: {
    root: [
      [
        /[A-Za-z_]\w*/,
        { cases: { '@keywords': 'keyword', '@functions': 'type.identifier', '@roots': 'variable.predefined', '@default': 'identifier' } },
      ],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/\d+(\.\d+)?/, 'number'],
      [/&&|\|\||==|!=|<=|>=|[<>!?:+\-*/%]/, 'operator'],
      [/[()[\]{}.,]/, 'delimiter'],
    ],
  },
});

const KINDS = {
  variable: monaco.languages.CompletionItemKind.Variable,
  field: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
  keyword: monaco.languages.CompletionItemKind.Keyword,
} as const;

monaco.languages.registerCompletionItemProvider(CEL_LANGUAGE, {
  triggerCharacters: ['.'],
  provideCompletionItems(model, position) {
    const before = model.getValueInRange({
      startLineNumber: position.lineNumber,
      startColumn: 1,
      endLineNumber: position.lineNumber,
      endColumn: position.column,
    });
    const word = model.getWordUntilPosition(position);
    const range = {
      startLineNumber: position.lineNumber,
      endLineNumber: position.lineNumber,
      startColumn: word.startColumn,
      endColumn: word.endColumn,
    };
    return {
      suggestions: expressionCompletions(before).map((c) => ({
        label: c.label,
        kind: KINDS[c.kind],
        detail: c.detail,
        insertText: c.label,
        range,
      })),
    };
  },
});

/** JSON Schemas by model path: a node's raw config is checked and completed against its type's config schema. */
const schemas = new Map<string, unknown>();

/**
 * Checks and completes the JSON model at `path` against `schema` (undefined forgets it).
 * Schemas are given inline; Monaco never fetches one.
 */
export function setJsonSchema(path: string, schema: unknown): void {
  if (schema === undefined) schemas.delete(path);
  else schemas.set(path, schema);
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    enableSchemaRequest: false,
    schemas: [...schemas].map(([file, value]) => ({
      uri: `switchyard://schemas/${file}`,
      fileMatch: [file],
      schema: withoutMetaSchema(value),
    })),
  });
}

/** The catalog's schemas name draft 2020-12 in `$schema`; the language service needs no meta-schema to read them. */
function withoutMetaSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'));
}

export { monaco };
