/* Test helpers of @switchyard/api (its `./testing` subpath): only tests import them. */
export { sampleRollout } from './sample-rollout';
