import type { FlowNode } from '@switchyard/flow';
import { Trash } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { CatalogEntry, Diagnostic } from '@switchyard/api';
import { NodeIcon } from '../editor/node-icon';
import { useI18n } from '../i18n/i18n-context';
import { diagnosticText } from '../model/diagnostics-index';
import { configFields } from '../model/schema-form';
import { ConfigField } from './config-field';
import { JsonValueField } from './json-value-field';
import { MissingSecrets } from './missing-secrets';

interface InspectorProps {
  readonly node: FlowNode | undefined;
  readonly selectedCount: number;
  readonly entry: CatalogEntry | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly readOnly: boolean;
  readonly onChange: (patch: Partial<Pick<FlowNode, 'label' | 'config'>>) => void;
  readonly onDelete: () => void;
}

const isFieldOf = (d: Diagnostic, key: string): boolean => d.field === `config.${key}` || (d.field?.startsWith(`config.${key}.`) ?? false);

/** The selected node's settings: label, and a form generated from its config schema (or raw JSON). */
export function Inspector({ node, selectedCount, entry, diagnostics, readOnly, onChange, onDelete }: InspectorProps) {
  const { t, locale } = useI18n();
  const [raw, setRaw] = useState(false);
  const fields = useMemo(() => configFields(entry?.configSchema), [entry]);
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
        <strong>{entry?.title[locale] ?? node.type}</strong>
        <span className="muted small">{node.type}</span>
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
            {diagnosticText(d, locale)}
          </p>
        ))}
        {!entry && <p className="muted small">{t('inspector.unknownType', { type: node.type })}</p>}
        {entry && fields.length === 0 && <p className="muted small">{t('inspector.noConfig')}</p>}
        {entry &&
          !raw &&
          fields.map((field) => (
            <ConfigField
              key={`${node.id}:${field.key}`}
              field={field}
              value={node.config[field.key]}
              problems={mine.filter((d) => isFieldOf(d, field.key)).map((d) => diagnosticText(d, locale))}
              onChange={(value) => setField(field.key, value)}
            />
          ))}
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
