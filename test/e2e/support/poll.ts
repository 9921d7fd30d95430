/** Polls `read` until `done` holds (expect.poll cannot run in hooks); the failure names the last value read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, failure: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${failure}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
