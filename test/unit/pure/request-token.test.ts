import { describe, expect, it } from 'vitest';
import { readRequestToken } from '../../../src/sources/psx/request-token';

const SAMPLE = 'window.__ps = {"_k":"q7Xv2LmR9tKp4WzN8bYc3HdF","v":1};';

describe('readRequestToken', () => {
  it.each<[string, string[], string | null]>([
    ['the sample script', [SAMPLE], 'q7Xv2LmR9tKp4WzN8bYc3HdF'],
    ['among several scripts', ['var a = {b: 1};', '', `(function(){ ${SAMPLE} })();`, 'console.log(1)'], 'q7Xv2LmR9tKp4WzN8bYc3HdF'],
    ['no spaces, no semicolon', ['window.__ps={"_k":"tok"}'], 'tok'],
    ['braces inside strings', ['window.__ps = {"_k":"a}b{c","note":"}}}"};'], 'a}b{c'],
    ['escaped quote inside a string', ['window.__ps = {"_k":"tok","s":"say \\"}\\" twice"};'], 'tok'],
    ['apostrophe inside a string', ['window.__ps = {"note":"it\'s {","_k":"tok"};'], 'tok'],
    ['nested objects', ['window.__ps = {"meta":{"a":{"b":1}},"_k":"tok","v":1};'], 'tok'],
    ['code after the object', [`${SAMPLE} if (x) { y(); }`], 'q7Xv2LmR9tKp4WzN8bYc3HdF'],
    ['token trimmed', ['window.__ps = {"_k":"  tok  "};'], 'tok'],
    ['a broken first match does not hide a later one', ['window.__ps = {_k:"x"};', SAMPLE], 'q7Xv2LmR9tKp4WzN8bYc3HdF'],
    // nothing usable: fail open with null
    ['no scripts', [], null],
    ['no marker', ['var token = {"_k":"tok"};'], null],
    ['marker but no object', ['window.__ps = null;'], null],
    ['unbalanced object', ['window.__ps = {"_k":"tok"'], null],
    ['non-JSON literal', ["window.__ps = {_k:'x'};"], null],
    ['trailing comma', ['window.__ps = {"_k":"tok",};'], null],
    ['empty token', ['window.__ps = {"_k":"","v":1};'], null],
    ['blank token', ['window.__ps = {"_k":"   "};'], null],
    ['no _k', ['window.__ps = {"v":1};'], null],
    ['_k a number', ['window.__ps = {"_k":12345};'], null],
    ['_k null', ['window.__ps = {"_k":null};'], null],
    ['_k an object', ['window.__ps = {"_k":{"v":"tok"}};'], null],
  ])('%s', (_name, scripts, expected) => {
    expect(readRequestToken(scripts)).toBe(expected);
  });
});
