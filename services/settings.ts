import { DEFAULT_TOPICS } from '../common/conference-schemas';
import type { AppSettings, Language } from '../common/types';
import { getSetting, putSetting } from '../db/queries/settings';
import type { ServiceContext } from './context';

export function readSettings(ctx: ServiceContext): AppSettings {
  const language = getSetting<Language>(ctx.db, 'language') ?? 'zh-CN';
  const userName = getSetting<string>(ctx.db, 'userName') ?? ctx.defaultActor;
  const userNames = getSetting<string[]>(ctx.db, 'userNames') ?? [];
  return { language, userName, userNames: userNames.includes(userName) ? userNames : [userName, ...userNames] };
}

export function updateSettings(
  ctx: ServiceContext,
  patch: { language?: Language | undefined; userName?: string | undefined },
): AppSettings {
  ctx.db.transaction((t) => {
    const tctx = { ...ctx, db: t };
    if (patch.language) putSetting(t, 'language', patch.language);
    if (patch.userName !== undefined) {
      const current = readSettings(tctx);
      putSetting(t, 'userName', patch.userName);
      putSetting(
        t,
        'userNames',
        [patch.userName, ...current.userNames.filter((n) => n !== patch.userName)].slice(0, 50),
      );
    }
  });
  return readSettings(ctx);
}

/** The name recorded for a change made through the app. */
export function currentActor(ctx: ServiceContext): string {
  return getSetting<string>(ctx.db, 'userName') ?? ctx.defaultActor;
}

/** The conference topics the office picks from (市政府常务会议, 重要政策 …); the office can extend them. */
export function readTopics(ctx: ServiceContext): string[] {
  return getSetting<string[]>(ctx.db, 'conferenceTopics') ?? DEFAULT_TOPICS;
}

export function writeTopics(ctx: ServiceContext, topics: string[]): string[] {
  putSetting(ctx.db, 'conferenceTopics', [...new Set(topics)]);
  return readTopics(ctx);
}
