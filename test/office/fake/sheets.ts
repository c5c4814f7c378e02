/** The fake workbook, its worksheet collection and worksheets (names checked, delete and rename as Excel does them), and the request context. */
import { Base } from "./base";
import { FakeBook } from "./book";
import { Charts } from "./charts";
import { Pages } from "./page";
import { Ranges } from "./ranges";
import {
  ModelSheet,
  parseAddress,
  excelError,
  checkSheetName,
  byteLength,
  MAX_ROWS,
  MAX_COLUMNS,
} from "./model";

export function sheetClasses(B: FakeBook, base: Base, ranges: Ranges, charts: Charts, pages: Pages) {
  const { Fake, strict, SheetRef } = base;
  type SheetRefOf = InstanceType<Base["SheetRef"]>;
  const { makeRange, makeRangeAreas } = ranges;
  type FakeRange = InstanceType<Ranges["FakeRange"]>;
  const { FakeChartCollection, FakeTableCollection } = charts;
  type ChartsOf = InstanceType<Charts["FakeChartCollection"]>;
  type TablesOf = InstanceType<Charts["FakeTableCollection"]>;
  const { sheets, ids, find, recalc, refPattern, usedBox, record, sync } = B;
  class FakeApplication extends Fake {
    readonly _type = "Application";
    suspendApiCalculationUntilNextSync(): void {
      this._call("suspendApiCalculationUntilNextSync", []);
    }
    override _target() {
      return "application";
    }
  }

  class FakeWorksheetCollection extends Fake {
    readonly _type = "WorksheetCollection";
    _items: FakeWorksheet[] | null = null;
    get items(): FakeWorksheet[] {
      if (!this._items)
        throw excelError("PropertyNotLoaded", "WorksheetCollection.items was read before load + sync");
      return this._items;
    }
    override _loadItems(what: string): void {
      if (!/^items(\/name)?$/.test(what)) throw excelError("InvalidArgument", `worksheets.load("${what}")`);
      this._queue(
        "WorksheetCollection.items",
        { load: what },
        () => undefined,
        () => {
          const now = sheets.map((s) => ({ s, name: s.name }));
          return {
            deliver: () => {
              this._items = now.map(({ s, name }) => {
                const ref = new SheetRef(name);
                ref.sheet = s;
                const ws = makeWorksheet(ref);
                ws._loaded.set("name", name);
                ws._carried = true;
                return ws;
              });
            },
            size: byteLength(now.map((n) => n.name)),
          };
        }
      );
    }
    getItem(name: string): FakeWorksheet {
      const ref = new SheetRef(name);
      this._queue("WorksheetCollection.getItem", { getItem: name }, () => {
        const found = find(name);
        if (!found) throw excelError("ItemNotFound", `the sheet "${name}" does not exist`);
        ref.sheet = found;
      });
      return makeWorksheet(ref);
    }
    getItemOrNullObject(name: string): FakeWorksheet {
      const ref = new SheetRef(name);
      const ws = makeWorksheet(ref);
      this._queue("WorksheetCollection.getItemOrNullObject", { getItem: name }, () => {
        ref.sheet = find(name) ?? null;
        ws._null = ref.sheet === null;
      });
      return ws;
    }
    add(name: string): FakeWorksheet {
      const ref = new SheetRef(name);
      this._queue("WorksheetCollection.add", { add: name }, () => {
        const sheet: ModelSheet = {
          id: ids.next++,
          name: checkSheetName(name, sheets),
          cells: new Map(),
          charts: [],
          frozenRows: 0,
        };
        sheets.push(sheet);
        ref.sheet = sheet;
        record(name, "sheet", "add()", [name]);
      });
      return makeWorksheet(ref);
    }
  }

  class FakeWorksheet extends Fake {
    readonly _type = "Worksheet";
    _null = false;
    constructor(readonly _ref: SheetRefOf) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
    override _loadable() {
      return { name: () => this._ref.get().name };
    }
    get isNullObject(): boolean {
      if (!this._carried)
        throw excelError("PropertyNotLoaded", "Worksheet.isNullObject was read before context.sync()");
      return this._null;
    }
    get name(): string {
      return this._get("name") as string;
    }
    set name(value: string) {
      this._set("name", "name", value, () => {
        const sheet = this._ref.get();
        const old = sheet.name;
        sheet.name = checkSheetName(value, sheets, sheet);
        const quoted = /^[\p{L}\p{N}_]+$/u.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
        for (const s of sheets)
          for (const cell of s.cells.values())
            if (cell.formula) cell.formula = cell.formula.replace(refPattern(old), `${quoted}!`);
        recalc();
      });
    }
    getRange(address?: string): FakeRange {
      return makeRange(this._ref, "Worksheet.getRange", address ?? "", () =>
        address === undefined ? { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLUMNS } : parseAddress(address)
      );
    }
    getRanges(address: string) {
      return makeRangeAreas(this._ref, address);
    }
    getUsedRange(valuesOnly?: boolean): FakeRange {
      return makeRange(
        this._ref,
        "Worksheet.getUsedRange",
        String(valuesOnly ?? ""),
        () => usedBox(this._ref.get(), valuesOnly === true) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }
      );
    }
    getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
      return makeRange(this._ref, "Worksheet.getUsedRangeOrNullObject", String(valuesOnly ?? ""), () =>
        usedBox(this._ref.get(), valuesOnly === true)
      );
    }
    activate(): void {
      this._call("activate", [], () => this._ref.get());
    }
    delete(): void {
      this._call("delete", [], () => {
        const sheet = this._ref.get();
        sheets.splice(sheets.indexOf(sheet), 1);
        for (const s of sheets)
          for (const cell of s.cells.values())
            if (cell.formula) cell.formula = cell.formula.replace(refPattern(sheet.name), "#REF!");
        recalc();
      });
    }
    get freezePanes(): FakeFreezePanes {
      return strict(new FakeFreezePanes(this._ref));
    }
    get charts(): ChartsOf {
      return strict(new FakeChartCollection(this._ref));
    }
    get tables(): TablesOf {
      return strict(new FakeTableCollection(this._ref));
    }
    get pageLayout() {
      return pages.pageLayout(this._ref);
    }
    get horizontalPageBreaks() {
      return pages.pageBreaks(this._ref);
    }
    get autoFilter() {
      return pages.autoFilter(this._ref);
    }
  }
  const makeWorksheet = (ref: SheetRefOf) => strict(new FakeWorksheet(ref));

  class FakeFreezePanes extends Fake {
    readonly _type = "WorksheetFreezePanes";
    constructor(readonly _ref: SheetRefOf) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
    freezeRows(count: number): void {
      this._call("freezeRows", [count], () => {
        this._ref.get().frozenRows = count;
      });
    }
  }

  class FakeWorkbook extends Fake {
    readonly _type = "Workbook";
    readonly worksheets = strict(new FakeWorksheetCollection());
    readonly tables = strict(new FakeTableCollection(null));
    readonly application = strict(new FakeApplication());
  }

  class FakeContext {
    readonly workbook = strict(new FakeWorkbook());
    sync(): Promise<void> {
      return sync();
    }
  }
  return { FakeContext };
}
