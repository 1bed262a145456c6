import { Scorecard } from '@switchyard/api';
import { defineStoredShape } from './stored-shape';

/** `analytics_settings.value` for id `scorecard`: the quality scorecard (metric, target, weight; cap). */
export const scorecardShape = defineStoredShape({
  name: 'scorecard',
  version: 1,
  schema: Scorecard,
  migrations: [(v0) => v0],
});
