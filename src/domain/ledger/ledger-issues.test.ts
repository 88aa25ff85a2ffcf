import { describe, expect, it } from 'vitest';
import {
  isLedgerIssueCode,
  LEDGER_ISSUE_CODES,
  LEDGER_ISSUES,
  ledgerIssueMessage,
} from './ledger-issues.js';

describe('ledger issue codes', () => {
  it('gives every code a Chinese and an English message', () => {
    expect(LEDGER_ISSUE_CODES.length).toBeGreaterThan(20);
    for (const code of LEDGER_ISSUE_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(LEDGER_ISSUES[code].zh).toMatch(/\p{Script=Han}/u);
      expect(LEDGER_ISSUES[code].en.length).toBeGreaterThan(0);
    }
  });

  it('covers the codes of the identity parsers', () => {
    for (const code of [
      'ID_NUMBER_FORMAT',
      'ID_NUMBER_CHECKSUM',
      'ID_NUMBER_PROVINCE',
      'ID_NUMBER_BIRTH_DATE',
      'PHONE_FORMAT',
      'CREDIT_CODE_FORMAT',
      'CREDIT_CODE_CHECKSUM',
    ]) {
      expect(isLedgerIssueCode(code)).toBe(true);
    }
  });

  it('recognises codes but not zod sentences or inherited names', () => {
    expect(isLedgerIssueCode('JOBS_POVERTY_EXCEEDS')).toBe(true);
    expect(isLedgerIssueCode('Invalid input: expected string')).toBe(false);
    expect(isLedgerIssueCode('toString')).toBe(false);
  });

  it('renders a code in the locale asked for and leaves other messages alone', () => {
    expect(ledgerIssueMessage('ID_NUMBER_SEX_MISMATCH', 'zh-CN')).toBe('性别与身份证号不一致');
    expect(ledgerIssueMessage('ID_NUMBER_SEX_MISMATCH', 'en')).toBe(
      'Sex does not match the ID number',
    );
    expect(ledgerIssueMessage('Invalid input', 'zh-CN')).toBe('Invalid input');
  });
});
