/** Report queue: placeholder until its page is built. */
export function ReportQueuePage() {
  return (
    <section>
      <h1>Report queue</h1>
    </section>
  );
}
