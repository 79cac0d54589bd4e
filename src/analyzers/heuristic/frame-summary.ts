/**
 * The extractive summary is the customer's own sentences, so it stays in the customer's language.
 * When the team reads another language, a short frame in the team's language says so, which keeps
 * a Finnish team's post Finnish around an English quotation (and the other way round). Only the
 * languages the analyzer has lexicons for are framed; a guess at any other is left unsaid.
 */
const LANGUAGE_NAMES: Record<'en' | 'fi', Record<string, string>> = {
  en: { en: 'English', fi: 'Finnish' },
  fi: { en: 'englanniksi', fi: 'suomeksi' },
};

export function frameSummary(summary: string, textLanguage: string, teamLanguage: string): string {
  const team = teamLanguage.toLowerCase().startsWith('fi') ? 'fi' : 'en';
  const text = textLanguage.toLowerCase().slice(0, 2);
  const name = LANGUAGE_NAMES[team][text];
  if (summary === '' || text === team || name === undefined) return summary;
  return team === 'fi' ? `${capitalise(name)}: “${summary}”` : `In ${name}: “${summary}”`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
