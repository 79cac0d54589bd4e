/** The digest card's own notes, about fitting a Teams message; the digest's texts are in core. */
export interface DigestCardCopy {
  /** The chart was rendered but would not fit in a Teams message. */
  chartTooLarge: (command: string) => string;
  /** Parts left out to keep the card within a Teams message. */
  leftOut: (sections: number, quotes: number, command: string) => string;
}

const en: DigestCardCopy = {
  chartTooLarge: (command) =>
    `The chart is too large for a Teams message and is left out; “${command} --png chart.png” writes it.`,
  leftOut: (sections, quotes, command) =>
    `Shortened to fit a Teams message: ${[
      sections > 0 ? `${sections} section${sections === 1 ? '' : 's'}` : null,
      quotes > 0 ? `${quotes} quote${quotes === 1 ? '' : 's'}` : null,
    ]
      .filter(Boolean)
      .join(' and ')} left out; “${command}” shows everything.`,
};

const fi: DigestCardCopy = {
  chartTooLarge: (command) =>
    `Kaavio on liian suuri Teams-viestiin, joten se jätettiin pois; “${command} --png kaavio.png” tallentaa sen.`,
  leftOut: (sections, quotes, command) =>
    `Lyhennetty mahtumaan Teams-viestiin: ${[
      sections > 0 ? `${sections} osiota` : null,
      quotes > 0 ? `${quotes} lainausta` : null,
    ]
      .filter(Boolean)
      .join(' ja ')} jätettiin pois; “${command}” näyttää kaiken.`,
};

const COPY: Record<string, DigestCardCopy> = { en, fi };

/** The notes in the digest's language (its team's), English when there are none for it. */
export function digestCardCopy(language: string): DigestCardCopy {
  return COPY[language.split('-')[0]!.toLowerCase()] ?? en;
}
