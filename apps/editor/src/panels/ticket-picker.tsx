import { Upload } from 'lucide-react';
import { useState } from 'react';
import { exampleTicketFiles } from '../examples/bundled-examples';
import { useI18n } from '../i18n/i18n-context';
import { parseTicketLines, quickTicket, type SampleTicketInput, type TicketLineError } from '../model/sample-tickets';

const CHANNELS = ['chat', 'email', 'web', 'phone', 'social'] as const;

/** Collects sample tickets: from the examples, pasted or uploaded JSON lines, or a quick form. */
export function TicketPicker({
  tickets,
  onChange,
}: {
  tickets: readonly SampleTicketInput[];
  onChange: (tickets: SampleTicketInput[]) => void;
}) {
  const { t } = useI18n();
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<readonly TicketLineError[]>([]);
  const [quick, setQuick] = useState({ subject: '', body: '', channel: 'chat', tier: 'standard' });

  const addAll = (more: readonly SampleTicketInput[]) => {
    const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
    for (const ticket of more) byId.set(ticket.id, ticket);
    onChange([...byId.values()]);
  };
  const addText = (text: string) => {
    const parsed = parseTicketLines(text);
    setErrors(parsed.errors);
    addAll(parsed.tickets);
  };

  return (
    <div className="ticket-picker">
      <h3>{t('dryRun.tickets')}</h3>
      <label>
        {t('dryRun.examples')}
        <select
          value=""
          data-testid="example-tickets"
          onChange={(e) => {
            const file = exampleTicketFiles.find((f) => f.file === e.target.value);
            if (file) addText(file.text);
          }}
        >
          <option value="">{t('inspector.choose')}</option>
          {exampleTicketFiles.map((f) => (
            <option key={f.file} value={f.file}>
              {f.file}
            </option>
          ))}
        </select>
      </label>
      <details>
        <summary>{t('dryRun.paste')}</summary>
        <textarea
          rows={4}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          data-testid="paste-tickets"
          placeholder='{"id":"t1","channel":"chat","subject":"...","customer":{"id":"c1"}}'
        />
        <div className="row">
          <button type="button" onClick={() => addText(pasted)} data-testid="add-pasted">
            {t('dryRun.addQuick')}
          </button>
          <label className="upload">
            <Upload size={14} aria-hidden /> {t('dryRun.upload')}
            <input type="file" accept=".jsonl,.json,.txt" hidden onChange={(e) => void e.target.files?.[0]?.text().then(addText)} />
          </label>
        </div>
      </details>
      <details>
        <summary>{t('dryRun.quick')}</summary>
        <label>
          {t('dryRun.subject')}
          <input value={quick.subject} onChange={(e) => setQuick({ ...quick, subject: e.target.value })} data-testid="quick-subject" />
        </label>
        <label>
          {t('dryRun.body')}
          <textarea rows={2} value={quick.body} onChange={(e) => setQuick({ ...quick, body: e.target.value })} data-testid="quick-body" />
        </label>
        <div className="row">
          <label>
            {t('dryRun.channel')}
            <select value={quick.channel} onChange={(e) => setQuick({ ...quick, channel: e.target.value })}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`dryRun.channel.${c}` as const)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dryRun.tier')}
            <select value={quick.tier} onChange={(e) => setQuick({ ...quick, tier: e.target.value })}>
              <option value="standard">{t('dryRun.tier.standard')}</option>
              <option value="vip">{t('dryRun.tier.vip')}</option>
            </select>
          </label>
        </div>
        <button type="button" onClick={() => addAll([quickTicket(quick, new Set(tickets.map((x) => x.id)))])} data-testid="add-quick">
          {t('dryRun.addQuick')}
        </button>
      </details>
      {errors.map((e) => (
        <p key={e.line} className="error small">
          {t('dryRun.parseError', { line: e.line, message: e.message })}
        </p>
      ))}
      <div className="selected-tickets">
        <span data-testid="ticket-count">{t('dryRun.selected', { count: tickets.length })}</span>
        {tickets.length > 0 && (
          <button type="button" className="small" onClick={() => onChange([])} data-testid="clear-tickets">
            {t('dryRun.clear')}
          </button>
        )}
        <ul>
          {tickets.map((ticket) => (
            <li key={ticket.id} className="small">
              <code>{ticket.id}</code> {ticket.subject ?? ''}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
