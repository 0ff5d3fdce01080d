/** Reading a .docx the way the tests check it: its XML parts, paragraph texts, and a LibreOffice rendering. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels')).map(([name, data]) => [name, strFromU8(data)]));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each paragraph of a part, in order. */
export function paragraphTexts(xml: string): string[] {
  return xml.split('</w:p>').map((p) => unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))).filter((t) => t.length > 0);
}

/** LibreOffice → PDF → text and page count (whitespace removed: its grid spreads characters apart). */
export function renderWithLibreOffice(bytes: Uint8Array): { pages: number; text: string; pagesText: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpw-docx-'));
  try {
    const file = path.join(dir, 'draft.docx');
    fs.writeFileSync(file, bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    const pdf = path.join(dir, 'draft.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const pagesText = raw.split('\f').map((p) => p.replace(/\s+/g, ''));
    return { pages, text: pagesText.join(''), pagesText };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
