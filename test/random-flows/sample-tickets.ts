import { Channel, CustomerTier, TicketStatus } from '@switchyard/flow';
import { SampleTicket, type SampleTicketInput } from '@switchyard/runtime';
import fc from 'fast-check';
import { scenarioText } from './scenario-words';

type SampleEventInput = NonNullable<SampleTicketInput['events']>[number];

/** 2026-01-01T00:00Z: sample tickets are created in the 60 days after it. */
const EPOCH = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** When a scripted event happens: mostly an offset from creation (some past the 30-day horizon), sometimes an ISO time. */
const eventAt: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 600 }).map((n) => `+${n}m`),
  fc.integer({ min: 1, max: 72 }).map((n) => `+${n}h`),
  fc.integer({ min: 1, max: 40 }).map((n) => `+${n}d`),
  // May fall before the ticket was created: dry-run delivers it at creation then.
  fc.integer({ min: 0, max: 90 * 24 }).map((hours) => new Date(EPOCH + hours * 3_600_000).toISOString()),
);

const sampleEvent: fc.Arbitrary<SampleEventInput> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ at: eventAt, type: fc.constant('customer.message'), body: scenarioText() }) },
  {
    weight: 2,
    arbitrary: fc.record({ at: eventAt, type: fc.constant('agent.reply'), agentId: fc.constantFrom('a1', 'a2'), body: scenarioText() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ at: eventAt, type: fc.constant('ticket.status'), status: fc.constantFrom(...TicketStatus.options) }),
  },
  { weight: 1, arbitrary: fc.record({ at: eventAt, type: fc.constant('survey.response'), score: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ at: eventAt, type: fc.constant('ticket.created') }) },
);

/**
 * A sample ticket: random channel, tier and text with scenario keywords, sometimes an
 * order id, created at a random minute, with a few scripted events.
 */
export function sampleTicket(): fc.Arbitrary<SampleTicket> {
  return fc
    .record(
      {
        id: fc.integer({ min: 0, max: 9999 }).map((n) => `T-${n}`),
        channel: fc.constantFrom(...Channel.options),
        subject: scenarioText(),
        body: scenarioText(),
        customer: fc.record({ id: fc.constantFrom('c1', 'c2'), tier: fc.constantFrom(...CustomerTier.options) }),
        orderId: fc.constantFrom('DD20260105001', 'X-1'),
        createdAt: fc.integer({ min: 0, max: 60 * 24 * 60 }).map((minutes) => new Date(EPOCH + minutes * 60_000).toISOString()),
        events: fc.array(sampleEvent, { maxLength: 5 }),
      },
      { requiredKeys: ['id', 'channel', 'subject', 'body', 'customer', 'createdAt', 'events'] },
    )
    .map((input: SampleTicketInput) => SampleTicket.parse(input));
}

/** Thirty days, the dry-run horizon, in milliseconds. */
export const HORIZON_MS = 30 * DAY;
