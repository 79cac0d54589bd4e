import type { DigestTheme } from './digest.ts';

/** One emerging cluster to be named: its id within the digest, key phrases and a few member texts. */
export interface ThemeToName {
  /** Stable within one digest: `theme-1` … in the order of `Digest.emerging`. */
  id: string;
  keyPhrases: string[];
  /** A few of the cluster's request texts (the adapter redacts them before they leave). */
  samples: string[];
}

/** Names per theme id; an id that is missing or null was not named. */
export type ThemeNames = Record<string, string | null>;

/** A naming request submitted ahead of posting, to be collected later. */
export interface ThemeNamingBatch {
  batchId: string;
  /** ISO instant it was submitted. */
  submittedAt: string;
}

export type ThemeBatchResult = { status: 'ended'; names: ThemeNames } | { status: 'pending' };

/**
 * Names emerging themes with a language model. Every method may fail or leave themes unnamed;
 * the digest then keeps the key-phrase label for those themes, so a namer can never make a digest
 * fail.
 */
export interface ThemeNamer {
  /** Names the themes now (one call), in `language` (BCP 47) where it can. */
  name(themes: ThemeToName[], language: string): Promise<ThemeNames>;
  /** Submits the same request to run ahead of time (cheaper, slower); absent: the namer cannot. */
  submit?(themes: ThemeToName[], language: string): Promise<ThemeNamingBatch>;
  /**
   * Collects a submitted request, waiting up to `waitMs` for it to end; `pending` when it has not.
   * A batch that ended without a usable answer is `ended` with no names.
   */
  collect?(batchId: string, options: { waitMs: number; themeIds: string[] }): Promise<ThemeBatchResult>;
}

/** The id of the theme at `index` of `Digest.emerging`. */
export function themeId(index: number): string {
  return `theme-${index + 1}`;
}

/** Longest theme name shown; a longer answer is not a name but a sentence, and is refused. */
export const MAX_THEME_NAME_CHARS = 60;

/**
 * The emerging themes with the names that were given: a theme with a usable name is
 * `namedBy: 'claude'`, every other keeps its key-phrase label. Pure; unknown ids are ignored.
 */
export function applyThemeNames(themes: DigestTheme[], names: ThemeNames): DigestTheme[] {
  return themes.map((theme, index) => {
    const name = names[themeId(index)]?.replace(/\s+/g, ' ').trim();
    if (!name || name.length > MAX_THEME_NAME_CHARS) return theme;
    return { ...theme, label: name, namedBy: 'claude' };
  });
}
