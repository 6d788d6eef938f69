import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppOrigin, isSafeExternalUrl } from '../../../src-main/electron/urlPolicy';

describe('isAppOrigin', () => {
  it('accepts any page of feedesk://app', () => {
    expect(isAppOrigin(APP_ENTRY_URL)).toBe(true);
    expect(isAppOrigin('feedesk://app/')).toBe(true);
    expect(isAppOrigin('feedesk://app/billing?month=2025-01#top')).toBe(true);
  });

  it.each([
    'feedesk://evil/index.html',
    'feedesk://app.evil.com/index.html',
    'feedesk://app:1234/index.html',
    'feedesk://user@app/index.html',
    'https://app/index.html',
    'file:///C:/app/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain http and https pages', () => {
    expect(isSafeExternalUrl('https://www.gov.cn/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/help?q=1')).toBe(true);
  });

  it.each([
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-settings:privacy',
    'javascript:alert(1)',
    'mailto:a@example.com',
    'feedesk://app/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});
