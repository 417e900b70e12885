/**
 * Profile: the read-only facts of the account and the form for display name and bio (contract §6 PATCH
 * /users/{id}). A save updates the in-memory session at once, so the header shows the new name.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { updateUser } from '../api/session.js';
import type { UserSelf } from '../api/types.js';
import { AccountField } from './account-field.js';
import { formErrors, NO_ERRORS, type FormErrors } from './account-errors.js';
import { formatDate, ROLE_NAMES } from './profile-format.js';
import { AccountFormEnd } from './account-form-end.js';

export function AccountProfile({ user }: { user: UserSelf }) {
  const [displayName, setDisplayName] = useState(user.display_name);
  const [bio, setBio] = useState(user.bio);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  function edit(set: (value: string) => void) {
    return (value: string) => {
      set(value);
      setSaved(false);
    };
  }

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      const updated = await api<UserSelf>(`/users/${user.id}`, { method: 'PATCH', body: { display_name: displayName, bio } });
      updateUser(updated);
      // The server normalises (trims, NFC): show what it kept.
      setDisplayName(updated.display_name);
      setBio(updated.bio);
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (err) {
      setErrors(formErrors(err, ['display_name', 'bio']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="account-section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <dl class="account-facts">
        <dt>Username</dt>
        <dd>@{user.username}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_NAMES[user.role]}</dd>
        <dt>Member since</dt>
        <dd>
          <time dateTime={user.created_at}>{formatDate(user.created_at)}</time>
        </dd>
      </dl>
      <form class="account-form" onSubmit={(e) => void submit(e)}>
        <AccountField
          id="profile-display-name"
          label="Display name"
          required
          maxLength={100}
          autoComplete="nickname"
          value={displayName}
          onValue={edit(setDisplayName)}
          error={errors.fields.display_name}
        />
        <AccountField
          id="profile-bio"
          label="Bio"
          hint="Up to 500 characters; shown on your public page."
          multiline={5}
          maxLength={500}
          value={bio}
          onValue={edit(setBio)}
          error={errors.fields.bio}
        />
        <AccountFormEnd error={errors.form} busy={busy} status={saved ? 'Saved' : ''}>
          Save profile
        </AccountFormEnd>
      </form>
    </section>
  );
}
