/**
 * The input fingerprint (RunLog.InputHash): the same tables give the same hash whatever their order,
 * and any change HR could make to a name, a header or a cell gives another one.
 */
import { describe, expect, it } from "vitest";
import { hashTables, hashingTables } from "../../src/engine/hash";
import { TableData } from "../../src/engine/table";
import { CellValue } from "../../src/engine/values";

const table = (name: string, headers: string[], rows: CellValue[][]): TableData => ({ name, sheet: name, headers, headerRow: 1, firstColumn: 1, rows });
const hash = (...tables: TableData[]) => hashTables(new Map(tables.map((t) => [t.name, t])));
const people = (rows: CellValue[][]) => table("Employees", ["EmployeeId", "Name"], rows);

describe("the input fingerprint", () => {
  it("is 16 hex digits, the same for the same tables in any order", () => {
    const a = people([["P001", "张伟"]]);
    const b = table("Plans", ["Plan"], [["Sales"]]);
    expect(hash(a, b)).toMatch(/^[0-9a-f]{16}$/);
    expect(hash(a, b)).toBe(hash(b, a));
  });

  it("tells a number from the same text, TRUE from 1, and a blank from empty text", () => {
    expect(hash(people([["P001", 1]]))).not.toBe(hash(people([["P001", "1"]])));
    expect(hash(people([["P001", true]]))).not.toBe(hash(people([["P001", 1]])));
    expect(hash(people([["P001", null]]))).not.toBe(hash(people([["P001", ""]])));
    expect(hash(people([["P001", new Date(Date.UTC(2026, 3, 1))]]))).not.toBe(hash(people([["P001", "2026-04-01T00:00:00.000Z"]])));
  });

  it("changes when text moves from one cell to the next, or a cell to the next row", () => {
    expect(hash(people([["ab", "c"]]))).not.toBe(hash(people([["a", "bc"]])));
    expect(hash(people([["P001", "P002"]]))).not.toBe(hash(people([["P001"], ["P002"]])));
  });

  it("changes with a table's name, a header, or one character of a long text", () => {
    const rows = [["P001", "Presales Support Engineer"]];
    expect(hash(people(rows))).not.toBe(hash(table("Employee", ["EmployeeId", "Name"], rows)));
    expect(hash(people(rows))).not.toBe(hash(table("Employees", ["EmployeeID", "Name"], rows)));
    expect(hash(people(rows))).not.toBe(hash(people([["P001", "Presales Support Engineet"]])));
  });

  it("is the same whether worked out at once or in steps", () => {
    const t = people(Array.from({ length: 3000 }, (_, i) => [`P${i}`, i * 1.5]));
    const steps = hashingTables(new Map([[t.name, t]]), 1000);
    let step = steps.next();
    let paused = 0;
    while (!step.done) {
      paused++;
      step = steps.next();
    }
    expect(paused).toBe(3);
    expect(step.value).toBe(hash(t));
  });
});
