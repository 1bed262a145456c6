import type { FieldText } from '../field-meta';

/** A level-one category and its level twos, each with its label in both languages. */
export interface CatalogueCategory {
  readonly label: FieldText;
  readonly subcategories: Readonly<Record<string, FieldText>>;
}

const text = (en: string, zh: string): FieldText => ({ en, 'zh-CN': zh });

/**
 * The categories the examples and the editor offer (issue 21), as in the source's table
 * (一级分类 / 二级分类示例: 功能咨询, 投诉建议, 系统故障, 服务请求, 跨部门协作), plus the example
 * flows' own level ones (after-sales, logistics, billing). Ids are the values flows store in
 * `ticket.category` / `ticket.subcategory`; a flow may use others, the catalogue only names these.
 */
export const CATEGORY_CATALOGUE: Readonly<Record<string, CatalogueCategory>> = {
  inquiry: {
    label: text('Inquiry', '功能咨询'),
    subcategories: { business_rules: text('Business rules', '业务规则咨询'), how_to: text('How-to guidance', '操作流程指导') },
  },
  complaint: {
    label: text('Complaint & suggestion', '投诉建议'),
    subcategories: {
      service_attitude: text('Service attitude', '服务态度投诉'),
      product_experience: text('Product experience', '产品体验建议'),
    },
  },
  fault: {
    label: text('System fault', '系统故障'),
    subcategories: {
      login_failure: text('Login failure', '登录失败'),
      data_error: text('Data error', '数据错误'),
      feature_unavailable: text('Feature unavailable', '功能不可用'),
    },
  },
  service_request: {
    label: text('Service request', '服务请求'),
    subcategories: { special_request: text('Special request', '特殊需求申请'), expedite: text('Expedited handling', '业务办理加急') },
  },
  cross_team: {
    label: text('Cross-team collaboration', '跨部门协作'),
    subcategories: {
      resource_request: text('Resource request', '资源调配申请'),
      process_improvement: text('Process improvement', '流程优化需求'),
    },
  },
  after_sales: {
    label: text('After-sales', '售后'),
    subcategories: { refund: text('Refund', '退款'), return: text('Return', '退货'), exchange: text('Exchange', '换货') },
  },
  logistics: { label: text('Logistics', '物流'), subcategories: {} },
  billing: { label: text('Billing', '发票'), subcategories: {} },
};

/** Labels of every level one of the catalogue, by id (the inspector's choices). */
export const CATEGORY_CHOICES: Readonly<Record<string, FieldText>> = Object.fromEntries(
  Object.entries(CATEGORY_CATALOGUE).map(([id, c]) => [id, c.label]),
);

/** Labels of every level two of the catalogue, by id; an id under two level ones keeps the first's label. */
export const SUBCATEGORY_CHOICES: Readonly<Record<string, FieldText>> = Object.fromEntries(
  Object.values(CATEGORY_CATALOGUE)
    .flatMap((c) => Object.entries(c.subcategories))
    .reverse(),
);

/**
 * A ticket's category path, `level one/level two`, or the level one alone; undefined without a category.
 * Routing reads it as a skill: an agent with the skill `fault/login_failure` knows login failures.
 * @example categoryPath({ category: 'fault', subcategory: 'login_failure' }) // 'fault/login_failure'
 */
export function categoryPath(ticket: { readonly category: string | null; readonly subcategory: string | null }): string | undefined {
  if (ticket.category === null) return undefined;
  return ticket.subcategory === null ? ticket.category : `${ticket.category}/${ticket.subcategory}`;
}
