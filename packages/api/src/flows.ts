import { FlowDocument as FlowDocumentSchema, Identifier, INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';
import { Diagnostic } from './diagnostic';
import { ErrorBody } from './error-body';
import { LocalizedText } from './node-catalog';

/** A flow as the editor draws it: nodes, edges, each node's config. */
export const FlowDocument = FlowDocumentSchema.meta({ id: 'FlowDocument' });

/** POST /api/flows. The document's id (when given) becomes the flow's id; without a document the draft starts empty. */
export const CreateFlowRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(INPUT_LIMITS.name),
    description: z.string().max(INPUT_LIMITS.description).optional(),
    document: FlowDocumentSchema.extend({
      id: Identifier.optional(),
      name: z.string().max(INPUT_LIMITS.name).optional(),
      nodes: FlowDocumentSchema.shape.nodes.default([]),
      edges: FlowDocumentSchema.shape.edges.default([]),
    }).optional(),
  })
  .meta({ id: 'CreateFlowRequest' });
export type CreateFlowRequest = z.input<typeof CreateFlowRequest>;

/**
 * A draft's revision: 1 when the flow is created, one more on every save. A client sends back
 * the revision it last saw, so a save or publish over someone else's newer save is refused (409).
 */
export const DraftRevision = z.number().int().min(1).meta({ id: 'DraftRevision' });

export const FlowCreated = z.object({ id: z.string(), revision: DraftRevision }).meta({ id: 'FlowCreated' });
export type FlowCreated = z.infer<typeof FlowCreated>;

/** Which published version new tickets get: stable, or the candidate for `percent` % of them (sticky per ticket). */
export const Deployment = z
  .object({
    stable: z.number().int(),
    candidate: z.number().int().nullable(),
    percent: z.number().int().min(0).max(100),
    /** Flows run in this order on each ticket. */
    position: z.number().int(),
  })
  .meta({ id: 'Deployment' });
export type Deployment = z.infer<typeof Deployment>;

/** A row of GET /api/flows. */
export const FlowSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    updatedAt: z.iso.datetime({ offset: true }),
    /** Whether the draft would publish. */
    draftValid: z.boolean().optional(),
    latestVersion: z.number().int().nullable(),
    deployment: Deployment.nullable(),
  })
  .meta({ id: 'FlowSummary' });
export type FlowSummary = z.infer<typeof FlowSummary>;
export const FlowList = z.array(FlowSummary);

export const VersionSummary = z
  .object({
    version: z.number().int(),
    author: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Why this version: the publisher's change note (null when none was given). */
    note: z.string().nullable().optional(),
  })
  .meta({ id: 'VersionSummary' });
export type VersionSummary = z.infer<typeof VersionSummary>;

/** GET /api/flows/:id: the draft, its diagnostics, the published versions (oldest first). */
export const FlowDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    draft: FlowDocument,
    /** The draft's revision: send it back with the next save or publish. */
    revision: DraftRevision,
    diagnostics: z.array(Diagnostic).optional(),
    versions: z.array(VersionSummary),
    deployment: Deployment.nullable(),
  })
  .meta({ id: 'FlowDetail' });
export type FlowDetail = z.infer<typeof FlowDetail>;

/**
 * PUT /api/flows/:id/draft. With `revision` (the one the client last saw) the save is refused
 * with a 409 `DraftConflict` when someone saved since; without it, the last save wins.
 */
export const SaveDraftRequest = z
  .strictObject({ document: FlowDocument, revision: DraftRevision.optional() })
  .meta({ id: 'SaveDraftRequest' });
export type SaveDraftRequest = z.input<typeof SaveDraftRequest>;

/**
 * POST /api/flows/:id/versions (the body is optional). With `revision` exactly that draft is
 * published, or a 409 `DraftConflict` says the draft moved on; without it, the current draft.
 */
export const PublishRequest = z
  .strictObject({
    revision: DraftRevision.optional(),
    /** A short change note kept with the version ("why"), shown in the versions panel and in diffs. */
    note: z.string().trim().max(INPUT_LIMITS.note).optional(),
  })
  .meta({ id: 'PublishRequest' });
export type PublishRequest = z.input<typeof PublishRequest>;

/** POST /api/flows/:id/versions answers the new version's number and the draft revision it was made from. */
export const VersionPublished = z.object({ version: z.number().int(), revision: DraftRevision }).meta({ id: 'VersionPublished' });
export type VersionPublished = z.infer<typeof VersionPublished>;

/**
 * The 409 of a draft save or publish whose `revision` is not the draft's any more: the usual
 * error body plus what the server has now (its revision and document), so a client can show
 * the difference, keep its own (save again with this revision) or take the server's.
 */
export const DraftConflict = ErrorBody.extend({
  revision: DraftRevision,
  document: FlowDocument,
  /** The refusal in both languages, for people. */
  message: LocalizedText,
}).meta({ id: 'DraftConflict' });
export type DraftConflict = z.infer<typeof DraftConflict>;

/** A published version compiled: the XState v5 machine config as JSON and the nodes its states refer to. */
export const CompiledFlow = z
  .object({
    id: z.string(),
    name: z.string(),
    /** `{ id, initial, context, states }`: what `switchyard compile` prints. */
    machine: z.unknown(),
    nodes: z.record(z.string(), z.object({ type: z.string(), version: z.number().int(), kind: z.string(), config: z.unknown() })),
    triggerEvents: z.array(z.string()),
  })
  .meta({ id: 'CompiledFlow' });
export type CompiledFlow = z.infer<typeof CompiledFlow>;

/** GET /api/flows/:id/versions/:n: an immutable published version and the machine it compiled to. */
export const FlowVersion = z
  .object({
    flowId: z.string(),
    version: z.number().int(),
    document: FlowDocument,
    compiled: CompiledFlow,
    author: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    /** The publisher's change note (null when none was given). */
    note: z.string().nullable().optional(),
  })
  .meta({ id: 'FlowVersion' });
export type FlowVersion = z.infer<typeof FlowVersion>;
