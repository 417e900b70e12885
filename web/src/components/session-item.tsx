/** One signed-in device: browser and system in words (the raw header on demand), address, times, and Revoke. */
import type { SessionInfo } from '../api/types.js';
import { relativeTime } from '../relative-time.js';
import { describeUserAgent } from '../user-agent.js';

export interface SessionItemProps {
  readonly session: SessionInfo;
  readonly now: Date;
  readonly busy: boolean;
  readonly onRevoke: (session: SessionInfo) => void;
}

export function SessionItem({ session, now, busy, onRevoke }: SessionItemProps) {
  const device = describeUserAgent(session.user_agent);
  const headingId = `session-${session.id}`;
  return (
    <li class={session.is_current ? 'session-item session-current' : 'session-item'} aria-labelledby={headingId}>
      <div class="session-head">
        <h3 id={headingId} class="session-device" title={session.user_agent === '' ? undefined : session.user_agent}>
          {device}
        </h3>
        {session.is_current && <span class="session-badge">This device</span>}
      </div>
      <dl class="session-facts">
        <dt>IP address</dt>
        <dd>{session.ip_address === '' ? 'unknown' : session.ip_address}</dd>
        <dt>Last used</dt>
        <dd>
          <time dateTime={session.last_used_at} title={new Date(session.last_used_at).toLocaleString()}>
            {relativeTime(session.last_used_at, now)}
          </time>
        </dd>
        <dt>Signed in</dt>
        <dd>
          <time dateTime={session.created_at}>{new Date(session.created_at).toLocaleString()}</time>
        </dd>
      </dl>
      {session.user_agent !== '' && (
        <details class="session-raw">
          <summary>Full user agent</summary>
          <code>{session.user_agent}</code>
        </details>
      )}
      <button
        type="button"
        class="session-revoke"
        disabled={busy}
        aria-label={session.is_current ? `Log out ${device} (this device)` : `Revoke ${device}, ${session.ip_address}`}
        onClick={() => onRevoke(session)}
      >
        {session.is_current ? 'Log out' : 'Revoke'}
      </button>
    </li>
  );
}
