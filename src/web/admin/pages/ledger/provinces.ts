/**
 * Province-level divisions (GB/T 2260 two-digit codes) for the "worked in" field: people work
 * away anywhere in the country, while the region tree the console may read stops at the
 * official's scope.
 */
// prettier-ignore
export const PROVINCES: readonly { code: string; zh: string; en: string }[] = [
  { code: '11', zh: '北京市', en: 'Beijing' }, { code: '12', zh: '天津市', en: 'Tianjin' },
  { code: '13', zh: '河北省', en: 'Hebei' }, { code: '14', zh: '山西省', en: 'Shanxi' },
  { code: '15', zh: '内蒙古自治区', en: 'Inner Mongolia' }, { code: '21', zh: '辽宁省', en: 'Liaoning' },
  { code: '22', zh: '吉林省', en: 'Jilin' }, { code: '23', zh: '黑龙江省', en: 'Heilongjiang' },
  { code: '31', zh: '上海市', en: 'Shanghai' }, { code: '32', zh: '江苏省', en: 'Jiangsu' },
  { code: '33', zh: '浙江省', en: 'Zhejiang' }, { code: '34', zh: '安徽省', en: 'Anhui' },
  { code: '35', zh: '福建省', en: 'Fujian' }, { code: '36', zh: '江西省', en: 'Jiangxi' },
  { code: '37', zh: '山东省', en: 'Shandong' }, { code: '41', zh: '河南省', en: 'Henan' },
  { code: '42', zh: '湖北省', en: 'Hubei' }, { code: '43', zh: '湖南省', en: 'Hunan' },
  { code: '44', zh: '广东省', en: 'Guangdong' }, { code: '45', zh: '广西壮族自治区', en: 'Guangxi' },
  { code: '46', zh: '海南省', en: 'Hainan' }, { code: '50', zh: '重庆市', en: 'Chongqing' },
  { code: '51', zh: '四川省', en: 'Sichuan' }, { code: '52', zh: '贵州省', en: 'Guizhou' },
  { code: '53', zh: '云南省', en: 'Yunnan' }, { code: '54', zh: '西藏自治区', en: 'Tibet' },
  { code: '61', zh: '陕西省', en: 'Shaanxi' }, { code: '62', zh: '甘肃省', en: 'Gansu' },
  { code: '63', zh: '青海省', en: 'Qinghai' }, { code: '64', zh: '宁夏回族自治区', en: 'Ningxia' },
  { code: '65', zh: '新疆维吾尔自治区', en: 'Xinjiang' }, { code: '71', zh: '台湾省', en: 'Taiwan' },
  { code: '81', zh: '香港特别行政区', en: 'Hong Kong' }, { code: '82', zh: '澳门特别行政区', en: 'Macao' },
];

/** A province's name, or the code when unknown. */
export function provinceName(code: string | null | undefined, en: boolean): string {
  if (!code) return '—';
  const p = PROVINCES.find((x) => x.code === code);
  return p ? (en ? p.en : p.zh) : code;
}
