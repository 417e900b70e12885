/** Produces new ids: UUID v7 strings (time-ordered, lowercase canonical form). */
export interface IdGenerator {
  next(): string;
}
