/**
 * Generates a CSV of valid people for the import bench: ID numbers with correct check digits
 * (奉节 500236, distinct birth date and sequence per row), unique mobile numbers, 奉节 township
 * codes, and the mix of names, categories, statuses and skills a county ledger has.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { makeIdNumber } from '../src/domain/identity/id-number.js';

// prettier-ignore
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
// prettier-ignore
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强海燕文平玉兰小红春梅德华成林永红家豪子涵雨轩浩然欣怡思远俊杰晓燕'.split('');
// prettier-ignore
const SKILLS = ['电焊', '厨师', '脐橙种植', '电商直播', '汽车维修', '建筑施工', '遮阳网加工', '服装缝纫', '家政服务', '养殖', '中药材种植', '乡村旅游', '物流配送', '水电安装', '木工', '茶叶加工', '农机驾驶', '美容美发', '电子装配', '软件开发', '会计', '幼儿教育', '民宿经营', '腊肉加工', '粉条加工'];
const CATEGORIES = [
  '农民工',
  '农民工',
  '农民工',
  '高校毕业生',
  '退役军人',
  '脱贫劳动力、农民工',
  '就业困难人员',
  '科技人员',
  '其他',
];
const STATUSES = ['在外人才', '意向返乡', '已返乡', '已返乡', '已创业'];
const EDUCATION = ['小学及以下', '初中', '初中', '高中/中专/技校', '大专', '本科', '硕士及以上'];
const AWAY = [
  ['44', '4403'],
  ['44', '4401'],
  ['33', '3301'],
  ['32', '3205'],
  ['50', '5001'],
  ['31', '3101'],
  ['', ''],
];

export const PEOPLE_CSV_HEADER =
  '姓名,身份证号,手机号,户籍地区划代码,现居住地区划代码,人员类别,务工省份代码,务工地市代码,外出务工月数,返乡日期,文化程度,技能特长,状态';

const DAY_MS = 86_400_000;
const BASE = Date.UTC(1970, 0, 1);

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** Row `i` of the bench file (deterministic). */
export function personLine(i: number, towns: readonly string[]): string {
  const birth = new Date(BASE + Math.floor(i / 1000) * 13 * DAY_MS);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const id = makeIdNumber(`500236${ymd}${String(i % 1000).padStart(3, '0')}`);
  const mobile = `1${3 + (i % 7)}${String(i).padStart(9, '0')}`;
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const name =
    pick(SURNAMES, h) + pick(GIVEN, h >>> 7) + (h % 3 === 0 ? '' : pick(GIVEN, h >>> 13));
  const town = pick(towns, h >>> 3);
  const [prov, city] = pick(AWAY, h >>> 5);
  const status = pick(STATUSES, h >>> 9);
  const back = status === '已返乡' || status === '已创业';
  const returned = back ? `20${18 + (h % 7)}-0${1 + (h % 9)}-1${h % 9}` : '';
  const skills = `${pick(SKILLS, h >>> 11)}${h % 4 === 0 ? `、${pick(SKILLS, h >>> 17)}` : ''}`;
  const cells = [
    name,
    id,
    mobile,
    town,
    town,
    pick(CATEGORIES, h >>> 15),
    prov,
    city,
    String(h % 120),
    returned,
    pick(EDUCATION, h >>> 19),
    skills,
    status,
  ];
  return cells.join(',');
}

/** Writes `rows` people to `file` with the template's header; returns the file's size. */
export async function writePeopleCsv(
  file: string,
  rows: number,
  towns: readonly string[],
): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${PEOPLE_CSV_HEADER}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${personLine(i, towns)}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}
