// Long work in steps: a generator yields where it may pause, and is run either at once (tests, the
// demo seed) or in turns that hand the event loop back at each pause, so that residents' requests
// are answered while a large import is read. Invariant: the same steps give the same result both ways.

/** One turn of the event loop for everyone else (a timer, not a microtask: I/O and requests run first). */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs the steps to their end without a pause. */
export function runNow<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps to their end, giving the event loop a turn at each pause. */
export async function runInTurns<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
