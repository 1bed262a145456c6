import { z } from 'zod';

/**
 * The five kinds of people Switchyard is made for. A user may hold several roles; what
 * they may do is the union of their roles' permissions.
 */
export const Role = z.enum(['agent', 'supervisor', 'engineer', 'ops', 'admin']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/**
 * What a route or a button needs. Ticket permissions are scoped: an agent or supervisor
 * reaches the tickets of their groups (and those assigned to them); an admin reaches all.
 */
export const Permission = z
  .enum([
    'tickets.read',
    'tickets.create',
    'tickets.work',
    'customer.contact',
    'flows.read',
    'flows.edit',
    'flows.publish',
    'flows.dry_run',
    'rollout.manage',
    'runtime.read',
    'secrets.read',
    'secrets.write',
    'roster.read',
    'roster.manage',
    'users.manage',
    'audit.read',
    'tickets.supervise',
    'tickets.import',
  ])
  .meta({ id: 'Permission' });
export type Permission = z.infer<typeof Permission>;
export const PERMISSIONS = Permission.options;

const AGENT: readonly Permission[] = ['tickets.read', 'tickets.create', 'tickets.work', 'roster.read'];
const SUPERVISOR: readonly Permission[] = [
  ...AGENT,
  'customer.contact',
  'tickets.supervise',
  'flows.read',
  'flows.edit',
  'flows.publish',
  'flows.dry_run',
  'runtime.read',
];
const ENGINEER: readonly Permission[] = ['flows.read', 'flows.dry_run', 'secrets.read', 'secrets.write', 'runtime.read', 'roster.read'];
const OPS: readonly Permission[] = ['flows.read', 'rollout.manage', 'runtime.read', 'roster.read'];

/** The one role table: the README prints it and the route walk test checks every route of /openapi.json against it. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  agent: new Set(AGENT),
  supervisor: new Set(SUPERVISOR),
  engineer: new Set(ENGINEER),
  ops: new Set(OPS),
  admin: new Set(PERMISSIONS),
};

/** Every permission the roles grant together. */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}

/** Whether holders of `roles` may do what `permission` guards. */
export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].has(permission));
}

/** The people-facing name of each permission, for a 403 and the button that explains why it is disabled. */
export const PERMISSION_LABELS: Readonly<Record<Permission, { en: string; 'zh-CN': string }>> = {
  'tickets.read': { en: 'read tickets', 'zh-CN': '查看工单' },
  'tickets.create': { en: 'open tickets', 'zh-CN': '创建工单' },
  'tickets.work': { en: 'work on tickets', 'zh-CN': '处理工单' },
  'customer.contact': { en: "see customers' contact details", 'zh-CN': '查看客户联系方式' },
  'flows.read': { en: 'read flows', 'zh-CN': '查看流程' },
  'flows.edit': { en: 'draw and save flows', 'zh-CN': '绘制和保存流程' },
  'flows.publish': { en: 'publish flow versions', 'zh-CN': '发布流程版本' },
  'flows.dry_run': { en: 'dry-run flows', 'zh-CN': '试运行流程' },
  'rollout.manage': { en: 'roll out, promote and roll back versions', 'zh-CN': '灰度发布、全量和回滚版本' },
  'runtime.read': { en: 'see runtime figures and dead letters', 'zh-CN': '查看运行状态和失败记录' },
  'secrets.read': { en: 'list secrets', 'zh-CN': '查看密钥列表' },
  'secrets.write': { en: 'set secrets', 'zh-CN': '设置密钥' },
  'roster.read': { en: 'see the roster', 'zh-CN': '查看坐席名单' },
  'roster.manage': { en: 'manage the roster', 'zh-CN': '管理坐席名单' },
  'users.manage': { en: 'manage users and roles', 'zh-CN': '管理用户和角色' },
  'audit.read': { en: 'read and verify the audit log', 'zh-CN': '查看和校验审计日志' },
  'tickets.supervise': { en: 'step into abnormal tickets', 'zh-CN': '介入异常工单' },
  'tickets.import': { en: 'import tickets from another helpdesk', 'zh-CN': '从其他客服系统导入工单' },
};

export const ROLE_LABELS: Readonly<Record<Role, { en: string; 'zh-CN': string }>> = {
  agent: { en: 'Agent', 'zh-CN': '坐席' },
  supervisor: { en: 'Supervisor', 'zh-CN': '主管' },
  engineer: { en: 'Engineer', 'zh-CN': '工程师' },
  ops: { en: 'Ops', 'zh-CN': '运维' },
  admin: { en: 'Admin', 'zh-CN': '管理员' },
};

/** The body of every 403: which permission was missing, so a client can say it in its own words. */
export const PermissionRefusal = z
  .object({ error: z.string(), details: z.object({ permission: Permission }) })
  .meta({ id: 'PermissionRefusal', example: { error: 'permission flows.publish is missing', details: { permission: 'flows.publish' } } });
export type PermissionRefusal = z.infer<typeof PermissionRefusal>;
