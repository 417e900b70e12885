/** Site header: home link, search box, and the account links (staff also get Moderation). */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { isStaff, setSession } from '../api/session.js';
import { navigate } from '../router.js';
import { useSession } from '../use-session.js';

export function Header({ query }: { query: string }) {
  const session = useSession();
  const [q, setQ] = useState(query);
  useEffect(() => setQ(query), [query]);

  async function logOut() {
    // Sign out locally even if the server cannot be reached: the tokens are forgotten either way.
    await api('/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    setSession(null);
    navigate('/');
  }

  return (
    <header class="site-header">
      <a class="brand" href="/">
        Tessera
      </a>
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const term = q.trim();
          navigate(term === '' ? '/' : `/search?q=${encodeURIComponent(term)}`);
        }}
      >
        <label class="visually-hidden" for="search-q">
          Search images
        </label>
        <input id="search-q" type="search" name="q" placeholder="Search images" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit">Search</button>
      </form>
      <nav class="account" aria-label="Account">
        {session ? (
          <>
            <a href="/upload">Upload</a>
            <a href="/me/images">My images</a>
            <a href="/me/albums">Albums</a>
            {isStaff(session) && <a href="/moderation">Moderation</a>}
            <a class="who" href="/account" title="Account">
              {session.user.display_name}
            </a>
            <button type="button" onClick={() => void logOut()}>
              Log out
            </button>
          </>
        ) : (
          <>
            <a href="/login">Log in</a>
            <a href="/register">Register</a>
          </>
        )}
      </nav>
    </header>
  );
}
