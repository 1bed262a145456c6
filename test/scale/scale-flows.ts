import { FlowDocument, type FlowDocumentInput, validateFlow } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import { createFlow, deployVersion, publishVersion, type RuntimeContext } from '@switchyard/runtime';

/** Flow ids of the scale tests. */
export const ECHO_FLOW = 'scale-echo';
export const TIMER_FLOW = 'scale-timer';

const at = (x: number) => ({ x, y: 0 });

/**
 * scale-echo: each customer message that starts a run is POSTed to the receiver's /echo with
 * the ticket id and the message body (a sequence number); then the run waits 1 s for another
 * message, and on timeout POSTs /idle. Timing decides how many messages start a run (one run
 * per flow per ticket at a time), but every run's echo carries a later body than the last.
 */
export function echoFlow(receiverUrl: string): FlowDocumentInput {
  return {
    id: ECHO_FLOW,
    name: 'Scale echo',
    nodes: [
      { id: 'message', type: 'customer_message', config: {}, position: at(0) },
      {
        id: 'echo',
        type: 'http',
        config: { method: 'POST', url: `${receiverUrl}/echo`, body: '{"ticket":"{{ticket.id}}","seq":{{event.body}}}', timeoutMs: 5000 },
        position: at(200),
      },
      { id: 'quiet', type: 'wait_for_event', config: { event: 'customer.message', timeout: '1s' }, position: at(400) },
      {
        id: 'idle',
        type: 'http',
        config: { method: 'POST', url: `${receiverUrl}/idle`, body: '{"ticket":"{{ticket.id}}"}', timeoutMs: 5000 },
        position: at(600),
      },
    ],
    edges: [
      { id: 'message-echo', source: 'message', sourceHandle: 'next', target: 'echo' },
      { id: 'echo-quiet', source: 'echo', sourceHandle: 'next', target: 'quiet' },
      { id: 'quiet-idle', source: 'quiet', sourceHandle: 'timeout', target: 'idle' },
    ],
  };
}

/** scale-timer: one timer per ticket, deterministic: on creation wait 1 s, then POST /timer. */
export function timerFlow(receiverUrl: string): FlowDocumentInput {
  return {
    id: TIMER_FLOW,
    name: 'Scale timer',
    nodes: [
      { id: 'created', type: 'ticket_created', config: {}, position: at(0) },
      { id: 'pause', type: 'delay', config: { duration: '1s' }, position: at(200) },
      {
        id: 'ping',
        type: 'http',
        config: { method: 'POST', url: `${receiverUrl}/timer`, body: '{"ticket":"{{ticket.id}}"}', timeoutMs: 5000 },
        position: at(400),
      },
    ],
    edges: [
      { id: 'created-pause', source: 'created', sourceHandle: 'next', target: 'pause' },
      { id: 'pause-ping', source: 'pause', sourceHandle: 'next', target: 'ping' },
    ],
  };
}

/** Validates, creates, publishes and deploys the two flows (echo runs first). */
export async function deployScaleFlows(ctx: RuntimeContext, registry: NodeRegistry, receiverUrl: string): Promise<void> {
  for (const [position, document] of [echoFlow(receiverUrl), timerFlow(receiverUrl)].entries()) {
    const validation = validateFlow(document, registry);
    if (!validation.ok) throw new Error(`${document.id} does not validate: ${JSON.stringify(validation.diagnostics)}`);
    await createFlow(ctx, { name: document.name, document: FlowDocument.parse(document) }, 'scale-test');
    const { version } = await publishVersion(ctx, document.id, 'scale-test');
    await deployVersion(ctx, document.id, version, 'scale-test', position);
  }
}
