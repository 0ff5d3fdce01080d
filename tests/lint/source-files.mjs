/**
 * The source files of the tree a lint script reads: every file under `dirs` whose name matches
 * `pattern`, below folders not skipped (by name, or by their path from the root).
 */
import fs from 'node:fs';
import path from 'node:path';

export function sourceFiles(root, dirs, pattern, skipped) {
  const walk = (dir) => {
    const out = [];
    if (!fs.existsSync(dir)) return out;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name) && !skipped.has(path.relative(root, full).split(path.sep).join('/'))) out.push(...walk(full));
      } else if (pattern.test(entry.name)) out.push(full);
    }
    return out;
  };
  return dirs.flatMap((d) => walk(path.join(root, d)));
}
