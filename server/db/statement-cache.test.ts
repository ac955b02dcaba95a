import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('SQLite statement cache', () => {
  const open = () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (id integer primary key, v text)');
    sqlite.exec("insert into t (v) values ('a'), ('b'), ('c')");
    return { sqlite, db: withStatementCache(sqlite) };
  };

  it('hands out the same prepared statement for the same SQL', () => {
    const { db } = open();
    const first = db.prepare('select v from t where id = ?');
    expect(db.prepare('select v from t where id = ?')).toBe(first);
    expect(first.all([2])).toEqual([{ v: 'b' }]);
  });

  it('gives a fresh statement while the kept one is still stepping through rows', () => {
    const { db } = open();
    const sql = 'select v from t order by id';
    const rows = db.prepare(sql).iterate([]);
    expect(rows.next().value).toEqual({ v: 'a' });
    // a second use of the same SQL mid-iteration would throw "statement is busy" if it were shared
    expect(db.prepare(sql).all([])).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
    expect([...rows]).toEqual([{ v: 'b' }, { v: 'c' }]);
  });

  it('keeps working after the schema changes under a kept statement', () => {
    const { sqlite, db } = open();
    const sql = 'select * from t where id = 1';
    expect(db.prepare(sql).all([])).toEqual([{ id: 1, v: 'a' }]);
    sqlite.exec('alter table t add column w text');
    expect(db.prepare(sql).all([])).toEqual([{ id: 1, v: 'a', w: null }]);
  });

  it('stays bounded: many distinct statements still run', () => {
    const { db } = open();
    for (let i = 0; i < 5000; i++) expect(db.prepare(`select ${i} as n`).all([])).toEqual([{ n: i }]);
    expect(db.prepare('select v from t where id = 3').all([])).toEqual([{ v: 'c' }]);
  });
});
