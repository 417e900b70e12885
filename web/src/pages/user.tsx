/**
 * A user's public page (contract §6): name, @username, bio as text, member since, a badge for staff, then
 * their public images and albums. On one's own page, links to the account and image management.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../api/client.js';
import type { UserPublic } from '../api/types.js';
import { formatDate, ROLE_NAMES } from '../components/profile-format.js';
import { UserAlbums } from '../components/user-albums.js';
import { UserImages } from '../components/user-images.js';
import { useSession } from '../use-session.js';
import './user.css';

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'loaded'; user: UserPublic };

export function UserPage({ id }: { id: string }) {
  const session = useSession();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api<UserPublic>(`/users/${encodeURIComponent(id)}`, { signal: controller.signal })
      .then((user) => {
        setLoad({ kind: 'loaded', user });
        document.title = `${user.display_name} (@${user.username}) · Tessera`;
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        // A malformed id (400) names no user either.
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
          setLoad({ kind: 'missing' });
          document.title = 'User not found · Tessera';
        } else setLoad({ kind: 'failed', message: describeError(err) });
      });
    return () => controller.abort();
  }, [id]);

  switch (load.kind) {
    case 'loading':
      return <p class="loading">Loading…</p>;
    case 'missing':
      return (
        <section>
          <h1>User not found</h1>
          <p>
            There is no user here, or the account is no longer available. <a href="/">Back to recent images</a>
          </p>
        </section>
      );
    case 'failed':
      return (
        <p class="error" role="alert">
          {load.message}
        </p>
      );
  }

  const { user } = load;
  const own = session?.user.id === user.id;
  return (
    <div class="user-page">
      <header class="user-profile">
        <h1>{user.display_name}</h1>
        <p class="user-handle">
          <span class="user-username">@{user.username}</span>
          {user.role !== 'user' && <span class="user-role">{ROLE_NAMES[user.role]}</span>}
        </p>
        {user.bio !== '' && <p class="user-bio">{user.bio}</p>}
        <p class="user-since">
          Member since <time dateTime={user.created_at}>{formatDate(user.created_at)}</time>
        </p>
        {own && (
          <nav class="user-own-links" aria-label="Your account">
            <a href="/account">Edit profile and account</a>
            <a href="/me/images">Manage my images</a>
          </nav>
        )}
      </header>
      <UserImages userId={user.id} />
      <UserAlbums userId={user.id} />
    </div>
  );
}
