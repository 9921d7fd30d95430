// Lint rules that encode the house rules: no HTML injection sinks, no `any`, no timers that
// an MV3 worker would lose, and the polyfill imported only through the browser seam.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', '.profile/', '.scratch/', 'test/fixtures/builds/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text through Preact or textContent; never innerHTML.' },
        { property: 'outerHTML', message: 'Never write HTML strings into the DOM.' },
        { property: 'insertAdjacentHTML', message: 'Never write HTML strings into the DOM.' },
        { property: 'createContextualFragment', message: 'Never parse HTML strings into the DOM.' },
        { property: 'setHTMLUnsafe', message: 'Never write HTML strings into the DOM.' },
        { property: 'srcdoc', message: 'No HTML documents from strings.' },
        { property: 'writeln', message: 'No document.writeln.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Feed text stays text.' },
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
        { selector: "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.property.name='document']", message: 'No document.write.' },
        { selector: "JSXAttribute[name.name='srcdoc'], JSXAttribute[name.name='srcDoc']", message: 'No HTML documents from strings.' },
        { selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^(srcdoc|on\\w+)$/i]", message: 'No HTML documents or handlers from strings.' },
        { selector: "MemberExpression[property.name='parseFromString']", message: 'No HTML parsing into the DOM; the background parses with htmlparser2.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: "Import { browser } from 'src/shared/browser' (the test seam).", allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['src/shared/browser.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // MV3 stops the worker after ~30 s idle and its timers die with it: cadence lives in alarms.
    files: ['src/background/**', 'src/sources/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'setInterval', message: 'Use browser.alarms; worker timers die with the worker.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/popup/**', '**/options/**', '**/content/**'], message: 'The background never imports UI code.' }],
          paths: [{ name: 'webextension-polyfill', message: "Import { browser } from 'src/shared/browser'.", allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/content/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/background/**', '**/sources/**'], message: 'UIs meet the background only in src/shared.' }],
          paths: [{ name: 'webextension-polyfill', message: "Import { browser } from 'src/shared/browser'.", allowTypeImports: true }],
        },
      ],
    },
  },
);
