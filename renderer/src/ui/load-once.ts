/**
 * Loads what a panel shows once, when it opens. The callbacks are read through a ref so that a
 * parent re-rendering with a new onError (it only reports) never reloads the panel and overwrites
 * what the user has started to type.
 */
import { useEffect, useRef } from 'react';
import { messageOf } from '../api';

export function useLoadOnce<T>(load: () => Promise<T>, onLoaded: (value: T) => void, onError: (message: string) => void): void {
  const latest = useRef({ load, onLoaded, onError });
  latest.current = { load, onLoaded, onError };
  useEffect(() => {
    let live = true;
    latest.current.load().then(
      (value) => live && latest.current.onLoaded(value),
      (err) => live && latest.current.onError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, []);
}
