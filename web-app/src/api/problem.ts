/** An RFC 9457 problem+json answer (the services' and the gateway's errors), or a failure to reach them at all. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly traceId: string | undefined;
  readonly errors: FieldError[];
  /** Whatever else the problem carried (e.g. a double booking's `conflict`). */
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    body: {
      title?: string;
      detail?: string;
      type?: string;
      traceId?: string;
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = body.title;
    this.detail = body.detail;
    this.type = body.type;
    this.traceId = body.traceId;
    this.errors = body.errors ?? [];
    this.extensions = body.extensions ?? {};
  }

  /** The last segment of the problem's type URI ("offer-expired"), which names the rule that was broken. */
  get kind(): string | undefined {
    if (this.type === undefined || this.type === 'about:blank') {
      return undefined;
    }
    const slash = this.type.lastIndexOf('/');
    return this.type.slice(slash + 1) || undefined;
  }
}

/** Status 0: the request never got an answer (offline, gateway down). */
export const NETWORK_FAILURE = 0;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads a problem from an error answer's status and (already parsed, possibly absent or non-JSON) body. */
export function toProblem(status: number, body: unknown): ApiProblem {
  if (!isRecord(body)) {
    return new ApiProblem(status, typeof body === 'string' && body.trim() !== '' ? { detail: body.trim() } : {});
  }
  const known = new Set(['title', 'detail', 'type', 'status', 'instance', 'traceId', 'errors']);
  const errors: FieldError[] = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((error) => ({
        field: text(error.field) ?? '',
        message: text(error.message) ?? '',
      }))
    : [];
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !known.has(key)));
  return new ApiProblem(status, {
    title: text(body.title),
    detail: text(body.detail),
    type: text(body.type),
    traceId: text(body.traceId),
    errors,
    extensions,
  });
}
