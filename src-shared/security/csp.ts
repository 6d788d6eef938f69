/**
 * The one Content-Security-Policy for the renderer, sent by the desktop scheme handler and the
 * browser-mode bridge alike. Mantine injects <style> tags, hence 'unsafe-inline' for styles only;
 * scripts run from the app's own origin and nowhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
].join('; ');
