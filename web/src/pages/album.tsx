/** Album: placeholder until its page is built. */
export function AlbumPage({ id }: { id: string }) {
  return (
    <section>
      <h1>Album {id}</h1>
    </section>
  );
}
