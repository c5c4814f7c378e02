/**
 * Excel date serials ⇄ dates: the one conversion every reader uses. In the 1900 date system Excel
 * counts a 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3), so day 0 is
 * 1899-12-30 only from serial 61 (1900-03-01) on; below it day 0 is 1899-12-31. Counting from
 * 1899-12-30 throughout puts every date before 1900-03-01 one day early. Serial 60 itself has no
 * real day: it is read as 1900-02-28, the day Excel shows before it. The 1904 system has no such
 * day. Dates are at UTC midnight (plus the time of day), so their UTC fields are what the cell shows.
 */

const DAY_MS = 86_400_000;
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
/** Serial 60, the phantom 1900-02-29: below it the 1900 system is a day behind 1899-12-30 counting. */
const PHANTOM_SERIAL = 60;

export function excelSerialToDate(serial: number, date1904 = false): Date {
  if (date1904) return new Date(Math.round(EPOCH_1904_MS + serial * DAY_MS));
  const days = serial < PHANTOM_SERIAL ? serial + 1 : serial;
  return new Date(Math.round(EPOCH_1900_MS + days * DAY_MS));
}
