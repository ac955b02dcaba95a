import type { DbOrTrx } from '../../db/database';
import type { TrimColoursTable, TrimMediaTable } from './catalog.tables';

export type ColourRow = TrimColoursTable;
export type MediaRow = TrimMediaTable;

export interface TrimParts {
  features: Map<string, string[]>;
  colours: Map<string, ColourRow[]>;
  media: Map<string, MediaRow[]>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Features, colours and media of many trims at once (a page of trims costs three queries). */
export async function loadTrimParts(db: DbOrTrx, trimIds: string[]): Promise<TrimParts> {
  const parts: TrimParts = { features: new Map(), colours: new Map(), media: new Map() };
  const ids = [...new Set(trimIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [features, colours, media] = await Promise.all([
      db.selectFrom('trim_features').selectAll().where('trim_id', 'in', chunk).orderBy('feature').execute(),
      db
        .selectFrom('trim_colours')
        .selectAll()
        .where('trim_id', 'in', chunk)
        .orderBy('kind')
        .orderBy('code')
        .execute(),
      db
        .selectFrom('trim_media')
        .selectAll()
        .where('trim_id', 'in', chunk)
        .orderBy('sort')
        .orderBy('id')
        .execute(),
    ]);
    for (const f of features) push(parts.features, f.trim_id, f.feature);
    for (const c of colours) push(parts.colours, c.trim_id, c);
    for (const m of media) push(parts.media, m.trim_id, m);
  }
  return parts;
}

export async function replaceFeatures(db: DbOrTrx, trimId: string, features: readonly string[]) {
  await db.deleteFrom('trim_features').where('trim_id', '=', trimId).execute();
  const unique = [...new Set(features)];
  if (unique.length) {
    await db
      .insertInto('trim_features')
      .values(unique.map((feature) => ({ trim_id: trimId, feature })))
      .execute();
  }
}

export function coloursOfTrim(db: DbOrTrx, trimId: string) {
  return db.selectFrom('trim_colours').selectAll().where('trim_id', '=', trimId).execute();
}

export async function insertColours(db: DbOrTrx, rows: ColourRow[]) {
  if (rows.length) await db.insertInto('trim_colours').values(rows).execute();
}

export async function updateColour(
  db: DbOrTrx,
  id: string,
  changes: Pick<ColourRow, 'name' | 'name_en' | 'hex'>,
) {
  await db.updateTable('trim_colours').set(changes).where('id', '=', id).execute();
}

export async function deleteColours(db: DbOrTrx, ids: string[]) {
  if (ids.length) await db.deleteFrom('trim_colours').where('id', 'in', ids).execute();
}

/** Which of these colours a stock vehicle uses (read-only look at the vehicles module's table). */
export async function coloursUsedByVehicles(db: DbOrTrx, colourIds: string[]): Promise<Set<string>> {
  if (colourIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('vehicles')
    .select(['exterior_colour_id', 'interior_colour_id'])
    .where((eb) =>
      eb.or([eb('exterior_colour_id', 'in', colourIds), eb('interior_colour_id', 'in', colourIds)]),
    )
    .execute();
  const used = new Set<string>();
  for (const r of rows) {
    if (r.exterior_colour_id && colourIds.includes(r.exterior_colour_id)) used.add(r.exterior_colour_id);
    if (r.interior_colour_id && colourIds.includes(r.interior_colour_id)) used.add(r.interior_colour_id);
  }
  return used;
}

export async function insertMedia(db: DbOrTrx, row: MediaRow) {
  await db.insertInto('trim_media').values(row).execute();
}

export function findMedia(db: DbOrTrx, trimId: string, mediaId: string) {
  return db
    .selectFrom('trim_media')
    .selectAll()
    .where('trim_id', '=', trimId)
    .where('id', '=', mediaId)
    .executeTakeFirst();
}

export async function deleteMedia(db: DbOrTrx, id: string) {
  await db.deleteFrom('trim_media').where('id', '=', id).execute();
}
