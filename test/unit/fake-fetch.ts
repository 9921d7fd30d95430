/**
 * A scripted `fetch` for unit tests: each URL answers from a queue of responses (the last one
 * repeats), and every call is recorded with its headers. Unknown URLs fail like a dead host.
 * `redirectedTo` answers as fetch does after following redirects: `redirected` is true and
 * `url` is the final address (a constructed Response cannot say so itself).
 */
export type Answer =
  | { status?: number; body?: string | Uint8Array; headers?: Record<string, string>; redirectedTo?: string }
  | { throws: Error }
  | { hang: true };

export interface FetchCall {
  url: string;
  headers: Record<string, string>;
}

export function fakeFetch(script: Record<string, Answer[]>): { fetch: typeof fetch; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const served: Record<string, number> = {};
  const fetchImpl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    calls.push({ url, headers });
    const queue = script[url];
    if (!queue || queue.length === 0) return Promise.reject(new TypeError('Failed to fetch'));
    const index = Math.min(served[url] ?? 0, queue.length - 1);
    served[url] = (served[url] ?? 0) + 1;
    const answer = queue[index] as Answer;
    if ('throws' in answer) return Promise.reject(answer.throws);
    if ('hang' in answer) {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const body = answer.body ?? '';
    const response = new Response(typeof body === 'string' ? body : new Blob([new Uint8Array(body)]), { status: answer.status ?? 200, headers: answer.headers ?? {} });
    if (answer.redirectedTo !== undefined) {
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: answer.redirectedTo });
    }
    return Promise.resolve(response);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}
