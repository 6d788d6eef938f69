/** How long the company server may take to answer before the check counts as failed. */
export const PROBE_TIMEOUT_MS = 4000;

/**
 * One health check of the company server (RULES §7): any HTTP answer below 500 means it is
 * reachable; no answer in time, a refused connection or a server error counts as a failure.
 */
export async function probeCompanyServer(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<{ ok: boolean; detail: string }> {
  try {
    const response = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status >= 500 ? { ok: false, detail: `服务器返回错误 ${response.status}` } : { ok: true, detail: '' };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ok: false, detail: timedOut ? `${timeoutMs / 1000} 秒内无响应` : '无法连接' };
  }
}
