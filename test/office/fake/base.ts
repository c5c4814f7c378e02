/** The fake's proxy objects' base: loadable properties read only after load + sync, queued sets and calls, unknown members refused. */
import { FakeBook } from "./book";
import { ModelSheet, excelError, byteLength, Op } from "./model";

export function baseClasses(B: FakeBook) {
  const { sheets, find, queue, created, record } = B;
  // ---------------------------------------------------------------------------------------------
  // Proxy objects: every member declared, every read checked

  /** Base of the fake proxy objects: loadable properties, queued sets and calls. */
  abstract class Fake {
    _loaded = new Map<string, unknown>();
    _carried = false;
    abstract readonly _type: string;
    constructor() {
      created.push(this);
    }
    /** Loadable properties: name → the value now (read when the load runs). */
    _loadable(): Record<string, () => unknown> {
      return {};
    }
    _sheetName(): string {
      return "";
    }
    _target(): string {
      return "";
    }
    load(what?: string | string[]): this {
      const names = (Array.isArray(what) ? what : String(what ?? "").split(","))
        .map((s) => s.trim())
        .filter(Boolean);
      const loadable = this._loadable();
      for (const name of names) {
        if (name.startsWith("items")) {
          this._loadItems(name);
          continue;
        }
        if (!(name in loadable))
          throw excelError("InvalidArgument", `${this._type}.${name} cannot be loaded`);
        this._queue(
          `${this._type}.${name}`,
          { load: name },
          () => undefined,
          () => {
            const value = loadable[name]();
            return { deliver: () => this._loaded.set(name, value), size: byteLength(value) };
          }
        );
      }
      return this;
    }
    _loadItems(what: string): void {
      throw excelError("InvalidArgument", `${this._type} has no items (${what})`);
    }
    _get(name: string): unknown {
      if (!this._loaded.has(name))
        throw excelError("PropertyNotLoaded", `${this._type}.${name} was read before load + context.sync()`);
      return this._loaded.get(name);
    }
    _queue(api: string, payload: unknown, run: () => void, answer?: Op["answer"]): void {
      queue.push({ api, payload, run, answer });
    }
    /** A property set: queued, recorded when it runs. */
    _set(member: string, path: string, value: unknown, apply: () => void = () => undefined): void {
      this._queue(`${this._type}.${member}`, { set: path, value }, () => {
        record(this._sheetName(), this._target(), path, value);
        apply();
      });
    }
    _call(member: string, args: unknown[], apply: () => void = () => undefined): void {
      this._queue(
        `${this._type}.${member}`,
        { call: member, args: args.map((a) => (a instanceof Fake ? a._type : a)) },
        () => {
          record(this._sheetName(), this._target(), `${member}()`, args);
          apply();
        }
      );
    }
  }

  function hasSetter(object: object, name: string): boolean {
    for (
      let o = Object.getPrototypeOf(object) as object | null;
      o;
      o = Object.getPrototypeOf(o) as object | null
    )
      if (Object.getOwnPropertyDescriptor(o, name)?.set) return true;
    return false;
  }

  /** Refuses members that do not exist (a typo or an API Excel lacks would otherwise pass unseen). */
  function strict<T extends Fake>(fake: T): T {
    return new Proxy(fake, {
      get(target, p, receiver) {
        if (typeof p === "symbol" || p === "then" || p === "toJSON" || p in target)
          return Reflect.get(target, p, receiver);
        throw excelError("InvalidArgument", `${target._type}.${p} does not exist in the Excel API`);
      },
      set(target, p, value, receiver) {
        if (typeof p === "string" && (p.startsWith("_") || hasSetter(target, p)))
          return Reflect.set(target, p, value, receiver);
        throw excelError("InvalidArgument", `${target._type}.${String(p)} cannot be set`);
      },
    });
  }

  /** A worksheet reference, resolved when its request runs (by name or by id). */
  class SheetRef {
    sheet: ModelSheet | null = null;
    constructor(readonly name: string) {}
    get(): ModelSheet {
      if (this.sheet && sheets.includes(this.sheet)) return this.sheet;
      // Office.js sends an object's path again with each request: one resolved in a request that
      // was refused is looked up by name now.
      if (!this.sheet) this.sheet = find(this.name) ?? null;
      if (this.sheet) return this.sheet;
      throw excelError("ItemNotFound", `the sheet "${this.name}" does not exist`);
    }
  }
  return { Fake, strict, SheetRef };
}

export type Base = ReturnType<typeof baseClasses>;
