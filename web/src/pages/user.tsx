/** Placeholder. */
export function UserPage({ id }: { id: string }) {
  return (
    <section>
      <h1>User {id}</h1>
    </section>
  );
}
