import Editor from '@monaco-editor/react';
import { useEffect } from 'react';
import { CEL_LANGUAGE, setJsonSchema } from './monaco-setup';

export interface CodeFieldProps {
  readonly value: string;
  readonly language: 'cel' | 'json';
  readonly onChange: (text: string) => void;
  readonly height?: number;
  readonly testId?: string;
  /** The model's name; with `schema`, JSON is checked and completed against that JSON Schema. */
  readonly path?: string;
  readonly schema?: unknown;
  /** Filled with a function that inserts text at the cursor (the variable browser's clicks). */
  readonly insertRef?: { current: ((text: string) => void) | null };
}

/** A Monaco editor for an expression or raw JSON; loaded lazily, so the canvas opens without it. */
export default function CodeField({ value, language, onChange, height = 120, testId, path, schema, insertRef }: CodeFieldProps) {
  useEffect(() => {
    if (!path || schema === undefined) return;
    setJsonSchema(path, schema);
    return () => setJsonSchema(path, undefined);
  }, [path, schema]);
  return (
    <div className="code-field" data-testid={testId} style={{ height }}>
      <Editor
        value={value}
        {...(path ? { path } : {})}
        language={language === 'cel' ? CEL_LANGUAGE : 'json'}
        onChange={(text) => onChange(text ?? '')}
        onMount={(editor) => {
          if (!insertRef) return;
          insertRef.current = (text) => {
            const selection = editor.getSelection();
            if (!selection) return;
            editor.executeEdits('variable-browser', [{ range: selection, text, forceMoveMarkers: true }]);
            editor.focus();
          };
        }}
        options={{
          minimap: { enabled: false },
          lineNumbers: language === 'json' ? 'on' : 'off',
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          fontSize: 13,
          automaticLayout: true,
          tabSize: 2,
        }}
      />
    </div>
  );
}
