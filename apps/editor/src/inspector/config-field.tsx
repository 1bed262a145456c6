import { useI18n } from '../i18n/i18n-context';
import { showValue } from '../model/show-value';
import { type FieldDescriptor, formatLooseValue, parseLooseValue } from '../model/schema-form';
import { ChipsInput } from './chips-input';
import { DurationInput } from './duration-input';
import { JsonValueField } from './json-value-field';
import { useRoster } from './roster-context';
import { ExpressionField, TemplateField } from './variable-fields';

interface ConfigFieldProps {
  readonly field: FieldDescriptor;
  readonly value: unknown;
  /** `undefined` removes the key from the config. */
  readonly onChange: (value: unknown) => void;
}

const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** A choice as people read it: its label from the node definition, else the value itself. */
function choiceLabel(field: FieldDescriptor, value: unknown, locale: 'en' | 'zh-CN'): string {
  return field.meta?.choices?.[String(value)]?.[locale] ?? showValue(value);
}

/** The input a config field's widget calls for. */
function FieldInput({ field, value, onChange }: ConfigFieldProps) {
  const { t, locale } = useI18n();
  const roster = useRoster();
  const testId = `field-${field.key}`;
  const text = (next: string) => onChange(next === '' ? undefined : next);
  switch (field.widget) {
    case 'textarea':
      return <textarea rows={4} value={asText(value)} data-testid={testId} onChange={(e) => text(e.target.value)} />;
    case 'number':
      return (
        <input
          type="number"
          value={asText(value)}
          data-testid={testId}
          step={field.integer ? 1 : 'any'}
          {...(field.minimum !== undefined ? { min: field.minimum } : {})}
          {...(field.maximum !== undefined ? { max: field.maximum } : {})}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'boolean':
      return <input type="checkbox" checked={value === true} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />;
    case 'enum':
      return (
        <select value={asText(value)} data-testid={testId} onChange={(e) => text(e.target.value)}>
          <option value="">
            {field.default !== undefined
              ? t('inspector.defaultChoice', { choice: choiceLabel(field, field.default, locale) })
              : t('inspector.choose')}
          </option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {choiceLabel(field, o, locale)}
            </option>
          ))}
        </select>
      );
    case 'multi-enum': {
      const chosen = asList(value);
      return (
        <div className="multi-enum" data-testid={testId}>
          {field.options?.map((o) => (
            <label key={o} className={`toggle ${chosen.includes(o) ? 'on' : ''}`}>
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o);
                  onChange(next.length ? next : undefined);
                }}
              />
              {choiceLabel(field, o, locale)}
            </label>
          ))}
        </div>
      );
    }
    case 'chips':
    case 'number-chips':
      return (
        <ChipsInput
          testId={testId}
          numeric={field.widget === 'number-chips'}
          values={asList(value)}
          onChange={(next) => onChange(next.length === 0 ? undefined : field.widget === 'number-chips' ? next.map(Number) : next)}
        />
      );
    case 'duration':
      return <DurationInput testId={testId} value={asText(value)} onChange={text} />;
    case 'expression':
      return <ExpressionField testId={testId} value={asText(value)} onChange={text} />;
    case 'template':
      return <TemplateField testId={testId} value={asText(value)} onChange={text} />;
    case 'group':
    case 'agent':
    case 'skill': {
      const named = (items: readonly { id: string; name: string; nameZh?: string | undefined }[]) =>
        items.map((item) => ({ id: item.id, name: locale === 'zh-CN' ? (item.nameZh ?? item.name) : item.name }));
      const options = field.widget === 'group' ? named(roster.groups) : field.widget === 'skill' ? named(roster.skills) : roster.agents;
      const known = options.some((o) => o.id === value);
      return (
        <select value={asText(value)} data-testid={testId} onChange={(e) => text(e.target.value)}>
          <option value="">{t('inspector.choose')}</option>
          {!known && typeof value === 'string' && value !== '' && <option value={value}>{value}</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.id})
            </option>
          ))}
        </select>
      );
    }
    case 'scalar-or-list':
      return <input value={formatLooseValue(value)} data-testid={testId} onChange={(e) => onChange(parseLooseValue(e.target.value))} />;
    case 'json':
      return <JsonValueField value={value} testId={testId} onChange={onChange} height={100} />;
    case 'text': {
      // Labels on a free-text field are suggestions (the category catalogue): any other value stays allowed.
      const suggestions = Object.entries(field.meta?.choices ?? {});
      return (
        <>
          <input
            value={asText(value)}
            data-testid={testId}
            {...(field.pattern ? { title: field.pattern } : {})}
            {...(suggestions.length > 0 ? { list: `${testId}-suggestions` } : {})}
            onChange={(e) => text(e.target.value)}
          />
          {suggestions.length > 0 && (
            <datalist id={`${testId}-suggestions`}>
              {suggestions.map(([id, label]) => (
                <option key={id} value={id}>
                  {label[locale]}
                </option>
              ))}
            </datalist>
          )}
        </>
      );
    }
  }
}

/** One labelled field of a node's generated config form, with the problems that name it. */
export function ConfigField({ field, value, onChange, problems }: ConfigFieldProps & { problems: readonly string[] }) {
  const { t, locale } = useI18n();
  const help = field.meta?.help?.[locale] ?? (field.meta ? undefined : field.description);
  return (
    <div className={`config-field ${problems.length ? 'invalid' : ''}`} data-field={field.key}>
      <div className="config-field-label">
        <span data-testid="field-title" title={field.key}>
          {field.meta?.title[locale] ?? field.key}
        </span>
        {field.required && <span className="required">{t('inspector.required')}</span>}
      </div>
      {help && <div className="muted small">{help}</div>}
      <FieldInput field={field} value={value} onChange={onChange} />
      {problems.map((p) => (
        <div key={p} className="error small">
          {p}
        </div>
      ))}
    </div>
  );
}
