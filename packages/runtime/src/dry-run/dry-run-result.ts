import type { DryRunResult } from '@switchyard/api';

/** The dry-run contract's per-ticket object (SCENARIOS.md), plus `paths` by flow: @switchyard/api's. */
export type { DryRunResult };

/** One action as the dry-run contract reports it. */
export type DryRunAction = DryRunResult['actions'][number];

/** A problem while running a ticket; any of these makes the CLI exit 1. */
export type DryRunError = DryRunResult['errors'][number];

/** A condition the path passed, with its answer and inputs (only when the dry-run explains). */
export type DryRunDecision = NonNullable<DryRunResult['decisions']>[number];
