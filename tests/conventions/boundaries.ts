/**
 * The lines between execution contexts (ARCHITECTURE.md), read from the import statements:
 * the pure core never touches a browser API or a view; the page-side code (content script and
 * views) never pulls in what only the background needs; nothing shipped imports test code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { PAGE_SUBSTITUTES } from '../../lib/page-substitutes';

export interface SourceFile {
  /** Relative to the repository, with forward slashes. */
  path: string;
  source: string;
}

type Context = 'core' | 'platform' | 'background' | 'content' | 'ui' | 'entry' | 'harness' | 'bench' | 'scripts' | 'tests' | 'config';

export function contextOf(path: string): Context {
  if (path.startsWith('lib/background/')) return 'background';
  if (path.startsWith('lib/content/')) return 'content';
  if (path.startsWith('lib/platform/')) return 'platform';
  if (path.startsWith('lib/')) return 'core';
  if (path.startsWith('components/')) return 'ui';
  if (path.startsWith('entrypoints/')) return 'entry';
  for (const context of ['harness', 'bench', 'scripts', 'tests'] as const) if (path.startsWith(`${context}/`)) return context;
  return 'config';
}

/** Code that only the background runs: fetched-data readers, the polling rules, linkedom and idb. */
const BACKGROUND_ONLY = [/^lib\/sources\//, /^lib\/polling\//, /^lib\/background\//, /^linkedom$/, /^idb$/];
const BROWSER_APIS = [/^wxt\//, /^wxt$/, /^idb$/, /^webextension-polyfill$/];
const VIEWS = [/^components\//, /^preact/];
const TEST_CODE = [/^tests\//, /^harness\//, /^bench\//, /^scripts\//];

/** What each context may not import: a path in the repository, or a package name. */
const FORBIDDEN: Record<Context, RegExp[]> = {
  core: [...BROWSER_APIS, ...VIEWS, /^lib\/(background|content|platform)\//, ...TEST_CODE],
  platform: [/^idb$/, ...VIEWS, /^lib\/(background|content)\//, ...TEST_CODE],
  background: [...VIEWS, /^lib\/content\//, ...TEST_CODE],
  content: [...BACKGROUND_ONLY, ...TEST_CODE],
  ui: [...BACKGROUND_ONLY, ...BROWSER_APIS, /^lib\/(content|platform)\//, ...TEST_CODE],
  entry: TEST_CODE,
  harness: [/^tests\//, /^bench\//],
  bench: [/^tests\//],
  scripts: [/^tests\//],
  tests: [],
  config: TEST_CODE,
};

/** Module names a file loads at run time: type-only imports are erased by the build and do not count. */
function runtimeSpecifiers(file: SourceFile): string[] {
  const source = ts.createSourceFile(
    file.path,
    file.source,
    ts.ScriptTarget.Latest,
    false,
    file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) names.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) names.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      names.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Import targets of one file: repository paths (without extension) for relative imports, package names otherwise. */
export function importsOf(file: SourceFile): string[] {
  return runtimeSpecifiers(file).map((name) => {
    if (name.startsWith('.'))
      return normalize(join(dirname(file.path), name))
        .replace(/\\/g, '/')
        .replace(/\.(tsx?|css)$/, '');
    const parts = name.split('/');
    if (name.startsWith('@')) return parts.slice(0, 2).join('/');
    return parts[0] === 'wxt' ? name : parts[0]!;
  });
}

function resolveIn(files: ReadonlyMap<string, SourceFile>, target: string): SourceFile | undefined {
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
    const file = files.get(candidate);
    if (file) return file;
  }
  return undefined;
}

export function importViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const rules = FORBIDDEN[contextOf(file.path)];
    for (const target of importsOf(file)) {
      if (rules.some((rule) => rule.test(target))) violations.push(`${file.path} (${contextOf(file.path)}) imports ${target}`);
    }
  }
  return violations;
}

/**
 * What a page loads, followed through every import from the content script's entry point: none of
 * it may be background-only, whatever path leads there.
 */
/** What runs on a page: the content script, and the page modules it imports (entrypoints/page-*.ts). */
export const pageEntries = (files: readonly SourceFile[]): string[] =>
  files.map((file) => file.path).filter((path) => path === 'entrypoints/loader.content.ts' || /^entrypoints\/page-[^/]+\.ts$/.test(path));

/**
 * Never on a page: zod's schemas and webextension-polyfill cost every page load, and so does Preact
 * (its code and its cold first render); the page's views are plain DOM (issue #16).
 */
const PAGE_HEAVY = [/^zod$/, /^webextension-polyfill$/, /^@wxt-dev\/webextension-polyfill$/, /^wxt\/browser$/, /^preact/];

/**
 * Follows every import from `entries`, through the modules the page build takes in place of others
 * (PAGE_SUBSTITUTES), and calls `visit` with each module loaded and the chain of files that led there.
 */
function walkPageImports(
  files: readonly SourceFile[],
  entries: readonly string[],
  visit: (target: string, via: string[]) => void,
): boolean {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const substitutes = new Map(Object.entries(PAGE_SUBSTITUTES).map(([from, to]) => [from.replace(/\.tsx?$/, ''), to]));
  const seen = new Set<string>(entries);
  const queue: { file: SourceFile; via: string[] }[] = [];
  for (const entry of entries) {
    const start = byPath.get(entry);
    if (start) queue.push({ file: start, via: [entry] });
  }
  if (!queue.length) return false;
  while (queue.length) {
    const { file, via } = queue.shift()!;
    for (const imported of importsOf(file)) {
      const substitute = substitutes.get(imported);
      const target = substitute ? substitute.replace(/\.tsx?$/, '') : imported;
      visit(target, via);
      const next = resolveIn(byPath, target);
      if (next && !seen.has(next.path)) {
        seen.add(next.path);
        queue.push({ file: next, via: [...via, next.path] });
      }
    }
  }
  return true;
}

/** What the page-side entry points load that `rules` forbid. */
function pageImports(files: readonly SourceFile[], rules: RegExp[], entries: readonly string[]): string[] {
  const violations: string[] = [];
  const found = walkPageImports(files, entries, (target, via) => {
    if (rules.some((rule) => rule.test(target))) violations.push(`the content script loads ${target} via ${via.join(' → ')}`);
  });
  return found ? violations : [`${entries.join(', ')} not found`];
}

/** Every module a page-side entry point loads, through imports and substitutes (repository paths without extension, or package names). */
export function pageModuleImports(files: readonly SourceFile[], entry: string): Set<string> {
  const loaded = new Set<string>();
  if (!walkPageImports(files, [entry], (target) => loaded.add(target))) throw new Error(`${entry} not found`);
  return loaded;
}

export function contentScriptViolations(files: readonly SourceFile[], entries: readonly string[] = pageEntries(files)): string[] {
  return pageImports(files, BACKGROUND_ONLY, entries);
}

export function pageWeightViolations(files: readonly SourceFile[], entries: readonly string[] = pageEntries(files)): string[] {
  return pageImports(files, PAGE_HEAVY, entries);
}

/** Every TypeScript source of the repository, outside dependencies, builds and fixtures. */
export function repositorySources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (['node_modules', '.git', '.output', '.wxt', 'fixtures', '.e2e-tmp'].includes(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(name))
        out.push({ path: relative(root, path).replace(/\\/g, '/'), source: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out;
}
