/** The gateway's cookie-to-header CSRF protection: the XSRF-TOKEN cookie's value, echoed as X-XSRF-TOKEN. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
/** The form field that carries the token where a plain form posts (sign-out). */
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** A cookie's value from a `document.cookie` string, decoded; undefined when it is not set. */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) {
      continue;
    }
    if (pair.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(separator + 1).trim());
      } catch {
        return pair.slice(separator + 1).trim();
      }
    }
  }
  return undefined;
}

export function csrfToken(cookies: string = document.cookie): string | undefined {
  return readCookie(CSRF_COOKIE, cookies);
}

/** Whether a request with this method changes state, and so must carry the token. */
export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Adds the CSRF header to a state-changing request's headers (a copy; the given ones stay as they are).
 * Safe methods get no token: it would only spread it further than needed.
 */
export function withCsrfHeader(method: string, headers: HeadersInit = {}, cookies: string = document.cookie): Headers {
  const result = new Headers(headers);
  const token = csrfToken(cookies);
  if (changesState(method) && token !== undefined && token !== '') {
    result.set(CSRF_HEADER, token);
  }
  return result;
}
