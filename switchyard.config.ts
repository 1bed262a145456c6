import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { defineConfig } from '@switchyard/nodes';

/** The project's nodes beyond the built-ins: the example billing node used by flow 10. */
export default defineConfig({ nodes: [billingSuspend] });
