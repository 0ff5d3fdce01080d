/**
 * The numbered migrations, in order. Migration N brings a library from user_version N-1 to N.
 * Add a file `NNNN-what.ts` exporting `up` and list it here; never edit a released one.
 */
import * as m0001 from './0001-initial';
import * as m0002 from './0002-month-closing';
import * as m0003 from './0003-list-version';
import * as m0004 from './0004-ledgers';
import * as m0005 from './0005-month-snapshots';
import * as m0006 from './0006-money-integers';
import * as m0007 from './0007-statistics-figure-and-plan-split';
import * as m0008 from './0008-supervisions';
import * as m0009 from './0009-lifecycle';
import * as m0010 from './0010-procedure-warnings-and-support';
import * as m0011 from './0011-report-money-checks';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: m0001.up },
  { version: 2, name: '0002-month-closing', up: m0002.up },
  { version: 3, name: '0003-list-version', up: m0003.up },
  { version: 4, name: '0004-ledgers', up: m0004.up },
  { version: 5, name: '0005-month-snapshots', up: m0005.up },
  { version: 6, name: '0006-money-integers', up: m0006.up },
  { version: 7, name: '0007-statistics-figure-and-plan-split', up: m0007.up },
  { version: 8, name: '0008-supervisions', up: m0008.up },
  { version: 9, name: '0009-lifecycle', up: m0009.up },
  { version: 10, name: '0010-procedure-warnings-and-support', up: m0010.up },
  { version: 11, name: '0011-report-money-checks', up: m0011.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
