/** My images: placeholder until its page is built. */
export function MyImagesPage() {
  return (
    <section>
      <h1>My images</h1>
    </section>
  );
}
