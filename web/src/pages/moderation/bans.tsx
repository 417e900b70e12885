/** Bans: placeholder until its page is built. */
export function BansPage() {
  return (
    <section>
      <h1>Bans</h1>
    </section>
  );
}
