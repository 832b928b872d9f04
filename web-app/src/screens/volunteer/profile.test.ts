// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hoursOverYears, qiaoProfile } from '../../test/fixtures';
import { certification, hoursLines, yearOf } from './hours';
import { draftOf, languagesOf, moved, profileOf } from './profile';

describe('the profile form', () => {
  it('sends back what it read, times as the site’s clock shows them', () => {
    expect(profileOf(draftOf(qiaoProfile))).toEqual({
      name: 'Qiao Yuanhui',
      phone: '+86 138 0000 0004',
      email: 'qiao@volunteers.example',
      district: '大兴区',
      languages: ['Mandarin', 'English'],
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      contactPreferences: {
        channels: ['INBOX', 'EMAIL', 'WEBHOOK'],
        quietHours: { from: '22:00', to: '07:30' },
        webhookUrl: 'https://chat.example/hooks/qiao',
      },
      availability: { weekly: [{ day: 'SATURDAY', from: '09:00', to: '17:00' }], exceptions: [{ date: '2026-10-01', available: false }] },
    });
  });

  it('leaves emptied fields out (which clears them) and sends no quiet hours when they are off', () => {
    const draft = { ...draftOf(qiaoProfile), phone: '  ', webhookUrl: '', quiet: false };
    const profile = profileOf(draft);
    expect(profile.phone).toBeUndefined();
    expect(profile.contactPreferences).toEqual({ channels: ['INBOX', 'EMAIL', 'WEBHOOK'], quietHours: undefined, webhookUrl: undefined });
  });

  it('starts with the inbox when the volunteer has no channels', () => {
    expect(draftOf({ ...qiaoProfile, contactPreferences: {} }).channels).toEqual(['INBOX']);
  });

  it('reads languages separated by Western or Chinese commas', () => {
    expect(languagesOf('Mandarin, English、粤语，  ')).toEqual(['Mandarin', 'English', '粤语']);
  });

  it('moves one element within the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });
});

describe('hours lines', () => {
  it('add computed hours and corrections per item, keeping the last certified total', () => {
    const lines = hoursLines(hoursOverYears);
    expect(lines.map((line) => [line.itemTitle, line.total, line.certified, certification(line), yearOf(line)])).toEqual([
      ['Mooncake workshop', 2, 2, 'certified', 2025],
      ['Model-worker talk', 1.25, 0.75, 'partly', 2026],
      ['Book hand-over', 1, undefined, 'pending', 2026],
    ]);
  });

  it('count an item in the year of its day in Beijing', () => {
    expect(yearOf({ assignmentId: 'a', total: 1, certified: undefined, itemStartsAt: '2025-12-31T17:00:00Z' })).toBe(2026);
  });
});
