/** The fake Range: values, formulas, valueTypes, numberFormat (null above the cell limit), clear, copyFrom, formats. */
import { Base } from "./base";
import { FakeBook } from "./book";
import { ERRORS, Cell, ModelSheet, Box, key, boxAddress, excelError, parseAddress } from "./model";

export function rangeClasses(B: FakeBook, base: Base) {
  const { Fake, strict } = base;
  type SheetRef = InstanceType<Base["SheetRef"]>;
  const { cellValue, formulaCells, recalc, gridOf, cellAt, writeValues, writeFormats, eachCell, inBox } = B;
  class FakeRange extends Fake {
    readonly _type = "Range";
    _box: Box | null = null;
    constructor(
      readonly _ref: SheetRef,
      readonly _origin: string,
      readonly _where: () => Box | null,
      _at = ""
    ) {
      super();
      this._queue(_origin, { range: _origin, sheet: _ref.name, at: _at }, () => {
        this._box = _where();
      });
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return this._box ? boxAddress(this._box) : "?";
    }
    _at(): { sheet: ModelSheet; box: Box } {
      const sheet = this._ref.get();
      if (!this._box) throw excelError("ItemNotFound", "the range is a null object");
      return { sheet, box: this._box };
    }
    _boxes(): { sheet: ModelSheet; boxes: Box[] } {
      const { sheet, box } = this._at();
      return { sheet, boxes: [box] };
    }
    override _loadable() {
      const at = () => this._at();
      return {
        values: () => gridOf(at().sheet, at().box, (c) => cellValue(c)),
        formulas: () =>
          gridOf(at().sheet, at().box, (c) => (c?.formula !== undefined ? c.formula : cellValue(c))),
        valueTypes: () =>
          gridOf(at().sheet, at().box, (c) => {
            const v = cellValue(c);
            if (v === "") return "Empty";
            if (typeof v === "number") return "Double";
            if (typeof v === "boolean") return "Boolean";
            return c?.formula !== undefined && ERRORS.includes(v) ? "Error" : "String";
          }),
        numberFormat: () => gridOf(at().sheet, at().box, (c) => c?.format ?? "General"),
        rowIndex: () => at().box.r1 - 1,
        columnIndex: () => at().box.c1 - 1,
        rowCount: () => at().box.r2 - at().box.r1 + 1,
        columnCount: () => at().box.c2 - at().box.c1 + 1,
        address: () => `${at().sheet.name}!${boxAddress(at().box)}`,
      };
    }
    get isNullObject(): boolean {
      if (!this._carried)
        throw excelError("PropertyNotLoaded", "Range.isNullObject was read before context.sync()");
      return this._box === null;
    }
    get values(): unknown[][] {
      return this._get("values") as unknown[][];
    }
    set values(v: unknown[][]) {
      this._set("values", "values", v, () => {
        const { sheet, box } = this._at();
        writeValues(sheet, box, v);
      });
    }
    get formulas(): unknown[][] {
      return this._get("formulas") as unknown[][];
    }
    get valueTypes(): string[][] {
      return this._get("valueTypes") as string[][];
    }
    get numberFormat(): unknown[][] {
      return this._get("numberFormat") as unknown[][];
    }
    set numberFormat(v: unknown[][]) {
      this._set("numberFormat", "numberFormat", v, () => {
        const { sheet, box } = this._at();
        writeFormats(sheet, box, v);
      });
    }
    get rowIndex(): number {
      return this._get("rowIndex") as number;
    }
    get columnIndex(): number {
      return this._get("columnIndex") as number;
    }
    get rowCount(): number {
      return this._get("rowCount") as number;
    }
    get columnCount(): number {
      return this._get("columnCount") as number;
    }
    get address(): string {
      return this._get("address") as string;
    }
    clear(): void {
      this._call("clear", [], () => {
        const { sheet, box } = this._at();
        inBox(sheet, box, (r, c) => sheet.cells.delete(key(r, c)));
        // Clearing formats unmerges the merged areas inside the range.
        sheet.merges = (sheet.merges ?? []).filter(
          (m) => !(m.r1 >= box.r1 && m.r2 <= box.r2 && m.c1 >= box.c1 && m.c2 <= box.c2)
        );
        recalc();
      });
    }
    copyFrom(source: FakeRange, copyType: string = "All"): void {
      if (copyType !== "All") throw new Error(`fake: copyFrom(${copyType}) is not modelled`);
      this._call("copyFrom", [source], () => {
        const from = source._at();
        const to = this._at();
        const copies: [number, number, Cell][] = [];
        inBox(from.sheet, from.box, (r, c, cell) =>
          copies.push([r - from.box.r1, c - from.box.c1, { ...cell }])
        );
        inBox(
          to.sheet,
          {
            r1: to.box.r1,
            c1: to.box.c1,
            r2: to.box.r1 + from.box.r2 - from.box.r1,
            c2: to.box.c1 + from.box.c2 - from.box.c1,
          },
          (r, c) => to.sheet.cells.delete(key(r, c))
        );
        for (const [dr, dc, cell] of copies) {
          to.sheet.cells.set(key(to.box.r1 + dr, to.box.c1 + dc), cell);
          if (cell.formula !== undefined) formulaCells.add(cell);
        }
        recalc();
      });
    }
    /** Merges the range into one cell (across: each row on its own); overlapped merges are absorbed. */
    merge(across = false): void {
      this._call("merge", [across], () => {
        const { sheet, box } = this._at();
        const rows = across
          ? Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) => ({
              ...box,
              r1: box.r1 + i,
              r2: box.r1 + i,
            }))
          : [box];
        const overlaps = (a: Box, b: Box) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
        const kept = (sheet.merges ?? []).filter((m) => !rows.some((r) => overlaps(m, r)));
        sheet.merges = [...kept, ...rows.filter((r) => r.r1 !== r.r2 || r.c1 !== r.c2)];
      });
    }
    select(): void {
      this._call("select", [], () => this._at());
    }
    get format(): FakeRangeFormat {
      return strict(new FakeRangeFormat(this));
    }
    get dataValidation(): FakeDataValidation {
      return strict(new FakeDataValidation(this));
    }
  }
  const makeRange = (ref: SheetRef, origin: string, at: string, where: () => Box | null) =>
    strict(new FakeRange(ref, origin, where, at));

  /** Several rectangles of one sheet (Worksheet.getRanges, ExcelApi 1.9): formats set on all at once. */
  class FakeRangeAreas extends Fake {
    readonly _type = "RangeAreas";
    _list: Box[] = [];
    constructor(
      readonly _ref: SheetRef,
      readonly _address: string
    ) {
      super();
      this._queue("Worksheet.getRanges", { ranges: _address, sheet: _ref.name }, () => {
        this._list = _address.split(/[,;]/).map((a) => parseAddress(a.trim()));
      });
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return this._list.map(boxAddress).join(",") || this._address;
    }
    _boxes(): { sheet: ModelSheet; boxes: Box[] } {
      return { sheet: this._ref.get(), boxes: this._list };
    }
    _at(): { sheet: ModelSheet; box: Box } {
      throw new Error("fake: this member is not modelled on RangeAreas");
    }
    get format(): FakeRangeFormat {
      return strict(new FakeRangeFormat(this));
    }
  }
  const makeRangeAreas = (ref: SheetRef, address: string) => strict(new FakeRangeAreas(ref, address));

  /** Format objects: settable properties recorded under their path; fills kept per cell. */
  abstract class RangePart extends Fake {
    constructor(readonly _range: FakeRange | FakeRangeAreas) {
      super();
    }
    override _sheetName() {
      return this._range._sheetName();
    }
    override _target() {
      return this._range._target();
    }
  }
  class FakeRangeFormat extends RangePart {
    readonly _type = "RangeFormat";
    get fill(): FakeRangeFill {
      return strict(new FakeRangeFill(this._range));
    }
    get font(): FakeRangeFont {
      return strict(new FakeRangeFont(this._range));
    }
    set wrapText(v: boolean) {
      this._set("wrapText", "format.wrapText", v, () => this._range._boxes());
    }
    set columnWidth(v: number) {
      this._set("columnWidth", "format.columnWidth", v, () => this._range._at());
    }
    // Values as the docs of RangeFormat list them; anything else is refused as Excel refuses it.
    set horizontalAlignment(v: string) {
      this._set("horizontalAlignment", "format.horizontalAlignment", v, () => {
        const ok = [
          "General",
          "Left",
          "Center",
          "Right",
          "Fill",
          "Justify",
          "CenterAcrossSelection",
          "Distributed",
        ];
        if (!ok.includes(v)) throw excelError("InvalidArgument", `horizontalAlignment "${v}"`);
        this._range._boxes();
      });
    }
    set verticalAlignment(v: string) {
      this._set("verticalAlignment", "format.verticalAlignment", v, () => {
        if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v))
          throw excelError("InvalidArgument", `verticalAlignment "${v}"`);
        this._range._boxes();
      });
    }
    set indentLevel(v: number) {
      this._set("indentLevel", "format.indentLevel", v, () => {
        if (!Number.isInteger(v) || v < 0 || v > 250) throw excelError("InvalidArgument", `indentLevel ${v}`);
        this._range._boxes();
      });
    }
    set rowHeight(v: number) {
      this._set("rowHeight", "format.rowHeight", v, () => {
        if (!(v >= 0 && v <= 409)) throw excelError("InvalidArgument", `rowHeight ${v}: 0–409 points`);
        this._range._boxes();
      });
    }
  }
  class FakeRangeFill extends RangePart {
    readonly _type = "RangeFill";
    set color(v: string) {
      this._set("color", "format.fill.color", v, () => {
        const { sheet, boxes } = this._range._boxes();
        for (const box of boxes)
          eachCell(box, (r, c) => {
            cellAt(sheet, r, c).fill = v;
          });
      });
    }
  }
  class FakeRangeFont extends RangePart {
    readonly _type = "RangeFont";
    set bold(v: boolean) {
      this._set("bold", "format.font.bold", v, () => {
        const { sheet, boxes } = this._range._boxes();
        for (const box of boxes)
          eachCell(box, (r, c) => {
            cellAt(sheet, r, c).bold = v;
          });
      });
    }
    set italic(v: boolean) {
      this._set("italic", "format.font.italic", v, () => this._range._at());
    }
    set color(v: string) {
      this._set("color", "format.font.color", v, () => this._range._boxes());
    }
    set size(v: number) {
      this._set("size", "format.font.size", v, () => {
        if (!(v >= 1 && v <= 409)) throw excelError("InvalidArgument", `font size ${v}: 1–409 points`);
        this._range._boxes();
      });
    }
  }
  class FakeDataValidation extends RangePart {
    readonly _type = "DataValidation";
    set rule(v: unknown) {
      this._set("rule", "dataValidation.rule", v, () => this._range._at());
    }
    set prompt(v: unknown) {
      this._set("prompt", "dataValidation.prompt", v, () => this._range._at());
    }
    set errorAlert(v: unknown) {
      this._set("errorAlert", "dataValidation.errorAlert", v, () => this._range._at());
    }
  }
  return { FakeRange, makeRange, makeRangeAreas };
}

export type Ranges = ReturnType<typeof rangeClasses>;
