/** What a signed-in-only page shows to a visitor: its title and a link to log in that comes back here. */
export function LogInPrompt({ title, to }: { title: string; to: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>
        <a href={`/login?next=${encodeURIComponent(location.pathname)}`}>Log in</a> {to}.
      </p>
    </section>
  );
}
