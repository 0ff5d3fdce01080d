/** A child process that holds the library's write lock (BEGIN IMMEDIATE) until its stdin closes. */
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]!);
db.pragma('busy_timeout = 100');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => {
  db.exec('ROLLBACK');
  db.close();
  process.exit(0);
});
