/** The busy flag and error of a button's API call: one at a time, its failure in words for a role="alert". */
import { useState } from 'preact/hooks';
import { describeError } from './api/client.js';

export interface Action {
  readonly busy: boolean;
  readonly error: string | null;
  readonly setError: (error: string | null) => void;
  /** Runs `action` with `busy` set; a throw becomes `error`. */
  readonly run: (action: () => Promise<void>) => Promise<void>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    setError,
    run: async (action) => {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (err) {
        setError(describeError(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
