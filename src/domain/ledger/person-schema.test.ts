import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../identity/id-number.js';
import { isLedgerIssueCode } from './ledger-issues.js';
import {
  derivePersonFromId,
  normalisePersonName,
  PersonCreate,
  type PersonCreateInput,
  personConsistencyIssues,
  PersonName,
  PersonUpdate,
} from './person-schema.js';

/** A man born 1990-01-01 in 奉节 (17th digit 3, odd). */
const MAN = makeIdNumber('50023619900101123');
/** A woman born 1992-02-29 under 奉节's pre-1997 code 512226 (17th digit 4, even). */
const WOMAN = makeIdNumber('51222619920229124');

const valid: PersonCreateInput = {
  name: '张三',
  idNumber: MAN,
  mobile: '138 1234 5678',
  hukouRegionCode: '500236104000',
  currentRegionCode: '500236104000',
  categories: ['migrant_worker', 'poverty_relief'],
  education: 'junior',
  status: 'returned',
  returnDate: '2024-03-01',
};

/** `path → message` of every issue, or 'OK'. */
function issuesOf(r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (r.success) return 'OK';
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('PersonCreate', () => {
  it('accepts a complete person and fills sex and birth date from the ID number', () => {
    const p = PersonCreate.parse(valid);
    expect(p).toMatchObject({ idNumber: MAN, sex: 'M', birthDate: '1990-01-01' });
    expect(p.mobile).toBe('13812345678');
    expect(p.skills).toBe('');
  });

  it('normalises the ID number: full-width digits, spaces and a lower-case x', () => {
    const id = makeIdNumber('11010519491231002');
    expect(id.endsWith('X')).toBe(true);
    const fullWidth = ` ${id.slice(0, 17).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}x `;
    const p = PersonCreate.parse({ ...valid, idNumber: fullWidth });
    expect(p.idNumber).toBe(id);
    expect(p.sex).toBe('F');
  });

  it('reports an invalid ID number by its error code, on the idNumber field', () => {
    const wrongCheck = MAN.slice(0, 17) + (MAN.endsWith('0') ? '1' : '0');
    expect(issuesOf(PersonCreate.safeParse({ ...valid, idNumber: wrongCheck }))).toEqual({
      idNumber: 'ID_NUMBER_CHECKSUM',
    });
    expect(issuesOf(PersonCreate.safeParse({ ...valid, idNumber: '12345' }))).toEqual({
      idNumber: 'ID_NUMBER_FORMAT',
    });
    expect(
      issuesOf(PersonCreate.safeParse({ ...valid, idNumber: makeIdNumber('99023619900101123') })),
    ).toEqual({
      idNumber: 'ID_NUMBER_PROVINCE',
    });
  });

  it('accepts sex and birth date that match the ID number', () => {
    const p = PersonCreate.parse({ ...valid, idNumber: WOMAN, sex: 'F', birthDate: '1992-02-29' });
    expect(p).toMatchObject({ sex: 'F', birthDate: '1992-02-29' });
  });

  it('refuses sex or birth date that contradict the ID number', () => {
    expect(
      issuesOf(PersonCreate.safeParse({ ...valid, sex: 'F', birthDate: '1990-01-02' })),
    ).toEqual({
      sex: 'ID_NUMBER_SEX_MISMATCH',
      birthDate: 'ID_NUMBER_BIRTH_MISMATCH',
    });
  });

  it('refuses a malformed mobile number with PHONE_FORMAT', () => {
    expect(issuesOf(PersonCreate.safeParse({ ...valid, mobile: '12812345678' }))).toEqual({
      mobile: 'PHONE_FORMAT',
    });
  });

  it('requires at least one category and no category twice', () => {
    expect(issuesOf(PersonCreate.safeParse({ ...valid, categories: [] }))).toEqual({
      categories: 'CATEGORIES_EMPTY',
    });
    expect(
      issuesOf(PersonCreate.safeParse({ ...valid, categories: ['veteran', 'veteran'] })),
    ).toEqual({
      categories: 'CATEGORIES_DUPLICATE',
    });
    expect(PersonCreate.safeParse({ ...valid, categories: ['farmer'] }).success).toBe(false);
  });

  it('takes the province worked in from the city, and refuses a city outside the province', () => {
    expect(PersonCreate.parse({ ...valid, awayCityCode: '4403' }).awayProvinceCode).toBe('44');
    expect(
      PersonCreate.parse({ ...valid, awayProvinceCode: '44', awayCityCode: '4403' }),
    ).toMatchObject({
      awayProvinceCode: '44',
      awayCityCode: '4403',
    });
    expect(
      issuesOf(PersonCreate.safeParse({ ...valid, awayProvinceCode: '33', awayCityCode: '4403' })),
    ).toEqual({
      awayCityCode: 'AWAY_CITY_NOT_IN_PROVINCE',
    });
    expect(
      issuesOf(PersonCreate.safeParse({ ...valid, awayProvinceCode: '4', awayCityCode: '44030' })),
    ).toEqual({
      awayProvinceCode: 'PROVINCE_CODE_FORMAT',
      awayCityCode: 'CITY_CODE_FORMAT',
    });
  });

  it('checks region codes, months away, return date and skills', () => {
    expect(
      issuesOf(
        PersonCreate.safeParse({
          ...valid,
          hukouRegionCode: '500236',
          monthsAway: 601,
          returnDate: '2024-02-30',
          skills: '焊'.repeat(501),
        }),
      ),
    ).toMatchObject({
      hukouRegionCode: 'REGION_CODE_FORMAT',
      monthsAway: 'MONTHS_AWAY_RANGE',
      returnDate: 'DATE_FORMAT',
      skills: 'TEXT_TOO_LONG',
    });
    expect(PersonCreate.safeParse({ ...valid, monthsAway: 1.5 }).success).toBe(false);
    expect(PersonCreate.parse({ ...valid, monthsAway: 600 }).monthsAway).toBe(600);
  });

  it('refuses a person without the required fields', () => {
    const r = PersonCreate.safeParse({ name: '张三' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    for (const f of [
      'idNumber',
      'mobile',
      'hukouRegionCode',
      'currentRegionCode',
      'categories',
      'education',
      'status',
    ]) {
      expect(paths).toContain(f);
    }
  });

  it('raises only ledger issue codes for the checks it owns', () => {
    const r = PersonCreate.safeParse({
      ...valid,
      name: 'X',
      idNumber: '1',
      mobile: '1',
      categories: [],
    });
    for (const i of r.error!.issues) expect(isLedgerIssueCode(i.message)).toBe(true);
  });
});

describe('person names', () => {
  it('accepts Chinese names, with · for transliterated ones, and Latin names', () => {
    for (const ok of [
      '王伟',
      '欧阳娜娜',
      '买买提·吐尔逊',
      'Anna Lee',
      "O'Brien",
      'J. R. Smith',
      'José García',
    ]) {
      expect(PersonName.safeParse(ok).success, ok).toBe(true);
    }
  });

  it('normalises spacing, full-width letters and dots as people type them', () => {
    expect(normalisePersonName(' 王  伟 ')).toBe('王伟');
    expect(normalisePersonName('买买提.吐尔逊')).toBe('买买提·吐尔逊');
    expect(normalisePersonName('买买提•吐尔逊')).toBe('买买提·吐尔逊');
    expect(normalisePersonName('Ａｎｎａ   Lee')).toBe('Anna Lee');
    expect(PersonName.parse('　王　伟　')).toBe('王伟');
  });

  it('refuses one-character, overlong, mixed-script and symbol names', () => {
    expect(issuesOf(PersonName.safeParse('王'))).toEqual({ '': 'PERSON_NAME_LENGTH' });
    expect(issuesOf(PersonName.safeParse('王'.repeat(31)))).toEqual({ '': 'PERSON_NAME_LENGTH' });
    for (const bad of ['王Anna', '张三1', '李@四', '·王伟', 'Anna--Lee']) {
      expect(issuesOf(PersonName.safeParse(bad)), bad).toEqual({ '': 'PERSON_NAME_FORMAT' });
    }
  });

  it('counts a rare character outside the BMP as one character', () => {
    expect(PersonName.parse('王𠈌')).toBe('王𠈌');
  });
});

describe('PersonUpdate', () => {
  it('accepts any subset of fields with the version last read', () => {
    expect(PersonUpdate.parse({ version: 3, status: 'started' })).toEqual({
      version: 3,
      status: 'started',
    });
  });

  it('requires a positive integer version', () => {
    expect(issuesOf(PersonUpdate.safeParse({ status: 'started' }))).toHaveProperty('version');
    expect(PersonUpdate.safeParse({ version: 0 }).success).toBe(false);
    expect(PersonUpdate.safeParse({ version: 1.5 }).success).toBe(false);
  });

  it('fills sex and birth date when the ID number changes, and checks them against it', () => {
    expect(PersonUpdate.parse({ version: 2, idNumber: WOMAN })).toMatchObject({
      idNumber: WOMAN,
      sex: 'F',
      birthDate: '1992-02-29',
    });
    expect(issuesOf(PersonUpdate.safeParse({ version: 2, idNumber: WOMAN, sex: 'M' }))).toEqual({
      sex: 'ID_NUMBER_SEX_MISMATCH',
    });
  });

  it('lets null clear an optional field but not a required one', () => {
    expect(PersonUpdate.parse({ version: 2, returnDate: null, awayCityCode: null })).toEqual({
      version: 2,
      returnDate: null,
      awayCityCode: null,
    });
    expect(PersonUpdate.safeParse({ version: 2, mobile: null }).success).toBe(false);
  });

  it('does not invent defaults for fields left out', () => {
    expect(PersonUpdate.parse({ version: 2 })).toEqual({ version: 2 });
  });
});

describe('derivePersonFromId and personConsistencyIssues', () => {
  it('derives sex and birth date from a valid number, null from an invalid one', () => {
    expect(derivePersonFromId('11010519491231002X')).toEqual({ sex: 'F', birthDate: '1949-12-31' });
    expect(derivePersonFromId(MAN)).toEqual({ sex: 'M', birthDate: '1990-01-01' });
    expect(derivePersonFromId('110105194912310021')).toBeNull();
  });

  it('compares only the fields present, so the server can check a merged record', () => {
    expect(personConsistencyIssues({})).toEqual([]);
    expect(personConsistencyIssues({ sex: 'F' })).toEqual([]);
    expect(personConsistencyIssues({ idNumber: MAN, sex: 'F', birthDate: '1990-01-01' })).toEqual([
      { path: ['sex'], code: 'ID_NUMBER_SEX_MISMATCH' },
    ]);
    expect(personConsistencyIssues({ awayProvinceCode: '50', awayCityCode: '4403' })).toEqual([
      { path: ['awayCityCode'], code: 'AWAY_CITY_NOT_IN_PROVINCE' },
    ]);
  });
});
