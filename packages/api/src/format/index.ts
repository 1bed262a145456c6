export { DURATION_UNITS, durationParts, type FormatStyle, formatMs, humanDuration, partsText } from './format-duration';
export { formatCsat, formatDifference, formatInterval, formatMetricValue, formatPValue, type Verdict, verdictOf } from './format-metric';
