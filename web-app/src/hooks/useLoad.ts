import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/problem';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; problem: ApiProblem };

type Held<T> = { load: () => Promise<T>; attempt: number } & Loaded<T>;

export function asProblem(failure: unknown): ApiProblem {
  return failure instanceof ApiProblem
    ? failure
    : new ApiProblem(0, { detail: failure instanceof Error ? failure.message : String(failure) });
}

/**
 * Runs `load` (keep it stable with useCallback: a new function loads again) and holds its outcome; `reload` runs it
 * again, `update` changes the data in place after an action answered with the new state of one part of it.
 */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> & {
  reload: () => void;
  update: (change: (data: T) => T) => void;
} {
  const [attempt, setAttempt] = useState(0);
  const [held, setHeld] = useState<Held<T> | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setHeld({ load, attempt, status: 'ready', data });
      },
      (failure: unknown) => {
        if (current) setHeld({ load, attempt, status: 'failed', problem: asProblem(failure) });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => {
    setAttempt((previous) => previous + 1);
  }, []);
  const update = useCallback((change: (data: T) => T) => {
    setHeld((previous) =>
      previous !== null && previous.status === 'ready' ? { ...previous, data: change(previous.data) } : previous,
    );
  }, []);

  // An outcome of an earlier load (another id, or before a reload) counts as still loading; keep showing the
  // earlier data while a reload runs, so the page does not jump.
  const outcome: Loaded<T> =
    held === null || held.load !== load
      ? { status: 'loading' }
      : held.attempt !== attempt && held.status !== 'ready'
        ? { status: 'loading' }
        : held;
  return { ...outcome, reload, update };
}
