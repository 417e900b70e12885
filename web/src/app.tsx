/** The layout (header, main) and the route table. */
import { Header } from './components/header.js';
import { match, useLocation } from './router.js';
import { ExplorePage } from './pages/explore.js';
import { ImagePage } from './pages/image.js';
import { LoginPage } from './pages/login.js';
import { RegisterPage } from './pages/register.js';
import { NotFoundPage } from './pages/not-found.js';
import { UploadPage } from './pages/upload.js';

export function App() {
  const { path, query } = useLocation();
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

function route(path: string, query: URLSearchParams) {
  if (path === '/') return <ExplorePage key="recent" feed={{ kind: 'recent' }} />;
  if (path === '/search') {
    const q = query.get('q') ?? '';
    return <ExplorePage key={`search:${q}`} feed={{ kind: 'search', q }} />;
  }
  const tag = match('/tags/:slug', path);
  if (tag) return <ExplorePage key={`tag:${tag.slug}`} feed={{ kind: 'tag', slug: tag.slug ?? '' }} />;
  const image = match('/images/:id', path);
  if (image) return <ImagePage key={image.id} id={image.id ?? ''} />;
  if (path === '/login') return <LoginPage />;
  if (path === '/register') return <RegisterPage />;
  if (path === '/upload') return <UploadPage />;
  return <NotFoundPage />;
}
