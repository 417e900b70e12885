/** Report: placeholder until its page is built. */
export function ReportPage({ id }: { id: string }) {
  return (
    <section>
      <h1>Report {id}</h1>
    </section>
  );
}
