/**
 * Thrown for input a loss cannot accept. The message names the input or
 * parameter, what was expected and what was found, so the UI can show it as is.
 */
export class LossInputError extends Error {
  /** The input or parameter at fault, when there is one. */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'LossInputError';
    this.field = field;
  }
}
