/** Audit log: placeholder until its page is built. */
export function AuditPage() {
  return (
    <section>
      <h1>Audit log</h1>
    </section>
  );
}
