/** The fake charts (add, delete, the properties the host sets) and tables. */
import { Base } from "./base";
import { FakeBook } from "./book";
import { Ranges } from "./ranges";
import { ModelChart, fold, parseAddress, excelError, byteLength } from "./model";

export function chartClasses(B: FakeBook, base: Base) {
  const { Fake, strict } = base;
  type SheetRef = InstanceType<Base["SheetRef"]>;
  type FakeRange = InstanceType<Ranges["FakeRange"]>;
  const { ids, tableNames, record } = B;
  class FakeChartCollection extends Fake {
    readonly _type = "ChartCollection";
    _items: FakeChart[] | null = null;
    constructor(readonly _ref: SheetRef) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return "sheet";
    }
    get items(): FakeChart[] {
      if (!this._items)
        throw excelError("PropertyNotLoaded", "ChartCollection.items was read before load + sync");
      return this._items;
    }
    override _loadItems(what: string): void {
      if (!/^items(\/name)?$/.test(what)) throw excelError("InvalidArgument", `charts.load("${what}")`);
      this._queue(
        "ChartCollection.items",
        { load: what },
        () => undefined,
        () => {
          const now = [...this._ref.get().charts];
          return {
            deliver: () => {
              this._items = now.map((model) => {
                const chart = strict(new FakeChart(this._ref));
                chart._model = model;
                chart._loaded.set("name", String(model.props.name ?? `Chart ${model.id}`));
                return chart;
              });
            },
            size: byteLength(now.map((m) => m.id)),
          };
        }
      );
    }
    add(type: string, source: FakeRange, seriesBy: string): FakeChart {
      const chart = strict(new FakeChart(this._ref));
      this._queue("ChartCollection.add", { add: type, seriesBy }, () => {
        const sheet = this._ref.get();
        source._at();
        const model: ModelChart = { id: ids.next++, props: { type, source: source._target(), seriesBy } };
        sheet.charts.push(model);
        chart._model = model;
        record(sheet.name, "sheet", "charts.add()", [type, seriesBy]);
      });
      return chart;
    }
  }

  class FakeChart extends Fake {
    readonly _type: string = "Chart";
    _model: ModelChart | null = null;
    constructor(
      readonly _ref: SheetRef,
      readonly _path = ""
    ) {
      super();
    }
    override _sheetName() {
      return this._ref.sheet?.name ?? this._ref.name;
    }
    override _target() {
      return this._path.startsWith("series") ? "series" : "chart";
    }
    _part<T extends FakeChart>(make: new (ref: SheetRef, path: string) => T, path: string): T {
      const part = strict(new make(this._ref, path));
      part._owner = this;
      return part;
    }
    _owner: FakeChart | null = null;
    _root(): ModelChart {
      const model = this._owner ? this._owner._root() : this._model;
      if (!model || !this._ref.get().charts.includes(model))
        throw excelError("ItemNotFound", "the chart does not exist");
      return model;
    }
    _prop(member: string, name: string, value: unknown): void {
      const path = this._path ? `${this._path}.${name}` : name;
      this._set(member, path, value, () => {
        this._root().props[path] = value;
      });
    }
    get name(): string {
      return this._get("name") as string;
    }
    get title(): FakeChartTitle {
      return this._part(FakeChartTitle, "title");
    }
    get legend(): FakeChartLegend {
      return this._part(FakeChartLegend, "legend");
    }
    get dataLabels(): FakeChartDataLabels {
      return this._part(FakeChartDataLabels, "dataLabels");
    }
    get axes(): FakeChartAxes {
      return this._part(FakeChartAxes, "axes");
    }
    get series(): FakeChartSeriesCollection {
      return this._part(FakeChartSeriesCollection, "series");
    }
    setPosition(topLeft: string, bottomRight: string): void {
      this._call("setPosition", [topLeft, bottomRight], () => {
        this._root().props.position = [topLeft, bottomRight];
      });
    }
    delete(): void {
      this._call("delete", [], () => {
        const sheet = this._ref.get();
        sheet.charts = sheet.charts.filter((c) => c !== this._root());
      });
    }
  }
  class FakeChartTitle extends FakeChart {
    override readonly _type = "ChartTitle";
    set text(v: string) {
      this._prop("text", "text", v);
    }
  }
  class FakeChartLegend extends FakeChart {
    override readonly _type = "ChartLegend";
    set visible(v: boolean) {
      this._prop("visible", "visible", v);
    }
  }
  class FakeChartDataLabels extends FakeChart {
    override readonly _type = "ChartDataLabels";
    set showValue(v: boolean) {
      this._prop("showValue", "showValue", v);
    }
  }
  class FakeChartAxes extends FakeChart {
    override readonly _type = "ChartAxes";
    get categoryAxis(): FakeChartAxis {
      return this._part(FakeChartAxis, "axes.categoryAxis");
    }
  }
  class FakeChartAxis extends FakeChart {
    override readonly _type = "ChartAxis";
    set reversePlotOrder(v: boolean) {
      this._prop("reversePlotOrder", "reversePlotOrder", v);
    }
  }
  class FakeChartSeriesCollection extends FakeChart {
    override readonly _type = "ChartSeriesCollection";
    getItemAt(index: number): FakeChartSeries {
      const series = this._part(FakeChartSeries, `series${index}`);
      this._queue("ChartSeriesCollection.getItemAt", { getItemAt: index }, () => this._root());
      return series;
    }
  }
  class FakeChartSeries extends FakeChart {
    override readonly _type = "ChartSeries";
    override set name(v: string) {
      this._prop("name", "name", v);
    }
    setXAxisValues(range: FakeRange): void {
      this._call("setXAxisValues", [range], () => {
        this._root().props[`${this._path}.xValues`] = range._target();
      });
    }
  }

  /** Excel's built-in table styles: Light1–21, Medium1–28, Dark1–11. */
  const BUILT_IN_TABLE_STYLE =
    /^TableStyle(?:Light(?:[1-9]|1\d|2[01])|Medium(?:[1-9]|1\d|2[0-8])|Dark(?:[1-9]|1[01]))$/;

  class FakeTableCollection extends Fake {
    readonly _type = "TableCollection";
    _items: { name: string }[] | null = null;
    constructor(readonly _ref: SheetRef | null) {
      super();
    }
    override _sheetName() {
      return this._ref?.sheet?.name ?? this._ref?.name ?? "";
    }
    override _target() {
      return "sheet";
    }
    get items(): { name: string }[] {
      if (!this._items)
        throw excelError("PropertyNotLoaded", "TableCollection.items was read before load + sync");
      return this._items;
    }
    override _loadItems(what: string): void {
      this._queue(
        "TableCollection.items",
        { load: what },
        () => undefined,
        () => {
          const now = tableNames.map((name) => ({ name }));
          return { deliver: () => (this._items = now), size: byteLength(now) };
        }
      );
    }
    add(address: string, hasHeaders: boolean): FakeTable {
      const table = strict(new FakeTable(this._ref));
      const ref = this._ref;
      if (!ref) throw new Error("fake: workbook.tables.add is not modelled");
      this._queue("TableCollection.add", { add: address, hasHeaders }, () => {
        parseAddress(address);
        record(ref.get().name, "sheet", "tables.add()", [address, hasHeaders]);
      });
      return table;
    }
  }
  class FakeTable extends Fake {
    readonly _type = "Table";
    _name = "";
    constructor(readonly _ref: SheetRef | null) {
      super();
    }
    override _sheetName() {
      return this._ref?.sheet?.name ?? "";
    }
    override _target() {
      return "table";
    }
    set name(v: string) {
      this._set("name", "name", v, () => {
        // Excel's rule for a name: a letter, underscore or backslash first, no space or operator, not a cell reference.
        if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(v) || /^[A-Z]{1,3}\d+$/i.test(v) || /^[RC]$/i.test(v))
          throw excelError("InvalidArgument", `"${v}" is not a valid table name`);
        if (tableNames.some((n) => fold(n) === fold(v)))
          throw excelError("ItemAlreadyExists", `a table named "${v}" exists`);
        tableNames.push(v);
      });
    }
    set style(v: string) {
      this._set("style", "style", v, () => {
        // Only a built-in style (or a custom one the workbook defines: none in the fake).
        if (!BUILT_IN_TABLE_STYLE.test(v)) throw excelError("InvalidArgument", `no table style "${v}"`);
      });
    }
  }
  return { FakeChartCollection, FakeTableCollection };
}

export type Charts = ReturnType<typeof chartClasses>;
