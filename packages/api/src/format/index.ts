export { DURATION_UNITS, durationParts, type FormatStyle, formatMs, humanDuration, partsText } from './format-duration';
export { formatCsat, formatDifference, formatInterval, formatMetricValue, formatPValue, type Verdict, verdictOf } from './format-metric';
export { isChineseIdNumber, maskContact, maskEmail, maskName, maskPhone, maskSensitiveText, maskSensitiveValue, passesLuhn } from './mask';
export {
  maskCustomerIn,
  maskCustomerInDetail,
  customerDetailMasker,
  maskerFor,
  maskHistory,
  maskMessages,
  maskTicketView,
  seesCustomerContact,
  type TicketViewer,
} from './mask-ticket';
