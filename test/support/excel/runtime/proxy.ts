/**
 * Proxy objects: the local stand-ins the add-in holds (docs-pr `develop/application-specific-api-model.md`):
 * "Any methods that you invoke or properties that you set or load on proxy objects are simply added to a queue of
 * pending commands", run in order at `context.sync()`. Reading a scalar before it was loaded and synced throws
 * PropertyNotLoaded with the runtime's message and `debugInfo.errorLocation` "Range.values" (local office-js
 * `Utility.throwIfNotLoaded`). Setting a property also keeps the assigned value locally, so reading it back right
 * away gives what was assigned (the runtime's setters store the field before queueing the action). A null object
 * (`*OrNullObject` that found nothing) reads every property as undefined and ignores writes and method calls
 * (docs-ref examples use `worksheets.getItemOrNullObject("Sample").delete()` as "delete if it exists").
 *
 * Every double object is wrapped in a JS Proxy: touching a member the double lacks throws
 * "ApiNotFound: the double does not implement Range.foo" instead of quietly returning undefined.
 */
import { apiNotInSet, excelError, notInDouble, propertyNotLoaded, valueNotLoaded } from "../errors";

const itemGone = (typeName: string) => excelError("ItemNotFound", typeName, `The ${typeName.toLowerCase()} no longer exists.`);
import { API_SET } from "./apiSets";
import type { Core, UndoSupport } from "./core";

const introspection = new Set(["then", "toJSON", "asymmetricMatch", "nodeType", "tagName", "inspect", "constructor", "length", "jasmineToString"]);

export function strict<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "symbol" || prop in t) return Reflect.get(t, prop, receiver);
      if (introspection.has(prop) || prop.startsWith("_") || prop.startsWith("@@") || prop.startsWith("$$")) return undefined;
      throw notInDouble(`${typeName}.${prop}`);
    },
    set(t, prop, value, receiver) {
      if (typeof prop === "symbol" || Object.prototype.hasOwnProperty.call(t, prop)) return Reflect.set(t, prop, value, receiver);
      for (let p: object | null = t; p; p = Object.getPrototypeOf(p)) {
        const d = Object.getOwnPropertyDescriptor(p, prop);
        if (d) return d.set ? Reflect.set(t, prop, value, receiver) : false;
      }
      throw notInDouble(`setting ${typeName}.${prop}`);
    },
  });
}

export type Reader<E> = (entity: E) => unknown;

export type AnyDouble = ClientObjectDouble<any>;

export interface WriteOptions {
  undo?: UndoSupport;
}

/** Splits load arguments into property paths: "a, b/c", ["a", "b"], { select: "a,b", expand: "c" }. */
export function loadPaths(option: unknown): string[] | "all" {
  if (option === undefined || option === null) return "all";
  const split = (v: unknown): string[] =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => String(s).split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof option === "string" || Array.isArray(option)) return split(option);
  if (typeof option === "object") {
    const o = option as { select?: unknown; expand?: unknown };
    const paths = o.select === undefined ? [] : split(o.select);
    if (o.expand !== undefined) for (const nav of split(o.expand)) paths.push(`${nav}/*`);
    return paths.length ? paths : "all";
  }
  return split(option);
}

export abstract class ClientObjectDouble<E = unknown> {
  _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined = undefined;
  _bound: E | undefined = undefined;

  constructor(
    readonly _core: Core,
    readonly _typeName: string,
    /** How the runtime would name the object in a request, e.g. `worksheets.getItem("Data").getRange("A1:C3")`. */
    readonly _path: string,
    readonly _resolver: () => E | null,
  ) {}

  get context(): Excel.RequestContext {
    return this._core.requestContext as unknown as Excel.RequestContext;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(undefined, "isNullObject");
    return this._isNull;
  }

  /** Scalar properties the double can load, by name. */
  protected abstract _readers(): Record<string, Reader<E>>;

  /** Navigation properties (for "format/font/bold" style loads). */
  protected _navigations(): Record<string, () => AnyDouble> {
    return {};
  }

  /** Whether a bound entity still exists in the workbook (a deleted sheet or table does not). */
  protected _alive(_entity: E): boolean {
    return true;
  }

  /** Resolves the object at apply time; null for a null object. Non-null results stay bound (tracked). */
  _entity(): E | null {
    if (this._bound !== undefined) {
      if (!this._alive(this._bound)) throw itemGone(this._typeName);
      return this._bound;
    }
    const e = this._resolver();
    this._core.stageNull(this, e === null);
    if (e !== null) this._bound = e;
    return e;
  }

  /** Throws ApiNotFound when the member's requirement set is above the host's (see apiSets.ts). */
  _gate(member: string): void {
    const name = `${this._typeName}.${member}`;
    const version = API_SET[name];
    if (version && !this._core.supports(version)) throw apiNotInSet(name, `ExcelApi ${version}`);
  }

  _need(version: string, member: string): void {
    if (!this._core.supports(version)) throw apiNotInSet(`${this._typeName}.${member}`, `ExcelApi ${version}`);
  }

  _get<T>(prop: string): T {
    if (this._isNull === true) return undefined as T;
    if (this._loaded.has(prop)) return this._loaded.get(prop) as T;
    throw propertyNotLoaded(this._typeName, prop);
  }

  _set(prop: string, value: unknown, apply: (e: E) => void, options: WriteOptions = {}): void {
    this._gate(prop);
    this._loaded.set(prop, value);
    this._queue(prop, value, apply, options);
  }

  _call(method: string, args: unknown[], apply: (e: E) => void, options: WriteOptions = {}): void {
    this._queue(method, args, apply, options);
  }

  private _queue(member: string, args: unknown, apply: (e: E) => void, options: WriteOptions): void {
    this._gate(member);
    this._core.queue({
      location: `${this._typeName}.${member}`,
      owner: this,
      args,
      undo: options.undo ?? "supported",
      apply: () => {
        const e = this._entity();
        if (e !== null) apply(e);
      },
    });
  }

  _load(option: unknown): this {
    const paths = loadPaths(option);
    const readers = this._readers();
    const navs = this._navigations();
    if (paths !== "all") {
      for (const path of paths) {
        const [head] = path.split("/");
        if (!(head! in readers) && !(head! in navs)) throw notInDouble(`loading ${this._typeName}.${path}`);
        this._gate(head!);
      }
    }
    this._core.queue({ location: `${this._typeName}.load`, owner: this, args: paths, undo: "supported", apply: () => this._applyLoad(paths) });
    return this;
  }

  _applyLoad(paths: string[] | "all"): void {
    const e = this._entity();
    if (e === null) return;
    const readers = this._readers();
    const navs = this._navigations();
    const list = paths === "all" || paths.includes("*") ? Object.keys(readers) : paths;
    const nested = new Map<string, string[]>();
    for (const path of list) {
      const slash = path.indexOf("/");
      if (slash < 0) {
        if (path in readers) this._core.stage(this, path, readers[path]!(e));
        else if (path in navs) continue; // loading a navigation property alone is an empty load (same docs page)
        continue;
      }
      const head = path.slice(0, slash);
      nested.set(head, [...(nested.get(head) ?? []), path.slice(slash + 1)]);
    }
    for (const [head, rest] of nested) {
      const child = navs[head];
      if (!child) throw notInDouble(`loading ${this._typeName}.${head}`);
      child()._applyLoad(rest.includes("*") ? "all" : rest);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection: `items` readable after load + sync; loading "name" or "items/name" loads it on every item. */
export abstract class CollectionDouble<O, E, P extends ClientObjectDouble<E>> extends ClientObjectDouble<O> {
  private readonly _proxies = new Map<E, { raw: P; face: P }>();

  protected abstract _entities(owner: O): readonly E[];
  protected abstract _makeItem(entity: E): P;

  /** Collection-level scalars such as `count`. */
  protected _readers(): Record<string, Reader<O>> {
    return {};
  }

  /** The item's double and its public face, one pair per entity so `items` keep their identity across loads. */
  _item(entity: E): { raw: P; face: P } {
    let pair = this._proxies.get(entity);
    if (!pair) {
      const raw = this._makeItem(entity);
      pair = { raw, face: strict(raw, raw._typeName) };
      this._proxies.set(entity, pair);
    }
    return pair;
  }

  override _load(option: unknown): this {
    const paths = loadPaths(option);
    const own = this._readers();
    const o = typeof option === "object" && option !== null && !Array.isArray(option) ? (option as { top?: number; skip?: number }) : {};
    for (const path of paths === "all" ? [] : paths) if (path in own) this._gate(path);
    this._core.queue({
      location: `${this._typeName}.load`,
      owner: this,
      args: paths,
      undo: "supported",
      apply: () => {
        const owner = this._entity();
        if (owner === null) return;
        const itemPaths: string[] = [];
        for (const path of paths === "all" ? ["*"] : paths) {
          if (path in own) this._core.stage(this, path, own[path]!(owner));
          else if (path !== "items") itemPaths.push(path.startsWith("items/") ? path.slice(6) : path);
        }
        let entities = [...this._entities(owner)];
        if (o.skip) entities = entities.slice(o.skip);
        if (o.top !== undefined) entities = entities.slice(0, o.top);
        const faces = entities.map((entity) => {
          const { raw, face } = this._item(entity);
          raw._bound = entity;
          this._core.stageNull(raw, false);
          if (itemPaths.length) raw._applyLoad(itemPaths.includes("*") ? "all" : itemPaths);
          return face;
        });
        this._core.stage(this, "items", faces);
      },
    });
    return this;
  }
}

/** Queues the step that tells an `*OrNullObject` result whether it exists (readable after the next sync). */
export function instantiate(obj: object, location: string): void {
  const target = obj as AnyDouble;
  target._core.queue({ location, owner: target, args: [], undo: "supported", apply: () => void target._entity() });
}

/** `OfficeExtension.ClientResult<T>`: value readable after the sync that computed it. */
export class ClientResultDouble<T> implements OfficeExtension.ClientResult<T> {
  _value: T | undefined = undefined;
  _loaded = false;

  get value(): T {
    if (!this._loaded) throw valueNotLoaded();
    return this._value as T;
  }
}

export function clientResult<T, E>(owner: ClientObjectDouble<E>, method: string, compute: (e: E) => T): OfficeExtension.ClientResult<T> {
  const result = new ClientResultDouble<T>();
  owner._core.queue({
    location: `${owner._typeName}.${method}`,
    owner,
    args: [],
    undo: "supported",
    apply: () => {
      const e = owner._entity();
      owner._core.stageResult(result, e === null ? undefined : compute(e));
    },
  });
  return strict(result, "ClientResult");
}
