// Puzzle text marks commands and names with Markdown-style backticks: "pod `billing`". Split it into plain and code
// runs so the screen can show code as code. Pure: the result is rendered as text nodes, never as HTML.

export interface TextRun {
  text: string;
  code: boolean;
}

/** Plain and code runs, in order. A backtick without a partner, or an empty pair, stays literal text. */
export function splitInlineCode(source: string): TextRun[] {
  const runs: TextRun[] = [];
  let plain = '';
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('`', at);
    const close = open < 0 ? -1 : source.indexOf('`', open + 1);
    if (open < 0 || close < 0) break;
    if (close === open + 1) {
      plain += source.slice(at, close + 1);
    } else {
      plain += source.slice(at, open);
      if (plain) runs.push({ text: plain, code: false });
      runs.push({ text: source.slice(open + 1, close), code: true });
      plain = '';
    }
    at = close + 1;
  }
  plain += source.slice(at);
  if (plain) runs.push({ text: plain, code: false });
  return runs;
}

/** The text as it reads on screen, without the backticks that became code: for aria-labels and live regions. */
export function plainText(source: string): string {
  return splitInlineCode(source)
    .map((run) => run.text)
    .join('');
}
