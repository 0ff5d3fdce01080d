/** A child process that reads a lying zip bomb (declares 100 bytes, inflates to 1 GB); prints {ms, maxRssMb, message}. */
import zlib from 'node:zlib';
import { readXlsx } from '../../../electron/services/spreadsheet/xlsx-reader';
import { buildZip, zeroBomb } from '../workbooks';

const bomb = zeroBomb(1024);
const liar = buildZip([
  { name: 'xl/workbook.xml', stored: zlib.deflateRawSync(Buffer.from('<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>')), declaredSize: 67 },
  { name: 'xl/_rels/workbook.xml.rels', stored: zlib.deflateRawSync(Buffer.from('<Relationships><Relationship Id="rId1" Target="s.xml"/></Relationships>')), declaredSize: 72 },
  { name: 'xl/s.xml', stored: bomb, declaredSize: 100 },
]);
const t = performance.now();
let message = '';
try {
  readXlsx(liar);
} catch (err) {
  message = (err as Error).message;
}
process.stdout.write(JSON.stringify({ ms: performance.now() - t, maxRssMb: process.resourceUsage().maxRSS / 1024, message }));
