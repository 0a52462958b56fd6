/**
 * Runs an asynchronous step over a list in order, with up to `depth` steps
 * started and not yet finished. For a service that answers one request at a
 * time in the order it receives them (Pagefind's), this keeps the service
 * busy while the caller prepares the next requests, where awaiting each one
 * left one side idle while the other worked; the order of the requests, and
 * so the service's output, is the same as one at a time.
 *
 * The first failure stops new steps; it is thrown once the steps already
 * started have finished, so none is left running or its rejection unhandled.
 */
export async function pipelined<T>(items: Iterable<T>, depth: number, step: (item: T) => Promise<void>): Promise<void> {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`pipelined: depth must be a whole number of at least 1, not ${depth}`);
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const item of items) {
    if (failure) break;
    let started: Promise<void>;
    try {
      started = step(item);
    } catch (error) {
      started = Promise.reject(error);
    }
    const done: Promise<void> = started.then(
      () => void running.delete(done),
      (error: unknown) => {
        running.delete(done);
        failure ??= { error };
      },
    );
    running.add(done);
    if (running.size >= depth) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}
