/** The contract §4 query parameters as a route hands them to a list use case. */
export interface PageParams {
  readonly page?: number;
  readonly per_page?: number;
  readonly cursor?: string;
}
