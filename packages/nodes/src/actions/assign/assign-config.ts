import { bilingual, describeField, Duration } from '@switchyard/flow';
import { z } from 'zod';
import { Seniority } from '../../sdk/roster';
import { SENIORITY_CHOICES, words } from '../../sdk/field-words';

const CHOOSING = ['least_loaded', 'round_robin', 'load_balanced'];
const WHO = words('Who qualifies', '候选条件');
const ROUTING = words('Routing', '路由');
const SkillList = z.array(z.string().trim().min(1)).default([]);

/** The assign node's config: a fixed assignment, or a routing strategy with who qualifies and its timeouts. */
export const AssignConfig = z
  .strictObject({
    strategy: describeField(z.enum(['fixed', 'least_loaded', 'round_robin', 'load_balanced']).default('fixed'), {
      title: words('How to choose', '分配方式'),
      help: words(
        'A fixed group or agent; or among the online agents who fit: the least loaded, the next in turn, or the lowest load for their capacity.',
        '指定处理组或坐席；或在符合条件的在线坐席中：选负载最低的、按顺序轮流，或按各自容量均衡负载。',
      ),
      choices: {
        fixed: words('A fixed group or agent', '指定处理组或坐席'),
        least_loaded: words('Least-loaded agent', '负载最低的坐席'),
        round_robin: words('Round robin in the group', '组内轮流分配'),
        load_balanced: words('Balanced by capacity', '按容量均衡'),
      },
    }),
    group: describeField(z.string().min(1).optional(), {
      title: words('Group', '处理组'),
      help: words("Left empty: the ticket's current group.", '留空则用工单当前的处理组。'),
    }),
    agent: describeField(z.string().min(1).optional(), {
      title: words('Agent', '坐席'),
      showWhen: { strategy: ['fixed'] },
    }),
    skill: describeField(z.string().min(1).optional(), {
      title: words('Skill', '技能'),
      help: words('Only agents with this skill.', '只选有此技能的坐席。'),
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    skills: describeField(SkillList, {
      title: words('Required skills', '必备技能'),
      help: words('Only agents with every one of these skills.', '只选具备以下全部技能的坐席。'),
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    preferredSkills: describeField(SkillList, {
      title: words('Preferred skills', '优先技能'),
      help: words(
        'Agents with these skills first; without a waiting time, anyone who fits when none of them is free.',
        '优先选有这些技能的坐席；未设等待时长时，无人空闲就选其他符合条件的坐席。',
      ),
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    categorySkill: describeField(z.enum(['none', 'preferred', 'required']).default('none'), {
      title: words("Skill from the ticket's category", '按工单分类匹配技能'),
      help: words(
        'The skill named by the category path, e.g. fault/login_failure (or fault when there is no level two): preferred (anyone who fits when none of them is free) or required.',
        '以分类路径为技能名，例如 fault/login_failure（无二级分类时为 fault）：优先（无人空闲时选其他符合条件的坐席）或必备。',
      ),
      choices: {
        none: words('Not used', '不使用'),
        preferred: words('Preferred', '优先'),
        required: words('Required', '必备'),
      },
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    preferredFor: describeField(Duration.optional(), {
      title: words('Wait for preferred skills', '等待优先技能'),
      help: words(
        'Counted from ticket creation: until then only agents with the preferred skills get it; after it, the preferred skills are dropped. e.g. 10m',
        '从工单创建起算：在此之前只分配给有优先技能的坐席，之后不再要求优先技能。例如 10m',
      ),
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    seniority: describeField(Seniority.optional(), {
      title: words('Seniority', '资历'),
      choices: SENIORITY_CHOICES,
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    /** Only agents with fewer open tickets than this. */
    maxOpen: describeField(z.number().int().min(1).optional(), {
      title: words('Most open tickets', '最多在办工单'),
      help: words('Only agents with fewer open tickets than this.', '只选在办工单少于此数的坐席。'),
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    fallback: describeField(z.enum(['group_least_loaded', 'none']).default('none'), {
      title: words('When nobody qualifies', '无人符合时'),
      choices: {
        group_least_loaded: words("The group's least-loaded agent", '组内负载最低的坐席'),
        none: words('Leave unassigned', '不分配坐席'),
      },
      group: WHO,
      showWhen: { strategy: CHOOSING },
    }),
    overflowGroup: describeField(z.string().min(1).optional(), {
      title: words('Overflow group', '溢出处理组'),
      help: words(
        'When nobody in the group can take the ticket (offline, at capacity, or all offered it), an agent of this group gets it.',
        '组内无人可接（离线、已满或都已拒接）时，分配给此组的坐席。',
      ),
      group: ROUTING,
      showWhen: { strategy: CHOOSING },
    }),
    acceptTimeout: describeField(Duration.optional(), {
      title: words('Accept within', '接单时限'),
      help: words(
        'An agent who neither replies nor moves the ticket on within this time loses it to the next agent. e.g. 5m',
        '坐席在此时间内未回复也未处理工单，则改派给下一位坐席。例如 5m',
      ),
      group: ROUTING,
      showWhen: { strategy: CHOOSING },
    }),
  })
  .refine((c) => c.strategy !== 'fixed' || c.group !== undefined || c.agent !== undefined, {
    message: bilingual('a fixed assignment names a group or an agent', '指定分配需要填写处理组或坐席'),
    path: ['group'],
  });
export type AssignConfig = z.output<typeof AssignConfig>;

/** What the assign node leaves for later nodes (`vars.<node id>`). */
export const AssignOutput = z.object({
  agent: z.string().nullable(),
  name: z.string().optional(),
  /** Agents offered the ticket in this round who did not accept it in time. */
  offered: z.array(z.string()).optional(),
  /** True when the agent came from the overflow group. */
  overflowed: z.boolean().optional(),
  /** Set while nobody with the preferred skills is free and their waiting time runs. */
  waiting: z.literal('preferred_skills').optional(),
  /** True when every agent who fits was offered the ticket and none accepted: it stays with the last. */
  exhausted: z.boolean().optional(),
  /** Set by the accept timer on the previous output before the node runs again. */
  expired: z.boolean().optional(),
});
export type AssignOutput = z.infer<typeof AssignOutput>;
