import * as fs from 'node:fs';
import * as path from 'node:path';

const FILE = path.join(__dirname, '..', '..', 'docs', 'BENCHMARKS.md');

/** Replaces (or appends) one "## <title>" section of docs/BENCHMARKS.md, leaving the others as they are. */
export function writeBenchmarkSection(title: string, body: string): void {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const heading = `## ${title}`;
  const start = text.indexOf(`\n${heading}\n`);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) {
    fs.writeFileSync(FILE, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length + 1);
  const after = next < 0 ? '' : `\n${text.slice(next + 1)}`;
  fs.writeFileSync(FILE, `${text.slice(0, start + 1)}${section}${after}`);
}
