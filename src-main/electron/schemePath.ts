import path from 'node:path';
import { APP_ORIGIN } from './urlPolicy';

/**
 * Maps a feedesk://app/… request onto a file under rootDir, or null when the request could reach
 * outside it. Works on the raw request text: URL parsing would already have folded `..` and
 * `%2e%2e` away, hiding an attempt that should be refused rather than silently rewritten.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  // Chromium hands the handler canonical URLs, so any other spelling of the origin is refused.
  if (!requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';

  const segments: string[] = [];
  const rawSegments = rawPath.split('/').slice(1);
  for (const [index, raw] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    const isLast = index === rawSegments.length - 1;
    // Checked after decoding, so %2f, %5c and %00 are caught as the separators and NUL they become.
    // An empty segment ('//') could start a UNC or root path; ':' a drive letter or an NTFS stream.
    if ((segment === '' && !isLast) || segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    if (segment !== '') segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const last = segments[segments.length - 1];
  // Client-side routes have no extension: they all get the app shell.
  if (last === undefined || path.extname(last) === '') return path.join(root, 'index.html');

  // Containment is checked once more on the final path, independently of the segment rules.
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) return null;
  return file;
}
