/**
 * A chart axis label cut into lines of at most `width` characters at spaces (Chart.js draws an array as
 * one line each). An axis beside a chart gets at most half the chart's width, so on a phone a long label
 * ("Service continued by a public body") would be cut off at the canvas's edge. A word longer than
 * `width` keeps a line of its own; a label that fits stays a string.
 */
export function chartLabelLines(label: string, width = 18): string | string[] {
  const lines: string[] = [];
  for (const word of label.trim().split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length <= 1 ? label : lines;
}
