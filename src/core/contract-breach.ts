import { sentenceAround } from './sentence-around.ts';

/**
 * "Breach" in a message about service levels is the contract's word, not an intrusion: "Per our
 * MSA the first response for Severity 1 is one hour … That is a clear breach". It stays a
 * complaint (and the floor's legal and SLA rules still see it); it is not a security incident
 * unless data or access is named in the same sentence ("a personal data breach").
 */
const SERVICE_LEVEL =
  /(?<![\p{L}])(?:sla|slas|msa|service levels?|service credits?|first response|response times?|uptime|contract(?:ual)?|agreement|palvelutaso\p{L}*|vasteaika\p{L}*|sopimu\p{L}*|hyvity\p{L}*)(?![\p{L}])/iu;
const ABOUT_DATA =
  /(?<![\p{L}])(?:data|personal|records|hack\p{L}*|leak\p{L}*|access\p{L}*|intrus\p{L}*|attack\p{L}*|password\p{L}*|credential\p{L}*|tieto\p{L}*|henkilötie\p{L}*|tietomur\p{L}*)(?![\p{L}])/iu;

export function isContractBreach(text: string, start: number, end: number): boolean {
  if (!/^breach/iu.test(text.slice(start, end))) return false;
  if (!SERVICE_LEVEL.test(text)) return false;
  return !ABOUT_DATA.test(sentenceAround(text, start).text);
}
