import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { erpOrderLookup } from '@switchyard-examples/erp-order-lookup';
import { defineConfig } from '@switchyard/nodes';

/** The project's nodes beyond the built-ins: the example billing node of flow 10 and the ERP order lookup. */
export default defineConfig({ nodes: [billingSuspend, erpOrderLookup] });
