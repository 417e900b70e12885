/** The layout (header, main), the route table, and the move to the login page when a session expires. */
import { useEffect } from 'preact/hooks';
import { getSession, sessionExpired, subscribe } from './api/session.js';
import { Header } from './components/header.js';
import { match, navigate, useLocation } from './router.js';
import { ExplorePage } from './pages/explore.js';
import { ImagePage } from './pages/image.js';
import { LoginPage } from './pages/login.js';
import { RegisterPage } from './pages/register.js';
import { NotFoundPage } from './pages/not-found.js';
import { UserPage } from './pages/user.js';
import { lazyPage } from './lazy-page.js';

// Pages a visitor who only browses never opens load on first use, each group as its own chunk.
const UploadPage = lazyPage(() => import('./pages/upload.js').then((m) => m.UploadPage));
const MyImagesPage = lazyPage(() => import('./pages/my-images.js').then((m) => m.MyImagesPage));
const MyAlbumsPage = lazyPage(() => import('./pages/my-albums.js').then((m) => m.MyAlbumsPage));
const AlbumPage = lazyPage(() => import('./pages/album.js').then((m) => m.AlbumPage));
const AccountPage = lazyPage(() => import('./pages/account.js').then((m) => m.AccountPage));
const ReportQueuePage = lazyPage(() => import('./pages/moderation/reports.js').then((m) => m.ReportQueuePage));
const ReportPage = lazyPage(() => import('./pages/moderation/report.js').then((m) => m.ReportPage));
const BansPage = lazyPage(() => import('./pages/moderation/bans.js').then((m) => m.BansPage));
const AuditPage = lazyPage(() => import('./pages/moderation/audit.js').then((m) => m.AuditPage));

export function App() {
  const { path, query } = useLocation();
  useEffect(
    () =>
      subscribe(() => {
        if (getSession() === null && sessionExpired()) navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      }),
    [],
  );
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header query={path === '/search' ? (query.get('q') ?? '') : ''} />
      <main id="main" tabIndex={-1}>
        {route(path, query)}
      </main>
    </>
  );
}

/** Exact paths first, then the patterns with a parameter; `key` remounts a page when its subject changes. */
function route(path: string, query: URLSearchParams) {
  switch (path) {
    case '/':
      return <ExplorePage key="recent" feed={{ kind: 'recent' }} />;
    case '/popular':
      return <ExplorePage key="popular" feed={{ kind: 'popular' }} />;
    case '/search': {
      const q = query.get('q') ?? '';
      return <ExplorePage key={`search:${q}`} feed={{ kind: 'search', q }} />;
    }
    case '/login':
      return <LoginPage />;
    case '/register':
      return <RegisterPage />;
    case '/upload':
      return <UploadPage />;
    case '/me/images':
      return <MyImagesPage />;
    case '/me/albums':
      return <MyAlbumsPage />;
    case '/account':
      return <AccountPage />;
    case '/moderation':
      return <ReportQueuePage />;
    case '/moderation/bans':
      return <BansPage />;
    case '/moderation/audit':
      return <AuditPage />;
  }
  const tag = match('/tags/:slug', path);
  if (tag) return <ExplorePage key={`tag:${tag.slug}`} feed={{ kind: 'tag', slug: tag.slug ?? '' }} />;
  const image = match('/images/:id', path);
  if (image) return <ImagePage key={image.id} id={image.id ?? ''} />;
  const user = match('/users/:id', path);
  if (user) return <UserPage key={user.id} id={user.id ?? ''} />;
  const album = match('/albums/:id', path);
  if (album) return <AlbumPage key={album.id} id={album.id ?? ''} />;
  const report = match('/moderation/reports/:id', path);
  if (report) return <ReportPage key={report.id} id={report.id ?? ''} />;
  return <NotFoundPage />;
}
