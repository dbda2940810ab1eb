import { createSignal } from 'solid-js';
import { fetchMe, login, logout, type SessionUser } from '../api';

/**
 * Who is signed in, for every view: `user()` is null for an anonymous visitor (and until GET
 * /api/auth/me has answered). `epoch()` moves on each sign-in and sign-out, so resources whose
 * answer depends on the session name it in their source and load again.
 */
const [user, setUser] = createSignal<SessionUser | null>(null);
const [epoch, setEpoch] = createSignal(0);
export { epoch, user };

/** Asks the server who this browser is signed in as (the cookie survives a reload). */
export async function loadSession(): Promise<void> {
  try {
    const me = await fetchMe();
    // A sign-in made while this was on its way wins.
    if (epoch() === 0) setUser(me);
  } catch {
    // No answer: stay anonymous; what needs a session says so when asked.
  }
}

export async function signIn(name: string, password: string): Promise<SessionUser> {
  const u = await login(name, password);
  setUser(u);
  setEpoch((n) => n + 1);
  return u;
}

export async function signOut(): Promise<void> {
  try {
    await logout();
  } finally {
    setUser(null);
    setEpoch((n) => n + 1);
  }
}
