// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dictionaries, en, LANGUAGES, zhCN, type MessageKey } from './messages';
import { chooseLanguage, interpolate, isMessageKey, placeholders, translate, translatePlural } from './translate';

const keys = Object.keys(en) as MessageKey[];

describe('the dictionaries', () => {
  it('have every key in both languages, and no other', () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
    for (const language of LANGUAGES) {
      expect(Object.keys(dictionaries[language]).sort()).toEqual([...keys].sort());
    }
  });

  it('have no empty message', () => {
    for (const language of LANGUAGES) {
      for (const key of keys) {
        expect(dictionaries[language][key].trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('are really translated: Chinese messages are in Chinese', () => {
    const untranslated = keys.filter((key) => !/[\u4e00-\u9fff]/.test(zhCN[key]) && zhCN[key] === en[key]);
    expect(untranslated).toEqual([]);
  });

  it('have both plural forms wherever one is given', () => {
    for (const key of keys.filter((candidate) => candidate.endsWith('.one'))) {
      expect(isMessageKey(key.replace(/\.one$/, '.other')), key).toBe(true);
    }
  });

  it('name every status the services send', () => {
    const statuses = {
      visitStatus: ['DRAFT', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
      assignmentStatus: [
        'OFFERED', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED',
        'CANCELLED_BY_VISIT', 'RELEASED', 'CHECKED_IN', 'CHECKED_OUT', 'NO_SHOW',
      ],
      pledgeStatus: ['PLEDGED', 'RECEIVED', 'DISPATCHED', 'DELIVERED', 'CANCELLED', 'ON_HOLD'],
      role: ['coordinator', 'volunteer', 'donor_liaison', 'operator'],
    };
    for (const [prefix, values] of Object.entries(statuses)) {
      for (const value of values) {
        expect(isMessageKey(`${prefix}.${value}`), `${prefix}.${value}`).toBe(true);
      }
    }
  });
});

describe('translating', () => {
  it('fills placeholders, numbers in the language’s digits and grouping', () => {
    expect(translate('en', 'visits.shown', { shown: 20, total: 1250 })).toBe('Showing 20 of 1,250 visits');
    expect(translate('zh-CN', 'visits.shown', { shown: 20, total: 1250 })).toBe('已显示 20 场，共 1,250 场');
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('chooses the plural form by the language’s rules', () => {
    expect(translatePlural('en', 'staffing.gaps', 1)).toBe('1 place to fill');
    expect(translatePlural('en', 'staffing.gaps', 3)).toBe('3 places to fill');
    expect(translatePlural('zh-CN', 'staffing.gaps', 1)).toBe('尚缺 1 人');
    expect(translatePlural('zh-CN', 'staffing.gaps', 3)).toBe('尚缺 3 人');
  });
});

describe('choosing the language', () => {
  it('keeps an earlier choice', () => {
    expect(chooseLanguage('en', ['zh-CN'])).toBe('en');
    expect(chooseLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('else follows the browser, any Chinese as Simplified Chinese', () => {
    expect(chooseLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(chooseLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(chooseLanguage('klingon', ['zh'])).toBe('zh-CN');
  });

  it('else speaks English', () => {
    expect(chooseLanguage(undefined, ['fr', 'de'])).toBe('en');
    expect(chooseLanguage(null, [])).toBe('en');
  });
});
