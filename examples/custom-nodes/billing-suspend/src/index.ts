export { API_KEY, billingSuspend, DEFAULT_BILLING_URL } from './billing-suspend';
