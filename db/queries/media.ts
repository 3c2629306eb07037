// 媒体: the outlets the office invites, with their contacts.
import { asc, eq } from 'drizzle-orm';
import type { MediaOutlet } from '../../common/conference-types';
import { AppError } from '../../common/result';
import type { Db } from '../open';
import { mediaOutlets } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';

export type ParsedMedia = Omit<MediaOutlet, 'id' | 'archived'>;

const columns = {
  id: mediaOutlets.id,
  name: mediaOutlets.name,
  kind: mediaOutlets.kind,
  contactPerson: mediaOutlets.contactPerson,
  phone: mediaOutlets.phone,
  email: mediaOutlets.email,
  notes: mediaOutlets.notes,
  archived: mediaOutlets.archived,
};

export function listMedia(db: Db): MediaOutlet[] {
  return db.select(columns).from(mediaOutlets).orderBy(asc(mediaOutlets.archived), asc(mediaOutlets.name)).all();
}

function getMedia(db: Db, id: string): MediaOutlet {
  const row = db.select(columns).from(mediaOutlets).where(eq(mediaOutlets.id, id)).get();
  if (!row) throw new AppError('not_found', `media outlet "${id}" does not exist`);
  return row;
}

export function createMedia(db: Db, stamp: Stamp, fields: ParsedMedia): MediaOutlet {
  return db.transaction((t) => {
    const row = { id: stamp.newId(), ...fields, archived: false, createdAt: stamp.at, updatedAt: stamp.at };
    t.insert(mediaOutlets).values(row).run();
    recordAudit(t, stamp, 'create', 'media', row.id, null, row);
    return getMedia(t, row.id);
  });
}

export function updateMedia(
  db: Db,
  stamp: Stamp,
  id: string,
  fields: ParsedMedia & { archived?: boolean },
): MediaOutlet {
  return db.transaction((t) => {
    const before = getMedia(t, id);
    t.update(mediaOutlets)
      .set({ ...fields, updatedAt: stamp.at })
      .where(eq(mediaOutlets.id, id))
      .run();
    const after = getMedia(t, id);
    recordAudit(t, stamp, 'update', 'media', id, before, after);
    return after;
  });
}
