import { ReactFlowProvider } from '@xyflow/react';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { RosterContext } from '../inspector/roster-context';
import type { FlowTab } from '../use-hash-route';
import { useLoad } from '../use-load';
import { FlowEditorView } from './flow-editor-view';

/** Loads what a flow page needs (the flow, the node catalog, the roster), then shows the editor. */
export function FlowPage({ flowId, tab }: { flowId: string; tab?: FlowTab | undefined }) {
  const { t } = useI18n();
  const [load, reload] = useLoad(async () => {
    const [detail, catalog, groups, agents, skills] = await Promise.all([
      api.getFlow(flowId),
      api.nodes(),
      // The pickers fall back to free text when the roster cannot be read.
      api.groups().catch(() => []),
      api.agents().catch(() => []),
      api.skills().catch(() => []),
    ]);
    return { detail, catalog, roster: { groups, agents, skills } };
  });
  if (load.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={reload} />;
  const { detail, catalog, roster } = load.data;
  return (
    <RosterContext.Provider value={roster}>
      <ReactFlowProvider>
        <FlowEditorView flowId={flowId} detail={detail} catalog={catalog} linkedTab={tab} />
      </ReactFlowProvider>
    </RosterContext.Provider>
  );
}
