import { describe, expect, it } from 'vitest';
import { isLocale, isTheme, localeFromAcceptLanguage } from './config';

describe('localeFromAcceptLanguage', () => {
  it('falls back to English without a header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('')).toBe('en');
  });

  it('maps any Chinese variant to zh-CN', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-TW')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh')).toBe('zh-CN');
  });

  it('honours q-values over order', () => {
    expect(localeFromAcceptLanguage('en;q=0.5,zh-CN;q=0.9')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-CN;q=0.2,en-GB;q=0.8')).toBe('en');
  });

  it('skips unsupported languages and q=0', () => {
    expect(localeFromAcceptLanguage('fr-FR,de;q=0.9,zh;q=0.5')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh;q=0,fr')).toBe('en');
  });
});

describe('guards', () => {
  it('accepts only known locales and themes', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isTheme('system')).toBe(true);
    expect(isTheme('blue')).toBe(false);
  });
});
