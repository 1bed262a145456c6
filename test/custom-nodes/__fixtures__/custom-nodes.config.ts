import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { erpOrderLookup } from '@switchyard-examples/erp-order-lookup';
import { defineConfig } from '@switchyard/nodes';

/** A project's switchyard.config.ts that installs both example node packages. */
export default defineConfig({ nodes: [billingSuspend, erpOrderLookup] });
