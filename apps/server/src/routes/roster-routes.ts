import { createRoute } from '@hono/zod-openapi';
import { Agent, AgentInput, AgentList, Group, GroupList, Skill, SkillList } from '@switchyard/api';
import { listAgents, listGroups, listSkills, type RuntimeContext, upsertAgent, upsertGroup, upsertSkill } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['roster'];

const agents = createRoute({
  method: 'get',
  path: '/api/agents',
  tags,
  summary: 'Every agent, with open tickets counted',
  responses: { 200: jsonContent(AgentList, 'The agents'), ...errorResponses() },
});

const saveAgent = createRoute({
  method: 'post',
  path: '/api/agents',
  tags,
  summary: 'Create or replace an agent (by id); every group named must exist',
  request: { body: { required: true, content: { 'application/json': { schema: AgentInput } } } },
  responses: { 200: jsonContent(Agent, 'Saved'), ...errorResponses(400) },
});

const groups = createRoute({
  method: 'get',
  path: '/api/groups',
  tags,
  summary: 'Every group',
  responses: { 200: jsonContent(GroupList, 'The groups'), ...errorResponses() },
});

const saveGroup = createRoute({
  method: 'post',
  path: '/api/groups',
  tags,
  summary: 'Create or replace a group (by id)',
  request: { body: { required: true, content: { 'application/json': { schema: Group } } } },
  responses: { 200: jsonContent(Group, 'Saved'), ...errorResponses(400) },
});

const skills = createRoute({
  method: 'get',
  path: '/api/skills',
  tags,
  summary: 'Every skill: the named ones and any an agent has (named by its id)',
  responses: { 200: jsonContent(SkillList, 'The skills'), ...errorResponses() },
});

const saveSkill = createRoute({
  method: 'post',
  path: '/api/skills',
  tags,
  summary: 'Create or rename a skill (by id)',
  request: { body: { required: true, content: { 'application/json': { schema: Skill } } } },
  responses: { 200: jsonContent(Skill, 'Saved'), ...errorResponses(400) },
});

/** The roster assignment picks agents from. */
export function rosterRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(agents, async (c) => c.json(await listAgents(ctx.db), 200))
    .openapi(saveAgent, async (c) => c.json(await upsertAgent(ctx, c.req.valid('json'), c.get('actor')), 200))
    .openapi(groups, async (c) => c.json(await listGroups(ctx.db), 200))
    .openapi(saveGroup, async (c) => c.json(await upsertGroup(ctx, c.req.valid('json'), c.get('actor')), 200))
    .openapi(skills, async (c) => c.json(await listSkills(ctx.db), 200))
    .openapi(saveSkill, async (c) => c.json(await upsertSkill(ctx, c.req.valid('json'), c.get('actor')), 200));
}
