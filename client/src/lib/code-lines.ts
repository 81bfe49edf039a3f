// A listing cut into lines with their indentation measured, so a long line can wrap under its own indentation
// (a hanging indent) instead of being cut off or scrolled out of sight.

export interface CodeLine {
  /** 1-based, as explanations refer to it. */
  number: number;
  /** Leading spaces (tabs count 2). */
  indent: number;
  text: string;
}

export function codeLines(text: string): CodeLine[] {
  const lines = text.replace(/\s+$/, '').split('\n');
  return lines.map((raw, i) => {
    const expanded = raw.replace(/\t/g, '  ');
    const body = expanded.trimStart();
    return { number: i + 1, indent: expanded.length - body.length, text: body };
  });
}
