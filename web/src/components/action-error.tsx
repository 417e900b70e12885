/** The failure of the control just above, in words, announced to screen readers. */
export function ActionError({ error }: { error: string | null }) {
  if (error === null) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}
