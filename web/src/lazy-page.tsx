/**
 * A page whose code loads on first visit (a separate chunk, by dynamic import): what most visitors never open
 * (uploading, albums, account, moderation) stays out of the first load. A chunk that fails to load (offline,
 * or a new deploy removed it) says so and offers a reload, which fetches the current build.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;

  return function LazyPage(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load();
      pending.then(
        (page) => {
          loaded = page;
          setReady(true);
        },
        () => {
          pending = null;
          setFailed(true);
        },
      );
    }, []);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (failed) {
      return (
        <p class="error" role="alert">
          This page could not be loaded (offline, or Tessera was updated).{' '}
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
      );
    }
    return <p class="loading">Loading…</p>;
  };
}
