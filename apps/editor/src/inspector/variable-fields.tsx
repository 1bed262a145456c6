import { flattenVariables, type VariableNode } from '@switchyard/flow';
import { Braces } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { evaluatePreview, insertionFor, previewTicket, renderPreview, templateCompletions } from '../model/template-preview';
import { setExpressionVariables } from '../monaco/expression-fields';
import { LazyCodeField } from '../monaco/lazy-code-field';
import { VariableBrowser } from './variable-browser';
import { useNodeVariables } from './variable-context';

interface VariableFieldProps {
  readonly testId: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
}

/** The browser behind a toggle, so a long tree does not push the form away. */
function VariablesToggle({ roots, onPick, testId }: { roots: readonly VariableNode[]; onPick: (v: VariableNode) => void; testId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="variables-toggle">
      <button type="button" className="link small" data-testid={`${testId}-variables`} onClick={() => setOpen(!open)} aria-expanded={open}>
        <Braces size={12} aria-hidden /> {open ? t('variables.hide') : t('variables.show')}
      </button>
      {open && <VariableBrowser roots={roots} onPick={onPick} />}
    </div>
  );
}

/**
 * A message template: the text, completion of names after `{{`, the variable browser, and a
 * live preview rendered by the runtime's renderer against a sample ticket.
 */
export function TemplateField({ testId, value, onChange }: VariableFieldProps) {
  const { t, locale } = useI18n();
  const { template: roots, sampleVars } = useNodeVariables();
  const box = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const paths = useMemo(() => flattenVariables(roots).map((v) => v.path), [roots]);
  const completion = cursor === null ? undefined : templateCompletions(value.slice(0, cursor), paths);
  const ticket = useMemo(() => previewTicket(locale), [locale]);
  const replace = (from: number, to: number, text: string) => {
    const next = value.slice(0, from) + text + value.slice(to);
    onChange(next);
    const at = from + text.length;
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
      setCursor(null);
    });
  };
  const insert = (variable: VariableNode) => {
    const el = box.current;
    const start = el?.selectionStart ?? value.length;
    replace(start, el?.selectionEnd ?? start, insertionFor(variable, 'template'));
  };
  const complete = (name: string) => {
    if (!completion || cursor === null) return;
    const closes = value.slice(cursor).startsWith('}}');
    replace(completion.from, cursor, closes ? name : `${name}}}`);
  };
  return (
    <div className="variable-field">
      <textarea
        ref={box}
        rows={4}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          onChange(e.target.value);
          setCursor(e.target.selectionStart);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setCursor(null), 150)}
        onKeyDown={(e) => {
          const first = completion?.names[0];
          if (e.key === 'Tab' && first) {
            e.preventDefault();
            complete(first);
          }
        }}
      />
      {completion && (
        <ul className="template-completions" data-testid={`${testId}-completions`} role="listbox">
          {completion.names.map((name) => (
            <li key={name}>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => complete(name)}>
                {name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <VariablesToggle roots={roots} onPick={insert} testId={testId} />
      {value !== '' && (
        <div className="template-preview" data-testid={`${testId}-preview`}>
          <span className="muted small">{t('variables.preview', { customer: ticket.customer.name })}</span>
          <div className="preview-text">{renderPreview(value, ticket, sampleVars)}</div>
        </div>
      )}
    </div>
  );
}

/** A CEL expression: Monaco with completions from this node's variables, the browser, and its value for the sample ticket. */
export function ExpressionField({ testId, value, onChange }: VariableFieldProps) {
  const { t, locale } = useI18n();
  const { expression: roots, sampleVars } = useNodeVariables();
  const insertRef = useRef<((text: string) => void) | null>(null);
  useEffect(() => setExpressionVariables(roots), [roots]);
  const ticket = useMemo(() => previewTicket(locale), [locale]);
  const result = value.trim() === '' ? undefined : evaluatePreview(value, ticket, sampleVars);
  const insert = (variable: VariableNode) => {
    const text = insertionFor(variable, 'expression');
    if (insertRef.current) insertRef.current(text);
    else onChange(value === '' ? text : `${value} ${text}`);
  };
  return (
    <div className="variable-field">
      <LazyCodeField language="cel" testId={testId} value={value} height={90} onChange={onChange} insertRef={insertRef} />
      <VariablesToggle roots={roots} onPick={insert} testId={testId} />
      {result !== undefined && (
        <div className="template-preview" data-testid={`${testId}-preview`}>
          <span className="muted small">{t('variables.preview', { customer: ticket.customer.name })}</span>
          <div className="preview-text">
            {result === true ? t('variables.true') : result === false ? t('variables.false') : <span className="error">{result}</span>}
          </div>
        </div>
      )}
    </div>
  );
}
