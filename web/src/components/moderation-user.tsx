/** A user as the moderation pages name them: display name and @username, linking to the profile. */
import type { UserSummary } from '../api/types.js';

export function UserLink({ user }: { user: UserSummary }) {
  return (
    <a class="mod-user" href={`/users/${user.id}`}>
      {user.display_name}
      {user.display_name !== user.username && <span class="mod-username"> @{user.username}</span>}
    </a>
  );
}
