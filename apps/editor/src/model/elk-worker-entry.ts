/*
 * The web worker the layout runs in (auto-layout.ts): elkjs's worker build, once loaded in a worker,
 * answers elk-api's messages on `self` by itself, so importing it is all this file does.
 */
import 'elkjs/lib/elk-worker.min.js';
