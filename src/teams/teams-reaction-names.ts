/**
 * Teams reaction types → the emoji names the `reactions` config uses (Slack's names, so one list
 * serves both). Teams sends the six classic types by name and newer emoji reactions as
 * `<codepoints>_<name>` (e.g. `1f440_eyes`); both map here.
 */
const CLASSIC: Record<string, string> = {
  like: 'thumbsup',
  heart: 'heart',
  laugh: 'laughing',
  surprised: 'open_mouth',
  sad: 'cry',
  angry: 'angry',
};

const BY_CODEPOINT: Record<string, string> = {
  '1f440': 'eyes',
  '2705': 'white_check_mark',
  '2714': 'heavy_check_mark',
  '2714_fe0f': 'heavy_check_mark',
  '1f44d': 'thumbsup',
};

export function reactionName(teamsType: string): string {
  const type = teamsType.toLowerCase();
  if (CLASSIC[type]) return CLASSIC[type];
  const codepoints =
    /^([0-9a-f]{4,6}(?:_[0-9a-f]{4})?)_/.exec(type)?.[1] ?? /^([0-9a-f]{4,6})/.exec(type)?.[1];
  if (codepoints && BY_CODEPOINT[codepoints]) return BY_CODEPOINT[codepoints];
  if (codepoints && BY_CODEPOINT[codepoints.split('_')[0]!]) return BY_CODEPOINT[codepoints.split('_')[0]!]!;
  return type;
}
