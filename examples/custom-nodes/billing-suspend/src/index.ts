export { billingSuspend, DEFAULT_BILLING_URL } from './billing-suspend';
