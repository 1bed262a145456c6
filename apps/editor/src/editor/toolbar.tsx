import { History, Maximize2, Network, Redo2, Send, Undo2 } from 'lucide-react';
import { Allowed } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import type { SaveState } from './use-autosave';

interface ToolbarProps {
  readonly name: string;
  readonly saveState: SaveState;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly readOnly: boolean;
  readonly notice: { readonly text: string; readonly tone: 'ok' | 'error' } | null;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onLayout: () => void;
  readonly onFit: () => void;
  readonly onPublish: () => void;
  /** Opens "Test on past tickets" for the draft. */
  readonly onBacktest: () => void;
}

/** The flow page's bar: name, save state, undo/redo, layout, fit, test on past tickets, publish. */
export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const { saveState } = props;
  const saveText =
    saveState.status === 'error'
      ? t('toolbar.saveFailed', { message: saveState.message })
      : saveState.status === 'conflict'
        ? t('toolbar.conflict')
        : saveState.status === 'saving'
          ? t('toolbar.saving')
          : saveState.status === 'dirty'
            ? t('toolbar.unsaved')
            : t('toolbar.saved');
  return (
    <div className="toolbar">
      <a href="#/" className="back">
        {t('flows.back')}
      </a>
      <h1 className="flow-name">{props.name}</h1>
      <span className={`save-state ${saveState.status}`} data-testid="save-state" data-status={saveState.status}>
        {saveText}
      </span>
      <span className="spacer" />
      {props.notice && (
        <span className={`notice ${props.notice.tone}`} data-testid="notice">
          {props.notice.text}
        </span>
      )}
      <button
        type="button"
        onClick={props.onUndo}
        disabled={props.readOnly || !props.canUndo}
        title={`${t('toolbar.undo')} (Ctrl+Z)`}
        data-testid="undo"
      >
        <Undo2 size={16} aria-hidden />
      </button>
      <button
        type="button"
        onClick={props.onRedo}
        disabled={props.readOnly || !props.canRedo}
        title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`}
        data-testid="redo"
      >
        <Redo2 size={16} aria-hidden />
      </button>
      <button type="button" onClick={props.onLayout} disabled={props.readOnly} title={t('canvas.tidyUpHint')} data-testid="auto-layout">
        <Network size={16} aria-hidden /> {t('canvas.tidyUp')}
      </button>
      <button type="button" onClick={props.onFit} data-testid="fit-view">
        <Maximize2 size={16} aria-hidden /> {t('toolbar.fit')}
      </button>
      <Allowed permission="flows.dry_run">
        <button type="button" onClick={props.onBacktest} title={t('backtest.actionHint')} data-testid="backtest-draft">
          <History size={16} aria-hidden /> {t('backtest.action')}
        </button>
      </Allowed>
      <Allowed permission="flows.publish">
        <button type="button" className="primary" onClick={props.onPublish} disabled={props.readOnly} data-testid="publish">
          <Send size={16} aria-hidden /> {t('toolbar.publish')}
        </button>
      </Allowed>
    </div>
  );
}
