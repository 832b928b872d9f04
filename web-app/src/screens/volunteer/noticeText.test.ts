import { describe, expect, it } from 'vitest';
import { noticeParts } from './noticeText';

const ORIGIN = 'https://caravan.example';

describe('a notice body', () => {
  it('makes the links of the app itself links, and keeps the words around them', () => {
    expect(
      noticeParts('Accept: https://caravan.example/api/answer-links/abc Decline: https://caravan.example/api/answer-links/def.', ORIGIN),
    ).toEqual([
      { text: 'Accept: ' },
      { link: 'https://caravan.example/api/answer-links/abc' },
      { text: ' Decline: ' },
      { link: 'https://caravan.example/api/answer-links/def' },
      { text: '.' },
    ]);
  });

  it('leaves an address of another origin as plain text', () => {
    expect(noticeParts('See https://elsewhere.example/x or http://caravan.example/y', ORIGIN)).toEqual([
      { text: 'See https://elsewhere.example/x or http://caravan.example/y' },
    ]);
  });

  it('is one piece of text when there is no link', () => {
    expect(noticeParts('您的服务时长已认证。', ORIGIN)).toEqual([{ text: '您的服务时长已认证。' }]);
  });
});
