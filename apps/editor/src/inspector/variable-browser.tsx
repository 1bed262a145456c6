import type { VariableNode } from '@switchyard/flow';
import { useI18n } from '../i18n/i18n-context';
import { variableLabel } from '../model/variable-labels';

/** One name and, unless it is a leaf, the names below it (folded except the ticket). */
function VariableRow({ variable, onPick }: { variable: VariableNode; onPick: (variable: VariableNode) => void }) {
  const { t, locale } = useI18n();
  const label = variableLabel(variable, locale);
  const row = (
    <button
      type="button"
      className="variable-row"
      data-testid="variable"
      data-path={variable.path}
      onClick={() => onPick(variable)}
      title={t('variables.insert')}
    >
      <code>{variable.name}</code>
      {label && <span className="muted small">{label}</span>}
      {variable.open && <span className="muted small">{t('variables.anyField')}</span>}
    </button>
  );
  if (variable.children.length === 0) return <li>{row}</li>;
  return (
    <li>
      <details open={variable.path === 'ticket'} data-path={variable.path}>
        <summary>{row}</summary>
        <ul>
          {variable.children.map((child) => (
            <VariableRow key={child.path} variable={child} onPick={onPick} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The names a field can use, as a tree; a click inserts one where the cursor is. */
export function VariableBrowser({ roots, onPick }: { roots: readonly VariableNode[]; onPick: (variable: VariableNode) => void }) {
  const { t } = useI18n();
  const vars = roots.find((r) => r.name === 'vars');
  return (
    <div className="variable-browser" data-testid="variable-browser">
      <ul>
        {roots
          .filter((r) => r.name !== 'vars' || r.children.length > 0)
          .map((root) => (
            <VariableRow key={root.path} variable={root} onPick={onPick} />
          ))}
      </ul>
      {vars?.children.length === 0 && <p className="muted small">{t('variables.noOutputs')}</p>}
    </div>
  );
}
