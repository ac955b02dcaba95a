import type { CreateTrimMedia, Trim } from '../../../common/catalog/trim.schemas';
import type { Trx } from '../../db/database';
import { recordAudit } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { emitEvent } from '../../platform/jobs';
import { newId, nowIso } from '../../platform/ids';
import type { Actor } from '../../platform/permissions';
import { requireCatalogManage } from './catalog.access';
import { deleteMedia, findMedia, insertMedia, type MediaRow } from './trim-parts.repo';
import { loadTrim } from './trim.service';

type Media = Trim['media'][number];
const toMedia = (m: MediaRow): Media => ({
  id: m.id,
  kind: m.kind as Media['kind'],
  url: m.url,
  title: m.title,
  sort: m.sort,
});

/** Adds a photo, video or VR/AR link to a trim (showroom screens and the comparison show them). */
export async function addTrimMedia(trx: Trx, actor: Actor, trimId: string, input: CreateTrimMedia) {
  const trim = await loadTrim(trx, actor, trimId);
  requireCatalogManage(actor);
  const row: MediaRow = {
    id: newId(),
    trim_id: trim.id,
    kind: input.kind,
    url: input.url,
    title: input.title,
    sort: input.sort,
    created_at: nowIso(),
  };
  await insertMedia(trx, row);
  const media = toMedia(row);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'trim',
    entityId: trim.id,
    action: 'add_media',
    after: media,
  });
  await emitEvent(trx, 'catalog.trim.media_added', { trimId: trim.id, media });
  return media;
}

/** Removes a media asset from a trim (an asset is a link, not a business document: the row goes). */
export async function removeTrimMedia(trx: Trx, actor: Actor, trimId: string, mediaId: string) {
  const trim = await loadTrim(trx, actor, trimId);
  requireCatalogManage(actor);
  const row = await findMedia(trx, trim.id, mediaId);
  if (!row) throw notFound('media');
  await deleteMedia(trx, row.id);
  await recordAudit(trx, {
    actorId: actor.userId,
    storeId: null,
    entity: 'trim',
    entityId: trim.id,
    action: 'remove_media',
    before: toMedia(row),
  });
  await emitEvent(trx, 'catalog.trim.media_removed', { trimId: trim.id, mediaId: row.id });
}
