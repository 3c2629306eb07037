// The channel list being edited (发布渠道): each channel at most once, each with its date. Rows may be
// half filled while editing; only a complete, duplicate-free list is saved.
import { RELEASE_CHANNELS, type ReleaseChannel } from '../../../../common/opinion-schemas';

export interface ChannelDraft {
  /** Stable across edits, for React's list keys. */
  key: number;
  channel: ReleaseChannel | null;
  date: string | null;
}

export type ChannelProblem = 'channel' | 'date' | 'twice';

/** The channels row `index` may choose: its own, and those no other row has. */
export function channelChoices(rows: ChannelDraft[], index: number): ReleaseChannel[] {
  const taken = new Set(rows.filter((_, i) => i !== index).map((r) => r.channel));
  return RELEASE_CHANNELS.filter((c) => !taken.has(c));
}

/** The first channel no row has, for a new row; null when all six are listed. */
export function nextFreeChannel(rows: ChannelDraft[]): ReleaseChannel | null {
  const taken = new Set(rows.map((r) => r.channel));
  return RELEASE_CHANNELS.find((c) => !taken.has(c)) ?? null;
}

/** What is wrong with each row, by index; empty when the list can be saved. */
export function channelProblems(rows: ChannelDraft[]): Map<number, ChannelProblem> {
  const problems = new Map<number, ChannelProblem>();
  const seen = new Set<ReleaseChannel>();
  rows.forEach((r, i) => {
    if (!r.channel) problems.set(i, 'channel');
    else if (seen.has(r.channel)) problems.set(i, 'twice');
    else if (!r.date || !/^\d{4}-\d{2}-\d{2}$/.test(r.date)) problems.set(i, 'date');
    if (r.channel) seen.add(r.channel);
  });
  return problems;
}

/** The list as documents.setChannels takes it, by date then in the channels' own order. */
export function channelInput(rows: ChannelDraft[]): { channel: ReleaseChannel; date: string }[] {
  const order = (c: ReleaseChannel) => RELEASE_CHANNELS.indexOf(c);
  return rows
    .filter((r): r is ChannelDraft & { channel: ReleaseChannel; date: string } => r.channel !== null && r.date !== null)
    .map((r) => ({ channel: r.channel, date: r.date }))
    .sort((a, b) => a.date.localeCompare(b.date) || order(a.channel) - order(b.channel));
}

export function toDrafts(channels: { channel: ReleaseChannel; date: string }[]): ChannelDraft[] {
  return channels.map((c, i) => ({ key: i, channel: c.channel, date: c.date }));
}
