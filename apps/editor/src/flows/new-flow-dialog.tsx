import type { FlowDocument } from '@switchyard/flow';
import { useState } from 'react';
import { api } from '../api/api-client';
import { exampleFlows } from '../examples/bundled-examples';
import { useI18n } from '../i18n/i18n-context';
import { uniqueId } from '../model/flow-edits';

const BLANK = '';

/** Creates a flow, blank or copied from an example, and hands back its id. */
export function NewFlowDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [example, setExample] = useState(BLANK);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    const source = exampleFlows.find((e) => e.file === example)?.document;
    const title = name.trim() || source?.name || 'New flow';
    // A fresh id from the name, so a copy of an example does not clash with the loaded original.
    const id = uniqueId(
      `${
        title
          .replace(/[^A-Za-z0-9]+/g, '-')
          .toLowerCase()
          .replace(/^-+|-+$/g, '') || 'flow'
      }-${Date.now().toString(36)}`,
      new Set(),
    );
    const document: FlowDocument = source ? { ...source, id, name: title } : { id, name: title, description: '', nodes: [], edges: [] };
    setBusy(true);
    try {
      const created = await api.createFlow(title, document);
      onCreated(created.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <form
      className="dialog"
      data-testid="new-flow-dialog"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label>
        {t('flows.newName')}
        <input autoFocus data-testid="new-flow-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <select data-testid="new-flow-example" value={example} onChange={(e) => setExample(e.target.value)}>
          <option value={BLANK}>{t('flows.newBlank')}</option>
          {exampleFlows.map((e) => (
            <option key={e.file} value={e.file}>
              {t('flows.newFromExample', { name: e.document.name })}
            </option>
          ))}
        </select>
      </label>
      {error && <p className="error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="create-flow">
          {t('flows.create')}
        </button>
        <button type="button" onClick={onClose}>
          {t('flows.cancel')}
        </button>
      </div>
    </form>
  );
}
