import type { FlowDocument, FlowNode } from '@switchyard/flow';
import { Trash } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { CatalogEntry, Diagnostic } from '@switchyard/api';
import { NodeIcon } from '../editor/node-icon';
import { useI18n } from '../i18n/i18n-context';
import { variablesForNode, sampleVars } from '../model/node-variables';
import { describeProblem, problemNames } from '../model/problem-words';
import { configFields, groupFields, isFieldShown } from '../model/schema-form';
import { ConfigField } from './config-field';
import { JsonValueField } from './json-value-field';
import { MissingSecrets } from './missing-secrets';
import { type NodeVariables, NodeVariablesContext } from './variable-context';

interface InspectorProps {
  readonly node: FlowNode | undefined;
  readonly selectedCount: number;
  readonly entry: CatalogEntry | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The flow around the node (its upstream steps give `vars`) and every node type, for names and variables. */
  readonly doc?: Pick<FlowDocument, 'nodes' | 'edges'>;
  readonly catalog?: ReadonlyMap<string, CatalogEntry>;
  readonly readOnly: boolean;
  readonly onChange: (patch: Partial<Pick<FlowNode, 'label' | 'config'>>) => void;
  readonly onDelete: () => void;
}

const isFieldOf = (d: Diagnostic, key: string): boolean => d.field === `config.${key}` || (d.field?.startsWith(`config.${key}.`) ?? false);

/** The selected node's settings: label, and a form generated from its config schema (or raw JSON). */
export function Inspector({ node, selectedCount, entry, diagnostics, doc, catalog, readOnly, onChange, onDelete }: InspectorProps) {
  const { t, locale } = useI18n();
  const [raw, setRaw] = useState(false);
  const fields = useMemo(() => configFields(entry?.configSchema), [entry]);
  const flow = doc ?? { nodes: node ? [node] : [], edges: [] };
  const types = catalog ?? new Map(entry ? [[entry.type, entry]] : []);
  const nodeId = node?.id;
  const variables = useMemo((): NodeVariables => {
    if (nodeId === undefined) return { template: [], expression: [], sampleVars: {} };
    const template = variablesForNode(flow, nodeId, types, 'template');
    return { template, expression: variablesForNode(flow, nodeId, types, 'expression'), sampleVars: sampleVars(flow, template) };
  }, [nodeId, flow, types]);
  const names = problemNames(flow, types, locale);
  if (!node) return <p className="muted">{selectedCount > 1 ? t('inspector.multi', { count: selectedCount }) : t('inspector.empty')}</p>;
  const mine = diagnostics.filter((d) => d.nodeId === node.id);
  const general = mine.filter((d) => !fields.some((f) => isFieldOf(d, f.key)));
  const setField = (key: string, value: unknown) => {
    const config: Record<string, unknown> = { ...node.config };
    if (value === undefined) delete config[key];
    else config[key] = value;
    onChange({ config });
  };
  return (
    <div className="inspector" data-testid="inspector" data-node-id={node.id}>
      <div className="inspector-title">
        <NodeIcon name={entry?.icon} kind={entry?.kind} size={18} />
        {/* The type's key is for engineers: a tooltip, not words in the form. */}
        <strong title={node.type}>{entry?.title[locale] ?? node.type}</strong>
      </div>
      {entry?.description && <p className="muted small">{entry.description[locale]}</p>}
      <MissingSecrets entry={entry} />
      <fieldset disabled={readOnly}>
        <label className="config-field">
          <span className="config-field-label">{t('inspector.label')}</span>
          <input
            value={node.label ?? ''}
            data-testid="field-label"
            onChange={(e) => onChange({ label: e.target.value === '' ? undefined : e.target.value })}
          />
        </label>
        <div className="muted small">
          {t('inspector.id')}: <code>{node.id}</code>
        </div>
        {general.map((d, i) => (
          <p key={i} className="error small" data-testid="inspector-problem">
            {describeProblem(d, names)}
          </p>
        ))}
        {!entry && <p className="muted small">{t('inspector.unknownType', { type: node.type })}</p>}
        {entry && fields.length === 0 && <p className="muted small">{t('inspector.noConfig')}</p>}
        {entry && !raw && (
          <NodeVariablesContext.Provider value={variables}>
            {groupFields(fields.filter((f) => isFieldShown(f, node.config, fields) || mine.some((d) => isFieldOf(d, f.key)))).map(
              ({ group, fields: inGroup }) => {
                const body = inGroup.map((field) => (
                  <ConfigField
                    key={`${node.id}:${field.key}`}
                    field={field}
                    value={node.config[field.key]}
                    problems={mine.filter((d) => isFieldOf(d, field.key)).map((d) => describeProblem(d, names))}
                    onChange={(value) => setField(field.key, value)}
                  />
                ));
                if (!group) return body;
                const folded = inGroup.every((f) => f.meta?.folded === true);
                const open = !folded || inGroup.some((f) => node.config[f.key] !== undefined || mine.some((d) => isFieldOf(d, f.key)));
                return (
                  <details key={group.en} className="field-group" open={open || undefined} data-testid="field-group">
                    <summary>{group[locale]}</summary>
                    {body}
                  </details>
                );
              },
            )}
          </NodeVariablesContext.Provider>
        )}
        <label className="toggle-raw small">
          <input type="checkbox" checked={raw || !entry} disabled={!entry} onChange={(e) => setRaw(e.target.checked)} />{' '}
          {t('inspector.rawJson')}
        </label>
        {(raw || !entry) && (
          <JsonValueField
            key={node.id}
            value={node.config}
            height={200}
            testId="raw-config"
            path={`config-${node.id}.json`}
            {...(entry ? { schema: entry.configSchema } : {})}
            // A config is an object; anything else typed here is not applied (the JSON check flags it).
            onChange={(value) => typeof value === 'object' && value !== null && !Array.isArray(value) && onChange({ config: { ...value } })}
          />
        )}
        <button type="button" className="danger" onClick={onDelete}>
          <Trash size={14} aria-hidden /> {t('inspector.delete')}
        </button>
      </fieldset>
    </div>
  );
}
