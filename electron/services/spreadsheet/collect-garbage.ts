/**
 * One full garbage collection, asked for by a reader that has just let go of a large parse.
 *
 * SheetJS builds the whole sheet before returning it, some 500 bytes per cell, all promoted to
 * V8's old generation; once our cells are made they are garbage (~150 MB for a 20,000-project
 * .xls), but V8 collects the old generation only when it reaches the limit it raised during the
 * parse, so the import pipeline would allocate on top of them: measured, the peak of a whole
 * import of that list went from ~420 MB to ~330 MB with this one collection, which costs a mark of
 * what is alive (tens of milliseconds). Node offers gc() only under --expose-gc: the flag is set
 * just long enough to take V8's gc function from a new context, as the `expose-gc` package does.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  collect();
}
