/**
 * A page whose article sits under `depth` nested <div>s: the shape that made main-text
 * extraction take minutes (readability's cost grows much faster than the depth). Invented text.
 */
const PARAS = [
  'The river authority of Velmora said on Tuesday that the new lock would open in the spring, after two years of work on the eastern bank.',
  'Engineers told the council that the old gates had leaked since the floods, and that barges had waited up to a day to pass.',
  '"We expect the first boats through in April," a spokeswoman for the authority said, adding that tolls would not change this year.',
];

export function nestedHtml(depth: number, closed = true): string {
  const body = PARAS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><title>New lock for Velmora</title></head><body>${'<div>'.repeat(depth)}\n${body}\n${closed ? '</div>'.repeat(depth) : ''}</body></html>`;
}
