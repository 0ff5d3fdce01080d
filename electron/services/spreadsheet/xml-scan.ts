/**
 * The few shapes of XML the .xlsx reader looks for, found with indexOf instead of regular
 * expressions: a sheet holds a few hundred thousand cells, and the regular expressions (each match
 * an array of captured strings) were the larger part of reading one. Each function finds exactly
 * what the regular expression in its comment found, on any text, well-formed or not, so the
 * reader reads every file as it did (tests/unit/xlsx-scan.test.ts compares the two on generated
 * and damaged sheets).
 */

/** A character of \w: [A-Za-z0-9_]. */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Where /<name\b/ matches next in s from `from`, or -1 (name is a word: "row", "c", "f"). */
export function findTag(s: string, name: string, from: number): number {
  const needle = `<${name}`;
  for (let i = s.indexOf(needle, from); i >= 0; i = s.indexOf(needle, i + 1)) {
    const after = i + needle.length;
    // \b after a word character: the end of the text or a character that is not one.
    if (after >= s.length || !isWordChar(s.charCodeAt(after))) return i;
  }
  return -1;
}

/**
 * Each element the global /<name\b([^>]*?)(?:\/>|>([\s\S]*?)<\/name>)/g matches in s, in order:
 * its attribute text, and its content (undefined when it closes itself). As with the regular
 * expression, an element never closed is skipped and the search goes on from its next character.
 */
export function eachElement(s: string, name: string, visit: (attrs: string, body: string | undefined) => void): void {
  const close = `</${name}>`;
  const open = name.length + 1;
  let at = findTag(s, name, 0);
  while (at >= 0) {
    const start = at + open;
    const gt = s.indexOf('>', start);
    if (gt < 0) return; // no ">" after this one: nor after any later one
    if (gt > start && s.charCodeAt(gt - 1) === 47 /* "/" */) {
      visit(s.slice(start, gt - 1), undefined);
      at = findTag(s, name, gt + 1);
      continue;
    }
    const end = s.indexOf(close, gt + 1);
    if (end < 0) {
      at = findTag(s, name, at + 1);
      continue;
    }
    visit(s.slice(start, gt), s.slice(gt + 1, end));
    at = findTag(s, name, end + close.length);
  }
}

const WHITESPACE = /\s/;

/** The content /<name(?:\s[^>]*)?>([\s\S]*?)<\/name>/ captures first in s (the first <v>'s text), or undefined. */
export function firstElementText(s: string, name: string): string | undefined {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
    const next = at + open.length;
    let gt: number;
    if (s.charCodeAt(next) === 62 /* ">" */) gt = next;
    else if (next < s.length && WHITESPACE.test(s[next]!)) {
      gt = s.indexOf('>', next + 1);
      if (gt < 0) return undefined; // nor after any later one
    } else continue;
    const end = s.indexOf(close, gt + 1);
    return end < 0 ? undefined : s.slice(gt + 1, end); // no close after this one: nor after any later one
  }
  return undefined;
}

/** What /<open>([\s\S]*?)<\/close>/ captures in s (open and close literal, as "<is>" … "</is>"), or undefined. */
export function textBetween(s: string, open: string, close: string): string | undefined {
  const at = s.indexOf(open);
  if (at < 0) return undefined;
  const end = s.indexOf(close, at + open.length);
  return end < 0 ? undefined : s.slice(at + open.length, end);
}

/**
 * A string item (<si>, <is>) that is one plain <t> holding no markup, as Excel, WPS and exceljs
 * mostly write them: its raw text (still to decode), or null for any other shape (rich text runs,
 * phonetic runs, attributes), which the caller reads with the general expressions.
 */
export function plainTextRun(item: string): string | null {
  if (!item.startsWith('<t>') || !item.endsWith('</t>') || item.length < 7) return null;
  const text = item.slice(3, -4);
  return text.includes('<') ? null : text;
}

/**
 * Each /<si>([\s\S]*?)<\/si>|<si\/>/g match in s: its content ('' for <si/> and <si></si>).
 */
export function eachStringItem(s: string, visit: (content: string) => void): void {
  for (let at = s.indexOf('<si'); at >= 0; ) {
    const c = s.charCodeAt(at + 3);
    if (c === 62 /* ">" */) {
      const end = s.indexOf('</si>', at + 4);
      if (end >= 0) {
        visit(s.slice(at + 4, end));
        at = s.indexOf('<si', end + 5);
        continue;
      }
    } else if (c === 47 /* "/" */ && s.charCodeAt(at + 4) === 62) {
      visit('');
      at = s.indexOf('<si', at + 5);
      continue;
    }
    at = s.indexOf('<si', at + 1);
  }
}
