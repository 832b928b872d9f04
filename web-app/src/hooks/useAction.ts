import { useCallback, useRef, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { asProblem } from './useLoad';

/**
 * A state-changing call started by a person: whether it runs (to disable its button), and the problem of the last
 * attempt (to show next to the button). `run` resolves to the result, or undefined when it failed.
 */
export function useAction<Args extends unknown[], T>(action: (...args: Args) => Promise<T>) {
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async (...args: Args): Promise<T | undefined> => {
      if (busy.current) {
        return undefined;
      }
      busy.current = true;
      setRunning(true);
      setProblem(null);
      try {
        return await action(...args);
      } catch (failure) {
        setProblem(asProblem(failure));
        return undefined;
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [action],
  );
  return { running, problem, run };
}
