export { DURATION_UNITS, durationParts, type FormatStyle, formatMs, humanDuration, partsText } from './format-duration';
export { formatDifference, formatInterval, formatMetricValue, type Verdict, verdictOf } from './format-metric';
