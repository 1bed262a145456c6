export { DEFAULT_ERP_URL, ERP_TOKEN, erpOrderLookup, ErpOrder } from './erp-order-lookup';
export type { OrderLookupOutput } from './erp-order-lookup';
