/**
 * Runs work in one database transaction. `fn` receives the transaction's ports (repositories, outbox) bound
 * to that transaction; it commits when `fn` resolves and rolls back when it throws, rethrowing the error.
 */
export interface UnitOfWork<TxPorts> {
  run<T>(fn: (tx: TxPorts) => Promise<T>): Promise<T>;
}
