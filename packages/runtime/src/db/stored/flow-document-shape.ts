import { FlowDocument } from '@switchyard/flow';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/**
 * A flow document as `flows.draft` and `flow_versions.document` keep it. Version 1; documents
 * stored before versions were recorded are the same shape.
 */
export const flowDocumentShape = defineStoredShape({ name: 'flow-document', version: 1, schema: FlowDocument, migrations: [sameShape] });
