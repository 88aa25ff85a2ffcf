/**
 * Everyday words officials type when they look for an industry, mapped to the GB/T 4754-2017
 * divisions they mean: the standard says 修理 where a county office says 维修, 零售业 where it says
 * 超市. Search matches these words besides the official titles; they never change a code.
 *
 * @module
 */
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from './industries.js';

/** Search words by division code (beside the official Chinese and English names). */
// prettier-ignore
export const INDUSTRY_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '01': ['种植', '种地', '果园', '脐橙', '柑橘', '蔬菜', '中药材', '烟叶', '食用菌'],
  '02': ['造林', '苗木', '育苗'],
  '03': ['养殖', '养猪', '生猪', '养牛', '养羊', '养鸡', '养蜂'],
  '04': ['养鱼', '水产', '渔业养殖'],
  '05': ['农机服务', '植保', '农技服务'],
  '13': ['农产品加工', '粮油加工', '屠宰', '饲料'],
  '14': ['食品加工', '糕点', '火锅底料', '腊肉'],
  '15': ['制茶', '茶叶加工', '酿酒', '饮料'],
  '18': ['服装', '制衣', '服装加工', '服饰'],
  '19': ['制鞋', '皮具', '箱包'],
  '20': ['木材加工', '竹编', '木工'],
  '21': ['家具'],
  '29': ['塑料', '遮阳网', '橡胶'],
  '47': ['建房', '盖房', '建筑施工'],
  '50': ['装修', '装饰', '建筑劳务'],
  '51': ['批发', '农产品批发'],
  '52': ['零售', '超市', '商店', '便利店', '小卖部', '网店', '电商', '农资店'],
  '54': ['运输', '货运', '客运', '物流'],
  '59': ['仓储', '冷库', '装卸'],
  '60': ['快递', '邮政'],
  '61': ['民宿', '酒店', '宾馆', '旅馆', '住宿'],
  '62': ['餐馆', '饭店', '农家乐', '小吃', '餐饮'],
  '64': ['直播', '直播带货', '网络平台'],
  '65': ['软件', '信息技术'],
  '72': ['咨询', '代账', '中介', '劳务派遣', '企业管理'],
  '78': ['景区', '乡村旅游'],
  '80': ['理发', '美容', '美发', '家政', '保洁', '洗衣', '婚庆', '摄影', '养老服务', '殡葬'],
  '81': ['维修', '修理', '修车', '汽修', '汽车维修', '家电维修', '手机维修', '电器维修', '修鞋'],
  '83': ['培训', '职业培训', '幼儿园'],
  '84': ['诊所', '医院', '药店'],
  '88': ['非遗', '文艺演出'],
  '90': ['娱乐', 'KTV', '游乐'],
});

/**
 * The text an industry is found by: its code, official names and everyday words, in one string
 * (for a select's filter or a server-side `includes`).
 *
 * @example
 * industrySearchText('81').includes('维修') // true
 */
export function industrySearchText(code: string): string {
  const entry =
    INDUSTRY_DIVISIONS.find((d) => d.code === code) ??
    INDUSTRY_SECTIONS.find((s) => s.code === code);
  if (!entry) return code;
  return [code, entry.zh, entry.en, ...(INDUSTRY_ALIASES[code] ?? [])].join(' ');
}

/**
 * Industries (sections and divisions) whose code, official name or everyday words contain the
 * query (case-insensitive), in code order.
 *
 * @example
 * searchIndustries('维修').map((i) => i.code) // ['81']
 */
export function searchIndustries(query: string): { code: string; zh: string }[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]
    .filter((e) => industrySearchText(e.code).toLowerCase().includes(q))
    .map((e) => ({ code: e.code, zh: e.zh }));
}
