/** A bench script's `--name value` flags: the value or a default, and whole numbers checked. */
const args = process.argv.slice(2);

export const opt = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1]! : d);

export const whole = (n: string, d: string, min: number): number => {
  const v = Number(opt(n, d));
  if (!Number.isInteger(v) || v < min) throw new Error(`${n} ${opt(n, '')}: expected a whole number of at least ${min}`);
  return v;
};

export const hasFlag = (n: string): boolean => args.includes(n);
