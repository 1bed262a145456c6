import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: 1 ms to 10 s, for post -> applied and timer lateness. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * What this process counts for Prometheus (`GET /metrics`): the worker's applied events and
 * fired timers with their latency, ticket creations, plus gauges set from the database at each
 * scrape (`refreshDatabaseGauges`). One registry per process, never prom-client's global one.
 */
export interface RuntimeMetrics {
  readonly registry: Registry;
  /** Events (ticket events and effect results) applied by this process's worker. */
  readonly eventsApplied: Counter<'source'>;
  /** Post -> applied, seconds, per event applied here. */
  readonly eventLatency: Histogram<'source'>;
  readonly timersFired: Counter;
  /** Fired minus due time, seconds. */
  readonly timerLateness: Histogram;
  /** Tickets opened through this process (`via`: api or bulk). */
  readonly ticketsCreated: Counter<'via'>;
  /** Worker batches committed, and their size (the adaptive batch). */
  readonly batchSize: Histogram;
  // Set from the database at scrape time: the same on every instance (use max(), not sum(), across instances).
  readonly ticketsDue: Gauge;
  readonly eventsPending: Gauge;
  readonly lagSeconds: Gauge;
  readonly timersScheduled: Gauge;
  readonly timersDue: Gauge;
  readonly oldestTimerDueSeconds: Gauge;
  readonly effects: Gauge<'status'>;
  readonly flowErrors: Gauge<'flow'>;
  readonly guardrailTrips: Gauge<'flow'>;
}

/** @example const metrics = createRuntimeMetrics(); const ctx = { ...ctx, metrics }; */
export function createRuntimeMetrics(): RuntimeMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    eventsApplied: new Counter({
      name: 'switchyard_events_applied_total',
      help: 'Events applied by this process, by source (ticket: posted to a ticket; effect: an effect result)',
      labelNames: ['source'],
      registers,
    }),
    eventLatency: new Histogram({
      name: 'switchyard_event_apply_latency_seconds',
      help: 'Time from an event being posted to its being applied (committed), by source',
      labelNames: ['source'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    timersFired: new Counter({ name: 'switchyard_timers_fired_total', help: 'Timers fired by this process', registers }),
    timerLateness: new Histogram({
      name: 'switchyard_timer_lateness_seconds',
      help: 'How long after its due time a timer fired',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    ticketsCreated: new Counter({
      name: 'switchyard_tickets_created_total',
      help: 'Tickets opened through this process, by way (api: POST /api/tickets; bulk: POST /api/tickets/bulk)',
      labelNames: ['via'],
      registers,
    }),
    batchSize: new Histogram({
      name: 'switchyard_worker_batch_tickets',
      help: 'Tickets processed per committed worker transaction',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers,
    }),
    ticketsDue: new Gauge({ name: 'switchyard_tickets_due', help: 'Tickets with due work (the backlog)', registers }),
    eventsPending: new Gauge({ name: 'switchyard_events_pending', help: 'Events posted and not yet applied', registers }),
    lagSeconds: new Gauge({ name: 'switchyard_lag_seconds', help: 'How long the oldest due ticket has waited', registers }),
    timersScheduled: new Gauge({ name: 'switchyard_timers_scheduled', help: 'Timers waiting (due or not)', registers }),
    timersDue: new Gauge({ name: 'switchyard_timers_due', help: 'Timers past their due time, not fired yet', registers }),
    oldestTimerDueSeconds: new Gauge({
      name: 'switchyard_timer_oldest_due_seconds',
      help: 'How long ago the oldest unfired timer was due (0 when none is due)',
      registers,
    }),
    effects: new Gauge({ name: 'switchyard_effects', help: 'Effects in the outbox by status', labelNames: ['status'], registers }),
    flowErrors: new Gauge({
      name: 'switchyard_flow_errored_tickets',
      help: 'Tickets on which a flow raised an error, per flow (all versions, since the start)',
      labelNames: ['flow'],
      registers,
    }),
    guardrailTrips: new Gauge({
      name: 'switchyard_guardrail_trips',
      help: 'Guardrail trips (a candidate rolled back), per flow, since the start',
      labelNames: ['flow'],
      registers,
    }),
  };
}
