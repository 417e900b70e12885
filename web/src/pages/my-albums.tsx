/** My albums: placeholder until its page is built. */
export function MyAlbumsPage() {
  return (
    <section>
      <h1>My albums</h1>
    </section>
  );
}
