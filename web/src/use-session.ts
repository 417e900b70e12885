/** Re-renders a component when the user signs in or out. */
import { useEffect, useState } from 'preact/hooks';
import { getSession, subscribe, type Session } from './api/session.js';

export function useSession(): Session | null {
  const [session, setSession] = useState(getSession());
  useEffect(() => subscribe(() => setSession(getSession())), []);
  return session;
}
