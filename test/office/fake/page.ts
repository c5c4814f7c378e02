/**
 * The fake's print setup (ExcelApi 1.9): Worksheet.pageLayout (paper, orientation, zoom, print
 * title rows, header and footer), horizontal page breaks and the worksheet's AutoFilter. Values
 * are checked as Excel checks them (docs of PageLayout, PageLayoutZoomOptions, PageBreakCollection,
 * AutoFilter); what they set is kept on the model sheet for the tests to read.
 */
import { Base } from "./base";
import { FakeBook } from "./book";
import { Ranges } from "./ranges";
import { excelError, ModelSheet, parseAddress } from "./model";

const PAPER = new Set(["Letter", "Legal", "A3", "A4", "A5", "B4", "B5", "Executive", "Tabloid"]);

function page(sheet: ModelSheet): NonNullable<ModelSheet["page"]> {
  if (!sheet.page) sheet.page = {};
  return sheet.page;
}

export function pageClasses(_book: FakeBook, base: Base) {
  const { Fake, strict } = base;
  type SheetRef = InstanceType<Base["SheetRef"]>;
  type FakeRange = InstanceType<Ranges["FakeRange"]>;

  abstract class SheetPart extends Fake {
    constructor(readonly _ref: SheetRef) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
  }

  class FakePageLayout extends SheetPart {
    readonly _type = "PageLayout";
    set paperSize(v: string) {
      this._set("paperSize", "pageLayout.paperSize", v, () => {
        if (!PAPER.has(v)) throw excelError("InvalidArgument", `paperSize "${v}"`);
        page(this._ref.get()).paperSize = v;
      });
    }
    set orientation(v: string) {
      this._set("orientation", "pageLayout.orientation", v, () => {
        if (v !== "Portrait" && v !== "Landscape") throw excelError("InvalidArgument", `orientation "${v}"`);
        page(this._ref.get()).orientation = v;
      });
    }
    set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
      this._set("zoom", "pageLayout.zoom", v, () => {
        const count = (n: number | undefined) =>
          n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32767);
        if (!count(v.horizontalFitToPages) || !count(v.verticalFitToPages))
          throw excelError("InvalidArgument", `zoom ${JSON.stringify(v)}: pages must be whole numbers ≥ 0`);
        if (v.scale !== undefined && (v.scale < 10 || v.scale > 400))
          throw excelError("InvalidArgument", `zoom scale ${v.scale}: 10–400`);
        page(this._ref.get()).zoom = { ...v };
      });
    }
    /** Whole rows only ("$2:$2" or a Range of whole rows); anything else is refused. */
    setPrintTitleRows(rows: string | FakeRange): void {
      this._call("setPrintTitleRows", [rows], () => {
        const text = typeof rows === "string" ? rows : rows._target();
        const m = /^\$?(\d+):\$?(\d+)$/.exec(text);
        if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1]))
          throw excelError("InvalidArgument", `print title rows "${text}" are not whole rows`);
        page(this._ref.get()).printTitleRows = `$${m[1]}:$${m[2]}`;
      });
    }
    /** A range address on this sheet ("A2:D40"); kept as given. */
    setPrintArea(area: string | FakeRange): void {
      this._call("setPrintArea", [area], () => {
        const text = typeof area === "string" ? area : area._target();
        parseAddress(text);
        page(this._ref.get()).printArea = text;
      });
    }
    set centerHorizontally(v: boolean) {
      this._set("centerHorizontally", "pageLayout.centerHorizontally", v, () => {
        page(this._ref.get()).centerHorizontally = v;
      });
    }
    get headersFooters(): FakeHeaderFooterGroup {
      return strict(new FakeHeaderFooterGroup(this._ref));
    }
  }

  class FakeHeaderFooterGroup extends SheetPart {
    readonly _type = "HeaderFooterGroup";
    get defaultForAllPages(): FakeHeaderFooter {
      return strict(new FakeHeaderFooter(this._ref));
    }
  }

  class FakeHeaderFooter extends SheetPart {
    readonly _type = "HeaderFooter";
    set centerHeader(v: string) {
      this._set("centerHeader", "pageLayout.centerHeader", v, () => {
        page(this._ref.get()).centerHeader = v;
      });
    }
    set centerFooter(v: string) {
      this._set("centerFooter", "pageLayout.centerFooter", v, () => {
        page(this._ref.get()).centerFooter = v;
      });
    }
  }

  class FakePageBreakCollection extends SheetPart {
    readonly _type = "PageBreakCollection";
    /** A break before the top row of the range; row 1 has nothing above it to break from. */
    add(where: string | FakeRange): void {
      this._call("add", [where], () => {
        const sheet = this._ref.get();
        const box = typeof where === "string" ? parseAddress(where) : where._at().box;
        if (box.r1 < 2) throw excelError("InvalidArgument", "a page break cannot go above row 1");
        const breaks = sheet.breaks ?? (sheet.breaks = []);
        if (!breaks.includes(box.r1)) breaks.push(box.r1);
        breaks.sort((a, b) => a - b);
      });
    }
    removePageBreaks(): void {
      this._call("removePageBreaks", [], () => {
        this._ref.get().breaks = [];
      });
    }
  }

  class FakeAutoFilter extends SheetPart {
    readonly _type = "AutoFilter";
    /** One filter per sheet: applying it again moves it. Criteria are not modelled. */
    apply(range: string | FakeRange, columnIndex?: number): void {
      if (columnIndex !== undefined) throw new Error("fake: AutoFilter criteria are not modelled");
      this._call("apply", [range], () => {
        this._ref.get().filter = typeof range === "string" ? parseAddress(range) : range._at().box;
      });
    }
  }

  return {
    pageLayout: (ref: SheetRef) => strict(new FakePageLayout(ref)),
    pageBreaks: (ref: SheetRef) => strict(new FakePageBreakCollection(ref)),
    autoFilter: (ref: SheetRef) => strict(new FakeAutoFilter(ref)),
  };
}

export type Pages = ReturnType<typeof pageClasses>;
