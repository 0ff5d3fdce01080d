/**
 * Clauses a writer would strike out. Real bulletins leave a clause whose number is zero out rather
 * than print "未报送0个" (REAL-DOCUMENTS.md), so a filled template loses every clause ("，" "；"
 * "。" end one) that holds a left-out run; the sentence keeps its own ending, and a sentence left
 * with no number at all ("截至8月底，") goes with them.
 */

/** The shape of a draft's run (shared/drafts.ts), without importing it. */
interface RunLike {
  text: string;
  figure?: string;
  placeholder?: boolean;
}

const CLAUSE_END = /[，；。]/;

interface Clause<R> {
  runs: R[];
  leftOut: boolean;
  /** Whether it holds a number (a figure) or a placeholder, i.e. says something. */
  says: boolean;
  /** The mark it ends with ('' for an unfinished last clause). */
  end: string;
}

/** `runs` without the clauses holding a run of `leftOut`, and without a sentence left saying nothing. */
export function leaveOutClauses<R extends RunLike>(runs: readonly R[], leftOut: ReadonlySet<R>): R[] {
  if (leftOut.size === 0) return [...runs];
  const clauses: Clause<R>[] = [];
  let current: Clause<R> = { runs: [], leftOut: false, says: false, end: '' };
  const close = (end: string) => {
    current.end = end;
    clauses.push(current);
    current = { runs: [], leftOut: false, says: false, end: '' };
  };
  for (const r of runs) {
    if (leftOut.has(r)) {
      current.leftOut = true;
      continue;
    }
    if (r.figure || r.placeholder) {
      current.runs.push(r);
      current.says = true;
      continue;
    }
    // Plain text may end one clause and begin the next: cut it after each mark.
    let rest = r.text;
    for (let at = rest.search(CLAUSE_END); at >= 0; at = rest.search(CLAUSE_END)) {
      current.runs.push({ ...r, text: rest.slice(0, at + 1) });
      close(rest[at]!);
      rest = rest.slice(at + 1);
    }
    if (rest) current.runs.push({ ...r, text: rest });
  }
  if (current.runs.length || current.leftOut) close('');

  const out: R[] = [];
  let sentence: Clause<R>[] = [];
  const finish = () => {
    if (!sentence.some((c) => c.leftOut)) out.push(...sentence.flatMap((c) => c.runs));
    else {
      const kept = sentence.filter((c) => !c.leftOut);
      if (kept.some((c) => c.says)) {
        const end = sentence[sentence.length - 1]!.end;
        kept.forEach((c, i) => {
          if (i < kept.length - 1 || c.end === end) return out.push(...c.runs);
          // The last clause kept takes the sentence's ending.
          const last = c.runs[c.runs.length - 1];
          const body = c.end && last && !last.figure ? [...c.runs.slice(0, -1), { ...last, text: last.text.slice(0, -1) }] : c.runs;
          out.push(...body, ...(end ? [{ text: end } as R] : []));
        });
      }
    }
    sentence = [];
  };
  for (const c of clauses) {
    sentence.push(c);
    if (c.end === '。') finish();
  }
  finish();
  return out.filter((r) => r.text !== '' || r.figure);
}
