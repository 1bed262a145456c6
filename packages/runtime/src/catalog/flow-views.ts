import type { CompiledFlow } from '@switchyard/compiler';
import type { Diagnostic, FlowDocument } from '@switchyard/flow';

/** Which versions new tickets get: stable, or the candidate for `percent` % of them. */
export interface DeploymentView {
  readonly stable: number;
  readonly candidate: number | null;
  /** Share of new tickets that get the candidate, 0-100. */
  readonly percent: number;
  /** Flows run in this order for each ticket. */
  readonly position: number;
}

/** A row of the flow list. Times are ISO strings: views go straight to JSON. */
export interface FlowSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly updatedAt: string;
  /** Whether the draft would publish; present when the caller gave a node registry to check it with. */
  readonly draftValid?: boolean;
  readonly latestVersion: number | null;
  readonly deployment: DeploymentView | null;
}

export interface VersionSummary {
  readonly version: number;
  readonly author: string | null;
  readonly createdAt: string;
}

/** A flow with its draft and the list of its published versions. */
export interface FlowDetail {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly draft: FlowDocument;
  /** The draft's revision: 1 at creation, one more on every save. */
  readonly revision: number;
  /** The draft's problems; present when the caller gave a node registry to check it with. */
  readonly diagnostics?: readonly Diagnostic[];
  readonly versions: readonly VersionSummary[];
  readonly deployment: DeploymentView | null;
}

/** A published version: what was published and the machine it compiled to. Never changes. */
export interface FlowVersion {
  readonly flowId: string;
  readonly version: number;
  readonly document: FlowDocument;
  readonly compiled: CompiledFlow;
  readonly author: string | null;
  readonly createdAt: string;
}
