import { createRoute, z } from '@hono/zod-openapi';
import { Agent, AgentInput, AgentList, AgentStatusRequest, Group, GroupList, Skill, SkillList } from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import {
  listAgents,
  listGroups,
  listSkills,
  type RuntimeContext,
  setAgentStatus,
  upsertAgent,
  upsertGroup,
  upsertSkill,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { permissionRefusal } from '../auth/authorize';
import { principalOf } from '../auth/principal';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['roster'];

const agents = createRoute({
  method: 'get',
  operationId: 'listAgents',
  path: '/api/agents',
  description: 'Lists the agents flows assign to, with their groups, skills, seniority, presence and open tickets counted.',
  tags,
  summary: 'Every agent, with open tickets counted',
  responses: { 200: jsonContent(AgentList, 'The agents', answerExample('listAgents', 200)), ...errorResponses() },
});

const saveAgent = createRoute({
  method: 'post',
  operationId: 'saveAgent',
  path: '/api/agents',
  description:
    'Creates or replaces an agent by id. Every group it names must exist; skills may be new (they are listed by id until named).',
  tags,
  summary: 'Create or replace an agent (by id); every group named must exist',
  request: { body: { required: true, content: { 'application/json': { schema: AgentInput, example: REQUEST_EXAMPLES.saveAgent } } } },
  responses: { 200: jsonContent(Agent, 'Saved', answerExample('saveAgent', 200)), ...errorResponses(400) },
});

const AgentParams = z.object({ id: z.string().min(1).max(INPUT_LIMITS.id).meta({ example: 'li-na' }) });

const agentStatus = createRoute({
  method: 'post',
  operationId: 'setAgentStatus',
  path: '/api/agents/{id}/status',
  description:
    "Sets an agent's presence: online agents are routed new tickets; away agents keep theirs and get none; offline agents get none. An agent sets their own; roster.manage or tickets.supervise sets anyone's. Audited.",
  tags,
  summary: "Set an agent's presence (online, away, offline)",
  request: {
    params: AgentParams,
    body: { required: true, content: { 'application/json': { schema: AgentStatusRequest, example: REQUEST_EXAMPLES.setAgentStatus } } },
  },
  responses: {
    200: jsonContent(Agent, 'The agent with its new status', answerExample('setAgentStatus', 200)),
    ...errorResponses(400, 404),
  },
});

const groups = createRoute({
  method: 'get',
  operationId: 'listGroups',
  path: '/api/groups',
  description: 'Lists the groups tickets are assigned to.',
  tags,
  summary: 'Every group',
  responses: { 200: jsonContent(GroupList, 'The groups', answerExample('listGroups', 200)), ...errorResponses() },
});

const saveGroup = createRoute({
  method: 'post',
  operationId: 'saveGroup',
  path: '/api/groups',
  description: 'Creates or replaces a group by id, with its English and Chinese names.',
  tags,
  summary: 'Create or replace a group (by id)',
  request: { body: { required: true, content: { 'application/json': { schema: Group, example: REQUEST_EXAMPLES.saveGroup } } } },
  responses: { 200: jsonContent(Group, 'Saved', answerExample('saveGroup', 200)), ...errorResponses(400) },
});

const skills = createRoute({
  method: 'get',
  operationId: 'listSkills',
  path: '/api/skills',
  description: 'Lists the skills assignment matches on: the named ones and every skill an agent has.',
  tags,
  summary: 'Every skill: the named ones and any an agent has (named by its id)',
  responses: { 200: jsonContent(SkillList, 'The skills', answerExample('listSkills', 200)), ...errorResponses() },
});

const saveSkill = createRoute({
  method: 'post',
  operationId: 'saveSkill',
  path: '/api/skills',
  description: 'Creates a skill or renames it, by id, with its English and Chinese names.',
  tags,
  summary: 'Create or rename a skill (by id)',
  request: { body: { required: true, content: { 'application/json': { schema: Skill, example: REQUEST_EXAMPLES.saveSkill } } } },
  responses: { 200: jsonContent(Skill, 'Saved', answerExample('saveSkill', 200)), ...errorResponses(400) },
});

/** The roster assignment picks agents from. */
export function rosterRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(agents, async (c) => c.json(await listAgents(ctx.db), 200))
    .openapi(saveAgent, async (c) => c.json(await upsertAgent(ctx, c.req.valid('json'), c.get('actor')), 200))
    .openapi(agentStatus, async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const anyone = principal.permissions.has('roster.manage') || principal.permissions.has('tickets.supervise');
      if (!anyone && principal.agentId !== id) return permissionRefusal(c, 'roster.manage');
      return c.json(await setAgentStatus(ctx, id, c.req.valid('json'), principal.actor), 200);
    })
    .openapi(groups, async (c) => c.json(await listGroups(ctx.db), 200))
    .openapi(saveGroup, async (c) => c.json(await upsertGroup(ctx, c.req.valid('json'), c.get('actor')), 200))
    .openapi(skills, async (c) => c.json(await listSkills(ctx.db), 200))
    .openapi(saveSkill, async (c) => c.json(await upsertSkill(ctx, c.req.valid('json'), c.get('actor')), 200));
}
