/**
 * The catalogue keeps its promise (issue 13): both languages hold the same messages with the
 * same placeholders, every message the code asks for exists, every message exists for a reason,
 * and no user-visible English is left in the code outside the catalogue.
 *
 * The last check reads the source with the TypeScript compiler: text in JSX, the attributes a
 * user or a screen reader meets (aria-label, title, placeholder, alt…), and any other string of
 * two or more words, except where such strings are known not to reach the screen (console, thrown
 * errors, and the technical detail the Diagnostics list shows as the source said it, in English;
 * the files allowed below say why).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mergedCatalogue } from '../../../scripts/locales';

const LOCALES = path.resolve('src/locales');
const en = mergedCatalogue(LOCALES, 'en');
const ur = mergedCatalogue(LOCALES, 'ur');
const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}
const SOURCES = sourceFiles(path.resolve('src'));
const relative = (file: string): string => path.relative(process.cwd(), file).split(path.sep).join('/');

describe('the two catalogues', () => {
  it('hold the same message names', () => {
    expect(Object.keys(ur).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: same placeholders in both languages, no blank message, no $', (key) => {
    const english = en[key]?.message ?? '';
    const urdu = ur[key]?.message ?? '';
    expect(english.trim()).not.toBe('');
    expect(urdu.trim()).not.toBe('');
    expect(placeholders(urdu)).toEqual(placeholders(english));
    // `$` is the browser's own substitution syntax in getMessage.
    expect(english.includes('$') || urdu.includes('$')).toBe(false);
  });

  it('translates every message with words in it: an Urdu entry copied from the English is no translation', () => {
    // The same in both languages on purpose: codes, proper names and pure punctuation around values.
    const SAME_ON_PURPOSE = new Set(['zone_pkt', 'source_psx_terminal', 'alert_notification_title', 'bar_chip_when', 'popup_mover_symbol_suffix', 'popup_feed_name', 'backup_place_quoted', 'backup_place_reason', 'backup_feed_name']);
    const copied = Object.keys(en).filter((key) => ur[key]?.message === en[key]?.message && /[A-Za-z]{2,}/.test(en[key]?.message ?? '') && !SAME_ON_PURPOSE.has(key));
    expect(copied).toEqual([]);
    for (const key of SAME_ON_PURPOSE) expect(ur[key]?.message, key).toBe(en[key]?.message);
  });

  it('has both plural forms wherever it has one', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('_one')) expect(en[`${key.slice(0, -4)}_other`], key).toBeDefined();
    }
  });

  it('holds every name the manifest asks for', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    const asked = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? '');
    expect(asked.length).toBeGreaterThan(0);
    for (const key of asked) expect(en[key], key).toBeDefined();
  });

  it('has no message nobody shows', () => {
    const code = SOURCES.map((f) => readFileSync(f, 'utf8')).join('\n') + readFileSync('manifest.json', 'utf8');
    const plurals = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`__MSG_${key}__`) && !code.includes(`'${plurals(key)}'`));
    expect(unused).toEqual([]);
  });
});

/** Attributes whose text a user sees or a screen reader says. */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'label']);
/** Two words or more: a sentence, not a code, a class name or a key. */
const WORDS = /[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}/;
const LETTERS = /[A-Za-z]{2,}/;

/**
 * Files whose remaining English strings never reach the screen in a language of their own.
 * Each entry says why; the test fails if a file listed here no longer needs it.
 */
const TECHNICAL: Record<string, string> = {
  // The sources' failure details (src/sources/, always allowed) and the cycle's are shown in
  // Diagnostics as they were recorded: technical text for a bug report, in English.
  'src/background/diagnostics-log.ts': 'the Diagnostics events the cycle records',
  'src/background/alerts/check.ts': 'Diagnostics details and console labels of the alert check',
  'src/background/alerts/notify.ts': 'console labels; the notification text itself is describe.ts’s',
  'src/background/index.ts': 'console labels of the wiring',
  'src/background/refresh.ts': 'console labels and Diagnostics details of the cycle',
  'src/background/publish.ts': 'a pruned write’s Diagnostics detail',
  'src/background/tasks/feeds.ts': 'a feed’s failure detail, recorded as a source error',
  'src/shared/storage/item.ts': 'refusals’ English detail for logs; pages word them (refusal-words.ts)',
  'src/shared/settings-items.ts': 'the same for the settings’ refusals',
  'src/shared/storage/sync-flush.ts': 'a stored reason storageNotice never shows',
  'src/options/components/Diagnostics.tsx': 'the report copied for a bug report is English for whoever reads it',
  'src/content/ticker/styles.ts': 'CSS and font names',
  'src/shared/backup/holdings-csv.ts': 'the CSV header and the column names brokers write: a file format',
  'src/shared/feeds.ts': 'the built-in feeds’ publisher and titles, as Business Recorder names them',
};

/** A language's name written in that language, whatever the page's: the language menu's "English". */
const OWN_NAMES = new Set(['English']);

function isTechnicalPath(file: string, exempt = true): boolean {
  const rel = relative(file);
  return exempt && (rel.startsWith('src/sources/') || rel in TECHNICAL);
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** A code a page shows as it is in every language: PSX, KSE-100, PKT, XD. */
const CODE = /^[A-Z0-9][A-Z0-9.&-]*$/;

function insideIgnoredCall(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    // Class lists are no text: `class="story story--new"`, `el.className = …`, `classList.add(…)`.
    if (ts.isJsxAttribute(n) && /^(class|className)$/.test(n.name.getText())) return true;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(className|rel|href)$/.test(n.left.getText())) return true;
    if (ts.isCallExpression(n) && /classList\.\w+$|^(createElement|el)$/.test(n.expression.getText())) return true;
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText();
      if (/^console\.\w+$/.test(callee)) return true;
      if (callee === 'warn' || callee.endsWith('.warn')) return true;
    }
    if (ts.isNewExpression(n) && /Error$/.test(n.expression.getText())) return true;
    if (ts.isThrowStatement(n)) return true;
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
    if (ts.isLiteralTypeNode(n)) return true;
  }
  return false;
}

/** A literal that is itself a child of JSX: `{'Word'}`, or a branch of a condition there. */
function renderedInJsx(node: ts.Node): boolean {
  let n = node.parent;
  while (n && (ts.isConditionalExpression(n) || ts.isParenthesizedExpression(n) || ts.isBinaryExpression(n))) n = n.parent;
  return n !== undefined && ts.isJsxExpression(n) && !ts.isJsxAttribute(n.parent);
}

function findUserText(file: string, exempt = true): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string): void => {
    found.push({ file: relative(file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().slice(0, 60) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTERS.test(node.text) && !CODE.test(node.text.trim()) && !OWN_NAMES.has(node.text.trim())) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init) && LETTERS.test(init.text) && !/^https?:\/\//.test(init.text)) report(node, init.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[A-Z][a-z]{2,}$/.test(node.text) && renderedInJsx(node) && !OWN_NAMES.has(node.text)) {
      // One word a page renders as it is: `{open ? 'Open' : 'Closed'}`.
      report(node, node.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && WORDS.test(node.text) && !/^https?:\/\//.test(node.text) && !insideIgnoredCall(node)) {
      if (!ts.isJsxAttribute(node.parent) && !isTechnicalPath(file, exempt) && !OWN_NAMES.has(node.text)) report(node, node.text);
    } else if (ts.isTemplateExpression(node) && !insideIgnoredCall(node) && !isTechnicalPath(file, exempt)) {
      const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (WORDS.test(literal)) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible text in src/', () => {
  it('comes from the catalogue: no English sentence, label or JSX text is written in the code', () => {
    const findings = SOURCES.flatMap((file) => findUserText(file));
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('allows technical English only where a reason is given, and every reason is still needed', () => {
    for (const file of Object.keys(TECHNICAL)) {
      expect(SOURCES.map(relative)).toContain(file);
      // Without its exemption the file would fail: otherwise the exemption hides nothing and goes.
      expect(findUserText(path.resolve(file), false).length, file).toBeGreaterThan(0);
    }
  });
});
