import { readFileSync } from 'node:fs';

/** A code block of a README that the README test runs. */
export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: 'ts' | 'js';
  readonly code: string;
  /**
   * Stand-ins for what the reader supplies (a database pool, a request), declared in the README
   * right above the block in an HTML comment `<!-- readme-test: prelude ... -->`, which renders
   * as nothing; the block runs after it.
   */
  readonly prelude: string;
}

/** What a README holds for the test: the blocks to run and the packages its install lines name. */
export interface ParsedReadme {
  readonly blocks: ReadmeBlock[];
  readonly installed: string[];
}

const RUNNABLE: Record<string, 'ts' | 'js'> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
};

const PRELUDE_START = '<!-- readme-test: prelude\n';

/** The prelude comment that ends right above a block (blank lines between are fine). */
function preludeBefore(text: string): string {
  const trimmed = text.trimEnd();
  const start = trimmed.lastIndexOf(PRELUDE_START);
  if (start < 0 || !trimmed.endsWith('-->')) return '';
  const body = trimmed.slice(start + PRELUDE_START.length, -'-->'.length);
  return body.includes('-->') ? '' : body;
}

/** Reads the fenced blocks of a README: TS and JS ones run, `npm install` lines say what is installed. */
export function parseReadme(file: string): ParsedReadme {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: ReadmeBlock[] = [];
  const installed = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    const language = open[1]!.toLowerCase();
    if (language === 'sh' || language === 'bash') {
      for (const command of body) {
        const install = /^\s*npm (?:install|i) (.+)$/.exec(command);
        if (!install) continue;
        for (const word of install[1]!.split(/\s+/)) {
          if (word && !word.startsWith('-')) installed.add(word.replace(/(.)@[^/]*$/, '$1'));
        }
      }
      continue;
    }
    const kind = RUNNABLE[language];
    if (!kind) continue;
    const before = lines.slice(0, start).join('\n');
    blocks.push({
      line: start + 1,
      language: kind,
      code: body.join('\n'),
      prelude: preludeBefore(before),
    });
  }
  return { blocks, installed: [...installed] };
}

/**
 * Where a block keeps a service from exiting: a SIGTERM / SIGINT listener replaces Node's default
 * (exit), so one that does not call `process.exit` leaves the service running after the signal.
 */
export function signalHandlerProblems(code: string): string[] {
  const problems: string[] = [];
  const listener = /process\.(?:on|once|addListener)\(\s*['"](SIGTERM|SIGINT)['"]/g;
  for (let match = listener.exec(code); match; match = listener.exec(code)) {
    if (!code.slice(match.index).includes('process.exit(')) {
      problems.push(`a ${match[1]} listener that never calls process.exit keeps the service alive`);
    }
  }
  return problems;
}
