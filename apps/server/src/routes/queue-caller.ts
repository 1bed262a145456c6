import { DEFAULT_AT_RISK_MS, type QueueCaller } from '@switchyard/runtime';
import type { Principal } from '../auth/principal';
import { ticketScopeOf } from '../auth/ticket-scope';

/** Who asks for a queue: their reach, the agent they work as and their groups. */
export function queueCallerOf(principal: Principal): QueueCaller {
  return { scope: ticketScopeOf(principal), agentId: principal.agentId, groups: principal.groups };
}

/** How long an untouched ticket waits before it is at risk: SWITCHYARD_AT_RISK_MINUTES, 30 by default. */
export function atRiskMs(): number {
  const minutes = Number(process.env.SWITCHYARD_AT_RISK_MINUTES);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : DEFAULT_AT_RISK_MS;
}
