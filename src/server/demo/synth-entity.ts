import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../domain/identity/credit-code.js';
import type { EntityCreateInput } from '../../domain/ledger/entity-schema.js';
import type { EntityType } from '../../domain/ledger/entity-types.js';
import { TRADE_NAMES } from './names.js';
import type { Random } from './random.js';

/**
 * Plausible market entities: types and industries weighted to what returnees start (farming,
 * food processing, retail and e-commerce, catering), about 6.5 jobs each on average, with
 * workshops (就业帮扶车间) and 规上 enterprises where the story wants them. Credit codes are
 * valid and unique by construction (a base-31 serial in the organisation body).
 */

interface Trade {
  industry: string;
  weight: number;
  /** Name endings by entity type. */
  suffix: Partial<Record<EntityType, readonly string[]>>;
  products: readonly string[];
  ecommerce: number;
}

// prettier-ignore
const TRADES: readonly Trade[] = [
  { industry: '01', weight: 16, suffix: { cooperative: ['种植专业合作社'], family_farm: ['家庭农场'], enterprise: ['生态农业有限公司'], individual: ['种植场'] }, products: ['脐橙', '猕猴桃', '中药材', '艾草', '蔬菜', '烟叶', '核桃', '茶叶', '香菇'], ecommerce: 0.12 },
  { industry: '03', weight: 8, suffix: { cooperative: ['养殖专业合作社'], family_farm: ['家庭农场'], enterprise: ['畜牧有限公司'], individual: ['养殖场'] }, products: ['生猪', '肉牛', '山羊', '土鸡', '蜂蜜', '黄牛'], ecommerce: 0.08 },
  { industry: '13', weight: 10, suffix: { enterprise: ['农副产品加工有限公司', '食品有限公司'], individual: ['农副产品加工厂'], cooperative: ['农产品加工专业合作社'] }, products: ['脐橙深加工', '粉条', '腊肉', '菌菇干货', '艾草制品', '红薯粉'], ecommerce: 0.25 },
  { industry: '14', weight: 4, suffix: { enterprise: ['食品有限公司'], individual: ['食品厂'] }, products: ['火锅底料', '糕点', '酱菜', '豆制品'], ecommerce: 0.3 },
  { industry: '18', weight: 4, suffix: { enterprise: ['服饰有限公司'], individual: ['服装加工厂'] }, products: ['服装', '手套', '箱包'], ecommerce: 0.15 },
  { industry: '29', weight: 3, suffix: { enterprise: ['塑料制品有限公司'], individual: ['遮阳网加工厂'] }, products: ['遮阳网', '塑料制品', '编织袋'], ecommerce: 0.05 },
  { industry: '39', weight: 3, suffix: { enterprise: ['电子科技有限公司'] }, products: ['电子元件', '数据线', '小家电配件'], ecommerce: 0.05 },
  { industry: '52', weight: 22, suffix: { enterprise: ['商贸有限公司', '电子商务有限公司'], individual: ['便利店', '农资店', '网店'] }, products: ['日用百货', '农资', '土特产', '脐橙网销', '五金'], ecommerce: 0.4 },
  { industry: '51', weight: 4, suffix: { enterprise: ['农产品贸易有限公司'], individual: ['批发部'] }, products: ['农产品批发', '建材'], ecommerce: 0.2 },
  { industry: '61', weight: 5, suffix: { enterprise: ['乡村旅游开发有限公司'], individual: ['民宿'] }, products: ['民宿', '乡村旅游'], ecommerce: 0.1 },
  { industry: '62', weight: 8, suffix: { individual: ['农家乐', '餐馆'], enterprise: ['餐饮管理有限公司'] }, products: ['农家菜', '烤鱼', '特色小吃'], ecommerce: 0.05 },
  { industry: '54', weight: 4, suffix: { enterprise: ['物流有限公司'], individual: ['快递服务部'] }, products: ['物流配送', '快递代收'], ecommerce: 0.1 },
  { industry: '81', weight: 4, suffix: { individual: ['家电维修部', '汽车修理厂'] }, products: ['家电维修', '汽车修理', '摩托车维修'], ecommerce: 0.02 },
  { industry: '80', weight: 2, suffix: { individual: ['理发店', '家政服务部'] }, products: ['美容美发', '家政服务'], ecommerce: 0.02 },
  { industry: '47', weight: 3, suffix: { enterprise: ['建筑劳务有限公司'] }, products: ['建筑劳务', '房屋修缮'], ecommerce: 0 },
  { industry: '72', weight: 1, suffix: { enterprise: ['企业管理咨询有限公司'] }, products: ['电商培训', '代账服务'], ecommerce: 0.2 },
];

const CATEGORY_DIGIT: Record<EntityType, string> = {
  enterprise: '1',
  individual: '2',
  cooperative: '3',
  family_farm: '2',
};

/** A valid credit code for the `serial`-th entity (unique per serial below 31^7). */
export function creditCodeOf(type: EntityType, county: string, serial: number): string {
  let body = '';
  // A bijection of the serial below 31^7, so neighbouring entities do not get neighbouring codes.
  const mixed = (serial * 7919 + 1_234_567) % 27_512_614_111;
  for (let n = mixed, i = 0; i < 7; i++, n = Math.floor(n / 31))
    body = CREDIT_CODE_ALPHABET.charAt(n % 31) + body;
  return makeCreditCode(`9${CATEGORY_DIGIT[type]}${county}MA${body}`);
}

export interface EntitySeed {
  township: string;
  county: string;
  /** Unique in the deployment, from 0. */
  serial: number;
  /** How the entity's name starts: `奉节县兴隆镇`. */
  namePrefix: string;
  parkOrgId?: string | null;
}

export interface EntityPlan {
  foundedOn: string;
  type?: EntityType;
  isWorkshop?: boolean;
  aboveScale?: boolean;
}

function typeFor(r: Random, trade: Trade): EntityType {
  const allowed = Object.keys(trade.suffix) as EntityType[];
  const weights: Record<EntityType, number> = {
    enterprise: 30,
    individual: 50,
    cooperative: 12,
    family_farm: 8,
  };
  return r.weighted(allowed.map((t) => [t, weights[t]] as const));
}

function jobsFor(r: Random, type: EntityType, plan: EntityPlan): number {
  if (plan.aboveScale) return r.int(40, 150);
  if (plan.isWorkshop) return r.int(15, 40);
  const median = { enterprise: 8, individual: 2.2, cooperative: 8, family_farm: 3.5 }[type];
  return Math.max(1, Math.round(r.around(median, 0.6)));
}

function revenueFor(r: Random, type: EntityType, plan: EntityPlan): number {
  if (plan.aboveScale) return Math.round(r.around(4_000, 0.5) + 2_000);
  const median = { enterprise: 320, individual: 35, cooperative: 160, family_farm: 60 }[type];
  return Math.min(1_900, Math.round(r.around(median, 0.8) * 10) / 10);
}

/** One or two different products of the trade. */
function products(r: Random, trade: Trade): string {
  const first = r.pick(trade.products);
  const second = r.pick(trade.products);
  return second === first || r.chance(0.4) ? first : `${first}、${second}`;
}

/** One market entity's create body (without links). */
export function synthEntity(r: Random, seed: EntitySeed, plan: EntityPlan): EntityCreateInput {
  const wantsCompany = plan.aboveScale || plan.isWorkshop;
  const trades = wantsCompany
    ? TRADES.filter(
        (t) => t.suffix.enterprise && ['13', '14', '18', '29', '39', '01'].includes(t.industry),
      )
    : TRADES;
  const trade = r.weighted(trades.map((t) => [t, t.weight] as const));
  const type = plan.type ?? (wantsCompany ? 'enterprise' : typeFor(r, trade));
  const suffixes = trade.suffix[type] ?? trade.suffix.enterprise ?? ['有限公司'];
  const jobsCreated = jobsFor(r, type, plan);
  const share = plan.isWorkshop ? r.int(30, 60) / 100 : r.int(0, 30) / 100;
  return {
    name: `${seed.namePrefix}${r.pick(TRADE_NAMES)}${r.pick(suffixes)}`,
    creditCode: creditCodeOf(type, seed.county, seed.serial),
    type,
    isWorkshop: plan.isWorkshop ?? false,
    industryCode: trade.industry,
    regionCode: seed.township,
    parkOrgId: seed.parkOrgId ?? null,
    foundedOn: plan.foundedOn,
    registeredCapitalWan: Math.round(r.around(type === 'enterprise' ? 200 : 20, 0.7)),
    employees: jobsCreated + 1,
    jobsCreated,
    jobsPoverty: Math.floor(jobsCreated * share),
    annualRevenueWan: revenueFor(r, type, plan),
    isEcommerce: r.chance(trade.ecommerce),
    products: products(r, trade),
  };
}
