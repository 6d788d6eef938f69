import { pinyin } from 'pinyin-pro';

/**
 * The search keys of a name: 张三 → { initials: 'zs', full: 'zhangsan' }. The first character is
 * read as a surname (pinyin-pro's surname mode), so 单 is shan, 曾 zeng, 解 xie, 仇 qiu, 朴 piao.
 * Latin letters and digits in a name are kept, lower-cased.
 */
export function namePinyin(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s.length > 0);
  return { initials: syllables.map((s) => s[0]).join(''), full: syllables.join('') };
}
