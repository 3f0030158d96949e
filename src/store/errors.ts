/** The error of a store that cannot be opened or written, naming it (a file, or a URL without its password). */
export class StoreError extends Error {
  constructor(
    public readonly file: string,
    reason: string,
    /** Another process held the write lock past the wait: the same write may succeed later. */
    public readonly locked = false,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'StoreError';
  }
}
