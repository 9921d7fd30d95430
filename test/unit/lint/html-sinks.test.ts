/**
 * The ESLint configuration bans every way of turning a string into markup (issue 14): each
 * sink below, written in a source file, must be reported. Linted with the project's own config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const SINKS: [string, string][] = [
  ['innerHTML', "document.body.innerHTML = '<b>x</b>';"],
  ['outerHTML', "document.body.outerHTML = '<b>x</b>';"],
  ['insertAdjacentHTML', "document.body.insertAdjacentHTML('beforeend', '<b>x</b>');"],
  ['document.write', "document.write('<b>x</b>');"],
  ['document.writeln', "document.writeln('<b>x</b>');"],
  ['window.document.write', "window.document.write('<b>x</b>');"],
  ['createContextualFragment', "document.createRange().createContextualFragment('<b>x</b>');"],
  ['srcdoc', "document.createElement('iframe').srcdoc = '<b>x</b>';"],
  ['srcdoc through setAttribute', "document.createElement('iframe').setAttribute('srcdoc', '<b>x</b>');"],
  ['an event handler through setAttribute', "document.body.setAttribute('onclick', 'alert(1)');"],
  ['setHTMLUnsafe', "document.body.setHTMLUnsafe('<b>x</b>');"],
  ['DOMParser.parseFromString', "new DOMParser().parseFromString('<b>x</b>', 'text/html');"],
];

describe('ESLint bans every HTML sink', () => {
  const eslint = new ESLint();
  it.each(SINKS)('%s', async (_name, code) => {
    const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: 'src/shared/probe.ts' });
    const banned = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-syntax');
    expect(banned.length, JSON.stringify(result?.messages)).toBeGreaterThan(0);
  });

  it('and leaves textContent alone', async () => {
    const [result] = await eslint.lintText("document.body.textContent = '<b>x</b>';\nexport {};\n", { filePath: 'src/shared/probe.ts' });
    expect(result?.messages).toEqual([]);
  });

  it('dangerouslySetInnerHTML in JSX', async () => {
    const [result] = await eslint.lintText('export const X = () => <div dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />;\n', { filePath: 'src/popup/components/Probe.tsx' });
    expect((result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-syntax')).toBe(true);
  });
});
