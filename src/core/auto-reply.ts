/**
 * Out-of-office and other automatic replies ("I'm out of the office until 8 December … for
 * urgent matters please contact …", "Olen lomalla 15.12. asti …"). They are engagement noise,
 * not requests: nobody is asking anything, and an "urgent matters" line would otherwise read as
 * urgency. Conservative like the rest of the noise filter: the message must OPEN with an absence
 * or auto-reply statement and EVERY sentence must be one of absence, return, contact-instead or
 * sign-off; any question mark or any other sentence keeps it a request.
 */
const OPENING = new RegExp(
  [
    String.raw`^(?:\*{2,}\s*)?(?:\[[^\]\n]{1,40}\]\s*)?(?:(?:hi|hello|hei|moi)(?:\s+(?:all|everyone|there|team|kaikki))?[,!.]?\s+)?(?:(?:thank you for your (?:e-?mail|message)|kiitos viestistäsi)(?:\s*\/\s*(?:thank you for your (?:e-?mail|message)|kiitos viestistäsi))?[.!]?\s+)?(?:poissaoloilmoitus:\s*|poissaolovastaus:\s*)?(?:automatic reply|auto-?reply|automated (?:response|reply)|out of (?:the )?office|ooo\b`,
    String.raw`(?:i am|i['’]m|i will be|i['’]ll be)\s+(?:currently\s+)?(?:out of (?:the )?office|away|(?:on|in) (?:annual |parental |sick |summer |winter |christmas |maternity |paternity |a )?(?:leave|holiday|vacation|business trip)|travel(?:l)?ing|off|attending an? (?:conference|training|course|seminar|workshop|trade fair)|at (?:\p{Lu}[\p{L}-]*)(?: \p{Lu}?[\p{L}-]*){0,4} until)`,
    'this is an? (?:automated|automatic) (?:message|reply|response|e-?mail|notification)',
    'tämä (?:viesti|sähköposti) on lähetetty automaattisesti',
    'tämä on automaattinen (?:vahvistus|vastaus|viesti|vastaanottokuittaus|kuittaus)',
    '(?:tämä|this) (?:sähköposti)?osoite ei ole (?:enää )?käytössä',
    'this (?:e-?mail )?address is no longer (?:in use|active|monitored)',
    String.raw`this (?:mail ?box|inbox)(?: \([^)\n]{1,80}\))? is (?:not|no longer) (?:monitored|checked|read)`,
    String.raw`\[ticket #?[\w-]{1,20}\] we have received your (?:request|message|e-?mail)`,
    'auto-?acknowledge?ment:?',
    // "[Royal Kelvin Golf Club] Request received: #RK-20931 \"Re: Your invoice …\"": a desk's receipt.
    '(?:request|ticket|message|e-?mail|enquiry|inquiry) received:',
    '(?:your|thank you,? your) (?:message|e-?mail|request) has been received',
    String.raw`thank you for your (?:e-?mail|message)[.,]?\s+(?:i am|i['’]m) (?:currently\s+)?(?:out|away|on|at|attending)`,
    String.raw`(?:thank you|thanks) for contacting (?:the )?\p{Lu}`,
    'kiitos yhteydenotostasi',
    'this (?:mail ?box|inbox|e-?mail address) is (?:not|no longer|only occasionally) (?:monitored|checked|read)',
    'automaattinen vastaus|poissaoloviesti|poissaoloilmoitus|lomavastaaja',
    String.raw`olen (?:tällä hetkellä\s+)?(?:\p{L}*lomalla|poissa|matkoilla|vapaalla|työmatkalla|vanhempainvapaalla|koulutuksessa)`,
    String.raw`kiitos viestistäsi[.,]?\s+olen (?:tällä hetkellä\s+)?(?:\p{L}*lomalla|poissa)`,
    // "Kiitos viestistäsi. Hautatoimisto on suljettu 23.12.–6.1.": thanks, then a closed office.
    String.raw`(?:kiitos viestistäsi|thank you for your (?:e-?mail|message))[.,!]?\s+(?:our |the )?[\p{L}-]+(?: [\p{L}-]+)? (?:on|ovat|is|are|will be) (?:suljettu|kiinni|closed) (?:from |until |between |on |over |for the )?(?:\d|\p{L}+ \d))`,
  ].join('|'),
  'iu',
);

/** Sentences an auto-reply is made of, after its opening. */
const PART =
  /(?:until|till|through|back (?:on|in)|return(?:ing)? (?:on|to)|limited access|(?:e-?mail|mail|messages?)(?: will)? (?:not be|be) (?:read|forwarded|answered)|(?:reply|respond|get back)(?: to you| to your (?:message|e-?mail))? (?:when|after|as soon|on my return)|(?:urgent|pressing) (?:matters|issues|requests|cases)|in urgent cases|(?:please )?contact|you can (?:reach|contact)|if (?:this|it|your (?:matter|message)) is urgent|if your (?:\p{L}+ ){0,2}is urgent|for (?:anything|something) urgent|please call|call (?:our|my|the) |offices? (?:are|is|will be) closed|(?:will )?re-?open(?:s|ing)? on|closed for the|kind regards|best regards|regards|thank you|thanks|asti|saakka|palaan|palaa|tavoitettavissa|kiireellisissä (?:[\p{L}-]+ ){0,3}(?:asioissa|tapauksissa)|kiireellisissä \p{L}*asioissa|soittakaa|on my return|(?:dealt with|answered|handled) (?:on|after) my return|registered (?:charity|company|office)|ota yhteyttä|ottakaa yhteyttä|vastaan (?:viesteihin|sähköposteihin)|(?:en|enkä) lue (?:sähköpost|viestej)\p{L}*|luen (?:sähköpost|viestej)\p{L}* (?:satunnaisesti|rajoitetusti|harvoin|vain)|(?:will not|won't|will not be|am not) (?:be )?reading|(?:viestejä|viesti\p{L}*|sähköpost\p{L}*) ei (?:lueta|välitetä|siirry (?:automaattisesti )?eteenpäin)|hoitaa \p{Lu}\p{Ll}+|(?:sijaisenani|sijaisena) toimii|(?:is|are) (?:covering|handling) (?:for me|my)|voi ilmoittaa|can be reported (?:to|directly)|please report (?:\p{L}+ ){0,3}to|see (?:our|the) (?:intranet|website|web site|portal|help (?:centre|center)|status page)|reply above (?:this|the) line|powered by \p{Lu}|(?:your )?(?:e-?mail|message|request) (?:has been|was|is) (?:received|logged|registered)|(?:your|the) (?:e-?mail|message|request|ticket|case|enquiry|inquiry) [^.\n]{1,80} (?:has been|was|is) (?:received|logged|registered|assigned|created|opened)|expected (?:response|resolution|reply)(?: time)?:|(?:will )?(?:respond|reply|get back to you) within|will (?:reply|respond|be back|get back to you) (?:by|on|after|when)|(?:service|opening|office|business|support) hours are|(?:we )?aim to (?:respond|reply)|(?:i['’]ll|i will) (?:reply|respond|get back)(?: to you)? when (?:i['’]m|i am) back|for (?:\p{L}+ ){0,2}(?:incidents|matters|issues|queries|questions|requests) (?:please )?(?:use|contact|call|e-?mail)|lomavastaaja|olemme vastaanottaneet viestisi|käsittelemme (?:sen|viestisi) (?:mahdollisimman pian|\p{L}+)|(?:has|have) not been (?:delivered|passed|forwarded|read)(?: to|(?=[.!]?$))|returning|(?:with )?no access to (?:e-?mail|my e-?mail)|reply with a delay|viiveellä|received this (?:e-?mail|message) in error|emme käsittele|(?:we do not|we don['’]t) (?:handle|process|accept)|do not (?:e-?mail|write in|send (?:an )?e-?mail)|do not change the subject|(?:summary|assigned (?:group|to)):|(?:our )?target (?:first )?response time|on siirtynyt (?:toisiin tehtäviin|\p{L}+ palvelukseen)|(?:has|have) left (?:the company|the organi[sz]ation|\p{Lu}\p{L}+)|no longer works? (?:at|for|here)|(?:en|enkä) (?:pääse )?(?:lue|lukemaan) (?:sähköpost|viestej)\p{L}*|use the contact form|\p{L}+(?: |-)?asioissa:|allow \d+ (?:working |business )?days|(?:is |are )?authori[sz]ed and regulated by|registered in (?:england|scotland|wales|finland)|this (?:mail ?box|inbox|e-?mail address) is (?:not |no longer )?(?:monitored|checked|read)|(?:team|desk|office|line|we) (?:is|are) (?:available|open|staffed) (?:\p{L}+ )?(?:mon|tue|wed|thu|fri|ma|ti|ke|to|pe|\d)|please (?:e-?mail|write to|send (?:it|them|your \p{L}+) to)|(?:vastaan|palaan asiaan) (?:\p{L}+ )?(?:loman jälkeen|palattuani)|muissa asioissa|in other matters|for other (?:matters|queries)|visit (?:the |our )?(?:self-service |support |customer )?portal|viestisi on vastaanotettu|käsittelemme (?:yhteydenotot|viestit|pyynnöt)|palattuani|(?:ole )?välitetty eteenpäin|tämä on automaattinen (?:vastaus|vahvistus|viesti)|ilmoita\p{L}* (?:\p{L}+ ){0,3}[\p{L}-]*(?:tukeen|tuelle|päivystykseen|palvelupisteeseen)|(?:office|desk|team|line|mailbox|inbox) is (?:only )?(?:staffed|for)|staffed only|priority: \p{L}+|to update your request|will be assigned within|(?:processed|handled|answered) within \d|älä vastaa tähän (?:viestiin|sähköpostiin)|voi(?:t|tte) olla yhteydessä|terveisin|ystävällisin terveisin|kiitos|(?:opening|office|business|support|reception) hours(?::|\s+(?:are\s+)?(?:mon|tue|wed|thu|fri|ma|ti|ke|to|pe|\d))|(?:mail ?box|inbox|address) (?:does not|doesn['’]t|cannot|can['’]t) accept|(?:please )?(?:do not|don['’]t) reply|^(?:during my absence|poissaoloni aikana)\s*:?$|(?:will not|won['’]t|will not be able to) read (?:my |any )?(?:messages|e-?mails?)|loma\p{L}* jälkeen|(?:the )?[\p{L}-]+ (?:is|are) closed (?:on|from|between|until|over|for) |(?<![\p{L}])[\p{L}-]+ (?:on|ovat) (?:suljettu|suljettuna|kiinni) (?:[\p{L}-]+ ){0,3}\d|(?:in an? emergency|hätätilanteessa),? (?:please )?(?:call|soita)|(?:will|shall) not be (?:processed|handled|read|answered)|(?:ei|eivät) välity (?:automaattisesti )?eteenpäin|diaarinumero|(?:has|have) moved to a new (?:\p{L}+ )?(?:e-?mail )?address|(?:are|is) handled on (?:business|working) days|jos kyseessä on [^.\n]{1,120}(?:soita|ota yhteyttä|ilmoita)|(?:pyyntösi|viestisi|tikettisi|asiasi) on (?:vastaanotettu|kirjattu|rekisteröity)|tähän viestiin ei voi vastata|(?:postilaatikko|sähköposti|viestej)\p{L}* luetaan|vastaamme (?:\p{L}+ ){0,3}kuluessa|^(?:kiireelliset (?:asiat|tapaukset)|urgent (?:matters|issues|requests)):$|(?:mail ?box|inbox) is monitored (?:on|during|mon|\d)|(?:your|the) (?:message|e-?mail|enquiry|inquiry|request) (?:regarding|about|concerning)|(?:are|is) (?:now )?(?:handled|processed|dealt with) (?:exclusively |only )?(?:via|through|in|by) (?:the |our |a )?|expected (?:first )?(?:response|reply|resolution)(?: time)?:|typical (?:response|reply) time:|^subject: (?:re|fw|fwd|vs):|(?:this mailbox|this inbox)(?: \([^)\n]{1,80}\))? is (?:not|no longer) (?:monitored|checked|read)|we have received your (?:request|message|e-?mail)|jos (?:\p{L}+ ){0,4}(?:on )?(?:kokonaan )?(?:alhaalla|poikki|nurin|rikki)[^.\n]{0,60}(?:soita|ota yhteyttä|ilmoita))/iu;

/**
 * Sentences of a service desk's or an absent person's reply that name no one's problem: a
 * conditional instruction ("If your matter concerns an order that has not arrived, please check
 * the tracking link", "Jos kyse on häiriöstä, joka estää koneiden ajon, soita Jukalle"), opening
 * hours ("Vastaamme sähköposteihin arkisin klo 8–16"), a reference number, a note on response times,
 * where other questions go, and the Swedish line of a bilingual reply.
 */
const REPLY_TERMS = new RegExp(
  [
    String.raw`^(?:[-•*]\s*)?(?:please note:?\s*|huom(?:aa)?!?:?\s*)?(?:if|jos|om)\s[^?\n]{0,220}(?<![\p{L}])(?:call|ring|dial|contact|e-?mail|phone|check|use|visit|see|report|forward|send|pass|try|do not|don['’]t|soita|soittakaa|ota yhteyttä|ottakaa yhteyttä|ilmoita|ilmoittakaa|käytä|katso|älä|välitä|lähetä|kokeile|kokeilkaa|tarkista|tarkistakaa|kontakta)(?![\p{L}])`,
    // "Jos järjestelmä on alhaalla, keräysmäärät kirjataan paperilomakkeelle": what is done meanwhile.
    String.raw`^(?:if|jos)\s[^?\n]{1,120},\s*[^?\n]{0,80}(?<![\p{L}])(?:\p{L}+(?:taan|tään)|(?:are|is|will be|gets?) (?:recorded|logged|written|noted|kept|handled|entered|taken))(?![\p{L}])`,
    // "Jäsenyyksien jäädytykset … onnistuu myös itse sovelluksessa", "Tuntivaraukset hoituu
    // jäsenportaalin kautta normaalisti": what the reader can do themselves, and where.
    String.raw`(?<![\p{L}])(?:(?:hoitu(?:u|vat)|onnistu(?:u|vat)|tehdään) (?:\p{L}+ ){0,2}(?:kautta|sovelluksessa|portaalissa|verkossa)|onnistu(?:u|vat) (?:myös |kätevästi )?itse|voi(?:t|tte) (?:myös )?(?:tehdä|hoitaa|muuttaa|tarkistaa) itse|you can (?:also )?(?:do|manage|change|update|check|find|make) (?:this |these |it |them |most things )?(?:yourself|online|in the app|via (?:the|our) (?:app|portal|website)))(?![\p{L}])`,
    // "Lesson bookings and cancellations: please use the member portal, not email.": where a matter goes.
    String.raw`^[^:?\n]{1,60}:\s*please (?:use|contact|call|e-?mail|see|visit|ring)(?![\p{L}])`,
    // "Please quote this reference in any further correspondence", "From 1 September all supplier
    // invoices must be submitted via our Coupa supplier portal": the desk's own terms.
    String.raw`(?<![\p{L}])(?:quote (?:this|the|your) (?:reference|ticket number|case number|reference number)|(?:must|should|need to|have to) be (?:submitted|sent|made|raised|logged|registered) (?:via|through|in|to|using|on)(?![\p{L}]))`,
    // "Muistomerkkilupahakemukset käsitellään tammikuussa saapumisjärjestyksessä. Hakemuksia ei tarvitse lähettää uudelleen."
    String.raw`(?<![\p{L}])(?:käsitellään (?:\p{L}+ ){0,3}(?:saapumisjärjestyksessä|palattuani|loman jälkeen)|(?:are|will be) (?:processed|handled|dealt with) in (?:the )?order (?:of arrival|received|they (?:arrive|came in))|(?:vastaamme|käsittelemme) (?:\p{L}+ ){0,2}saapumisjärjestyksessä|(?:ei tarvitse|no need to|(?:you )?do not need to|(?:you )?don['’]t need to) (?:\p{L}+ )?(?:lähettää|send|re-?send|resubmit|submit) (?:\p{L}+ )?(?:uudelleen|again))(?![\p{L}])`,
    String.raw`^(?:[-•*]\s*)?for [^?\n]{1,200}(?<![\p{L}])(?:call|ring|dial|contact|use|e-?mail|visit|see|go to|raise|submit|log|open)(?![\p{L}])`,
    String.raw`(?<![\p{L}])ring (?:our|my|the|us) `,
    String.raw`(?<![\p{L}])(?:vastaa(?:mme)?|palvele(?:mme|e)|käsittele(?:e|mme)|päivystä\p{L}*|(?:on|ovat) avoinna)(?![\p{L}])[^.?\n]{0,80}(?:arkisin|ma[–-]pe|klo \d|joka päivä|ympäri vuorokauden|24\/7)`,
    String.raw`(?<![\p{L}])(?:we|our (?:[\p{L}-]+ ){0,3}(?:team|desk|office|service|line))\s(?:respond|reply|answer|(?:are|is) (?:open|available|staffed))[^.?\n]{0,80}(?:weekdays|mon(?:day)?|business days|working days|24\/7|\d{1,2}[:.]\d{2})`,
    String.raw`^(?:your|the|viestisi|pyyntösi|tikettisi|asiasi)\s+(?:case |ticket |reference |request |support )?(?:number|reference|viitenumero|tikettinumero|numero|id)\s*(?:is|on|:)\s*#?[\w-]+\.?$`,
    String.raw`(?<![\p{L}])(?:in an? emergency|in case of (?:an )?emergency|hätätilanteessa|hätätapauksessa)[^.?\n]{0,40}(?:call|soita|dial|ring)(?![\p{L}])`,
    'response times? (?:may|might|will|can|could) be (?:longer|slower|delayed)|vastausajat (?:voivat|saattavat) (?:olla )?(?:pidempiä|venyä)|(?:vastaaminen|vastauksessa|käsittely) (?:voi|saattaa) (?:kestää|viedä) (?:pidempään|kauemmin)',
    // "ma-pe 8-16", "Mon–Fri 9:00–17:00": opening hours on a line of their own.
    String.raw`^(?:ma|ti|ke|to|pe|la|su|mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?\s*[-–]\s*(?:ma|ti|ke|to|pe|la|su|mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?\s*(?:klo\s*)?\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?$`,
    String.raw`^(?:please note|huom(?:aa|\.)?)\s*:?$`,
    String.raw`do not use this (?:mail ?box|inbox|address)|(?:are|is) (?:forwarded|directed|redirected|routed) (?:directly )?to|(?<![\p{L}])ohjataan (?:suoraan )?`,
    String.raw`(?<![\p{L}])olemme vastaanottaneet(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:eikä|enkä) (?:\p{L}+ )?(?:sähköpost|viest)\p{L}* (?:lueta|välitetä|lue)(?![\p{L}])`,
    String.raw`^(?:hei|hi|hello|moi|(?:hi|hello) there|dear [\p{L} ]{1,40}|hyvä asiakas)[,!.]?$`,
    // "If your message concerns:" above a bulleted list of where each matter goes.
    String.raw`^(?:if|jos) (?:your|the) (?:message|e-?mail|matter|query|enquiry|issue) (?:concerns|is about|relates to)\s*:?$|^jos (?:asiasi|viestisi|asia) koskee\s*:?$`,
    String.raw`(?<![\p{L}])(?:älä jätä (?:\p{L}+ ){0,2}odottamaan|vikailmoitus (?:\p{L}+ ){0,3}(?:tukeen|tuelle|palveluun))`,
    String.raw`(?<![\p{L}])(?:sähköpost|postilaatikko|viestej)\p{L}* ei (?:seurata|lueta|valvota)(?![\p{L}])`,
    'keep the (?:ticket |case )?(?:reference|number) in the subject',
    // "To add information to your request, quote INC0048213 in the subject line."
    String.raw`to add information to your request|quote (?:the |your )?\S+ in the subject`,
    // "Tähän osoitteeseen ei voi tilata kuljetuksia", "X koskevat pyynnöt IT Helpdeskiin"
    String.raw`(?<![\p{L}])(?:tähän|tämä) (?:osoitteeseen|postilaatikkoon|sähköpostiin|osoite) ei voi(?![\p{L}])|(?<![\p{L}])koskevat (?:pyynnöt|kysymykset|asiat|ilmoitukset)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:jag (?:har|är) (?:på )?(?:semester|ledig|tjänstledig|föräldraledig|borta|sjukskriven)|i brådskande (?:ärenden|fall)|(?:vänliga|bästa) hälsningar|med vänlig hälsning)(?![\p{L}])`,
  ].join('|'),
  'iu',
);

const MAX_AUTO_REPLY_CHARS = 800;

/** "Subject: [Auto-Reply] RE: …" — the reply's own subject line, above its body. */
const AUTO_SUBJECT =
  /^(?:subject|aihe):[^\n]*(?:auto-?reply|automatic reply|out of (?:the )?office|automaattinen vastaus|poissa)[^\n]*\n+/iu;

/**
 * What the mail server adds below the reply: the message it answers, quoted ("> …", "-----Original
 * Message-----") and a confidentiality notice. Neither is the sender's.
 */
/** How a confidentiality notice under a mail opens: the sender's server speaks, not the sender. */
const DISCLAIMER_OPENING =
  '(?:confidentiality notice|disclaimer|this e-?mail(?: message)?(?:,? including any attachments,?)? (?:is|may be|and any)|tämä (?:sähköposti)?viesti (?:on|voi olla|saattaa) (?:\\p{L}+ )?luottamuksellinen)';
const TRAILER = new RegExp(
  `\\n\\s*(?:>|-{2,}\\s*(?:original message|alkuperäinen viesti)|${DISCLAIMER_OPENING})[\\s\\S]*$`,
  'iu',
);
/** A confidentiality notice, to the end of the mail. */
const DISCLAIMER = new RegExp(`\\n\\s*${DISCLAIMER_OPENING}[\\s\\S]*$`, 'iu');

export function withoutDisclaimer(text: string): string {
  return text.replace(DISCLAIMER, '');
}

/** "Järjestelmähäiriöt ja katkot: IT-päivystys 040 555 0142 (24/7)": someone else to contact. */
const CONTACT_LINE =
  /\S@\S+\.\p{L}{2,}|\+?\d[\d ()-]{6,}\d|^\s*[•*-]?\s*[^:\n]{1,80}:\s*(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}(?:\/\S*)?\s*$/u;

export function isAutoReply(text: string): boolean {
  const trimmed = text.trim().replace(AUTO_SUBJECT, '').replace(TRAILER, '').trim();
  // "Automatic reply: RE: Roster export failing again?": the question is the subject it answers.
  if (trimmed.length > MAX_AUTO_REPLY_CHARS || /[?？]/u.test(trimmed.replace(SUBJECT_LINE, ''))) return false;
  if (!OPENING.test(trimmed)) return false;
  // Split on sentence ends that are not inside a date ("15.12.") or an address, nor after "e.g.".
  const sentences = trimmed
    .split(/(?<=[!.])(?<!(?<![\p{L}])(?:e\.g|i\.e|esim|mm|ext|tel|puh|no|nr)\.)\s+(?=\p{Lu})|\n+/u)
    .filter((part) => part.trim() !== '');
  if (sentences.some(saysSomethingElse)) return false;
  let inSignature = false;
  // Any sentence may be a bare opening: bilingual replies say the absence twice.
  return sentences.every((sentence, at) => {
    if (isSignature(sentence)) {
      inSignature = true;
      return true;
    }
    const known =
      PART.test(sentence) ||
      REPLY_TERMS.test(sentence.trim()) ||
      (at > 0 && CONTACT_LINE.test(sentence)) ||
      SIGN_OFF.test(sentence.trim()) ||
      isBareOpening(sentence) ||
      // "Fair winds!", "Stay safe!": a short wish before the name.
      (at > 0 && SHORT_WISH.test(sentence.trim()) && !REPORTS_A_PROBLEM.test(sentence)) ||
      // A job title in lower case under the name ("henkilöstösihteeri"), then the unit.
      (inSignature && isShortTitle(sentence));
    if (!known) inSignature = false;
    return known;
  });
}

/** The reply's own subject line on top: "Automatic reply: RE: …", "Automaattinen vastaus: …". */
const SUBJECT_LINE = /^(?:automatic reply|auto-?reply|automaattinen vastaus|out of office)\s*:[^\n]*\n/iu;

/**
 * "I'm out tomorrow, but the export is broken": the customer goes on to say something. A contrast
 * inside the reply's own wording is not ("This mailbox is monitored 24/7, but non-operational
 * messages are handled on business days only").
 */
function saysSomethingElse(sentence: string): boolean {
  const contrast = CONTRAST.exec(sentence);
  if (contrast === null) return false;
  return !HANDLED_LATER.test(sentence.slice(contrast.index + contrast[0].length));
}

/** "… but non-operational messages are handled on business days only": the reply's own terms. */
const HANDLED_LATER =
  /^\s*(?:non-operational |other |routine |all other |general )?(?:messages|e-?mails|requests|matters|enquiries|inquiries)(?:\s*\([^)]{0,80}\))?[^.!?\n]{0,60}? (?:are|will be|is) (?:only )?(?:handled|answered|read|processed|dealt with)[^.!?\n]{0,40}[.!]?\s*$/iu;

/** The opening sentence with little beyond the absence itself: "Olen lomalla 23.12.–6.1.". */
const MAX_WORDS_AFTER_OPENING = 3;

function isBareOpening(sentence: string): boolean {
  // "Automatic reply: RE: [Verbatim #88231] Routing rule question": the subject line of the reply.
  if (
    /^(?:automatic reply|auto-?reply|automaattinen vastaus|out of (?:the )?office)\s*:/iu.test(
      sentence.trim(),
    )
  )
    return true;
  const match = OPENING.exec(sentence.trim());
  if (match === null) return false;
  const rest = sentence.trim().slice(match.index + match[0].length);
  // "This is an automated message from the Helpdesk of Carrow Health."
  const words = rest.match(/\p{L}+/gu)?.length ?? 0;
  // "Request received: #RK-20931 \"Re: Your invoice INV-2024-1187 is overdue\"": the number and the subject it answers.
  if (/^\s*#?[\w-]{3,30}(?:\s+["“][^"”\n]{1,120}["”])?\s*$/u.test(rest)) return true;
  if (/^\s*from\s[^,;:]*$/iu.test(rest) && words <= 8 && !/\s(?:and|but|ja|mutta)\s/iu.test(rest))
    return true;
  // "I am out of the office from 3 to 17 June, sailing the Archipelago Sea with very limited
  // connectivity": the absence told with where they are, as long as nothing is reported.
  if (ABSENCE.test(match[0]) && words <= MAX_WORDS_OF_ABSENCE && !REPORTS_A_PROBLEM.test(rest)) return true;
  return words <= MAX_WORDS_AFTER_OPENING;
}

/** A wish of one to three words: "Fair winds!", "Happy sailing!", "Hyvää kesää!". */
const SHORT_WISH = /^(?:\p{L}+ ){0,2}\p{L}+!+(?:\s*\p{Extended_Pictographic}\uFE0F?)*$/u;

/** An opening that says the writer is away, not that a desk received something. */
const ABSENCE =
  /(?:i am|i['’]m|i will be|i['’]ll be)\s+(?:currently\s+)?(?:out of (?:the )?office|away|(?:on|in) |travel|off|attending)|olen (?:tällä hetkellä\s+)?(?:\p{L}*lomalla|poissa|matkoilla|vapaalla|työmatkalla)/iu;
const MAX_WORDS_OF_ABSENCE = 24;
/** Words that make the rest of an absence sentence a report of its own. */
const REPORTS_A_PROBLEM =
  /(?<![\p{L}])(?:errors?|fail\p{L}*|broken|down|issues?|problems?|not working|can['’]t|cannot|urgent\p{L}*|virhe\p{L}*|ongelm\p{L}*|ei toimi|rikki|alhaalla|kaatu\p{L}*|kiire\p{L}*)(?![\p{L}])/iu;

const CONTRAST =
  /(?<![\p{L}])(?:but|however|although|though|meanwhile|mutta|kuitenkin|vaikka|sillä välin)(?![\p{L}])/iu;

/** "Best,", "Cheers", "t.", "Hyvää kesää!": a sign-off or a wish on a line of its own. */
const SIGN_OFF =
  /^(?:-{2,}|[–—]|[–—_=*]{3,}|pax et bonum|god bless|blessings|season['’]s greetings|warm(?:est)? (?:regards|wishes)|siunausta|siunattua (?:päivää|viikkoa|kesää|joulua)|[—–-]\s*\p{Lu}[^.!?\n]{0,60}|have a (?:great|good|nice|lovely|merry|happy) (?:christmas|holiday|holidays|new year|summer)[^.!]{0,40}|t\.\s*\p{Lu}\p{L}*|best(?: wishes)?|cheers|br|t\.|thanks|many thanks|merry christmas(?: and a happy new year)?|happy (?:new year|holidays|easter)|hyvää (?:joulua|uutta vuotta|joulua ja uutta vuotta)|(?:hyvää|aurinkoista|mukavaa|rentouttavaa|rauhallista|iloista) (?:kesää|lomaa|jatkoa|joulua|viikonloppua|päivänjatkoa|uutta vuotta)|have a (?:nice|great|good|lovely) (?:day|weekend|summer|holiday|week))(?:[,.!\s]|\p{Extended_Pictographic}|\uFE0F)*$/iu;

function isShortTitle(line: string): boolean {
  const trimmed = line.trim();
  // "sosiaalityön johtaja, lapsiperheiden palvelut", "Asiakaspalvelu / myyntituki".
  return trimmed.length <= 50 && /^[\p{L}][\p{L} ,/-]*$/u.test(trimmed) && trimmed.split(/\s+/u).length <= 4;
}

/** A signature line: a name, a title, a company, an address, a phone number. */
export function isSignature(line: string): boolean {
  // "Managed by Calder Property Management Ltd", "Pohjanmaan hyvinvointialue": who runs the place.
  if (/^(?:[Mm]anaged|[Oo]perated|[Oo]wned|[Rr]un) by \p{Lu}/u.test(line.trim())) return true;
  if (
    /^\p{Lu}[\p{L}-]+ (?:hyvinvointialue|kaupunki|kunta|seurakunta|kuntayhtymä|yliopisto|ammattikorkeakoulu|sairaanhoitopiiri)(?:, [\p{L} -]{2,60})?$/u.test(
      line.trim(),
    )
  )
    return true;
  // "Hatanpään valtatie 24, 33100 Tampere": a street address ending in a postcode and a town.
  // "Martinsillan laituri, 20100 Turku": a quay or a square has no number.
  if (
    /^[\p{L} .'’-]{2,60}(?: \d{1,4}[A-Za-z]?(?: [A-Za-z]\s?\d{0,3})?)?, \d{5} \p{Lu}\p{L}+$/u.test(
      line.trim(),
    )
  )
    return true;
  // "www.autokoulukiito.fi": the company's web address on a line of its own.
  if (/^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}\/?$/u.test(line.trim())) return true;
  // A company's quoted tagline: "Quality since 1962".
  if (/^["“'‘][^"“”'‘’]{1,60}["”'’]$/u.test(line.trim())) return true;
  // "Satakylän kaupunki | Kasvatuksen ja koulutuksen toimiala | IT-tuki": an organisation's units.
  if (/^\p{Lu}[^!?:;\n]{0,120}$/u.test(line.trim()) && line.split(/ [|·] /u).length >= 3) return true;
  // "Kangasalan seurakunnan hautatoimisto", "Oulun kaupungin tilapalvelut": an organisation's unit.
  if (
    /^\p{Lu}[\p{L}-]+ (?:seurakunnan|kaupungin|kunnan|hyvinvointialueen|kuntayhtymän|yliopiston) [\p{L}-]+(?: [\p{L}-]+)?$/u.test(
      line.trim(),
    )
  )
    return true;
  // "Ylikosken kunta / Kirjaamo", "Kivikon Pursiseura ry": an organisation and its unit or form.
  if (
    /^\p{Lu}\p{L}+ (?:kunta|kaupunki|seurakunta|kuntayhtymä|hyvinvointialue|museo|ry|rf) \/ \p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2}$/u.test(
      line.trim(),
    )
  )
    return true;
  const words = line.trim().split(/\s+/u);
  // "Meridian Foods IT Service Desk | servicedesk@meridianfoods.example": a longer line with an address.
  // A postcode ("WF2 7AW", "00100 Helsinki") makes a line an address as much as an e-mail does.
  const withAddress = /\S@\S|\+?\d[\d ()-]{6,}\d|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b\d{5}\b/u.test(line);
  // "Vastaava työnjohtaja, Rakennus Mäkelä Oy": a title in lower case, then the company.
  // "ICT-suunnittelija, Järvelän kaupunki / sivistystoimi": the organisation and its unit.
  if (
    /^\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2}, \p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2} \/ [\p{L}-]+(?: [\p{L}-]+){0,2}$/u.test(
      line.trim(),
    )
  )
    return true;
  // "Payroll & Benefits Lead, Greystone Housing Association", "rakennustarkastaja, Lahdenperän kunta".
  const titleThenCompany =
    /^\p{L}[\p{L}-]*(?: (?:[\p{L}-]+|&)){0,3}, (?:\p{Lu}[\p{L}&.'’-]*)(?: (?:\p{Lu}[\p{L}&.'’-]*|&|ja|and|Oy|Ab|Oyj|Ltd|ry|rf|kaupunki|kunta|kuntayhtymä|hyvinvointialue|yliopisto|seurakunta))*$/u;
  if (titleThenCompany.test(line.trim())) return true;
  // "Timo Hakala, apulaisrehtori", "Mervi Koskinen, rekrytointiasiantuntija": a name, then a title.
  if (/^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{L}-]+){1,2}, [\p{L}() &-]{2,60}$/u.test(line.trim())) return true;
  // "Office Manager | Pine County Rural Water District No. 3": a title, then the organisation.
  if (
    /^\p{L}[\p{L}&-]*(?: [\p{L}&-]+){0,5} \| \p{Lu}[\p{L}\p{N}&.'’-]*(?: [\p{L}\p{N}&.'’/-]+){0,8}$/u.test(
      line.trim(),
    )
  )
    return true;
  // "Head of Growth | Brightloop Digital GmbH": a title and a company on one line.
  if (words.length > (withAddress ? 16 : /[|·]| [—–-] /u.test(line) ? 9 : 6)) return false;
  // Titles and companies keep their small words: "Head of Growth | Brightloop Digital GmbH".
  return words.every((word) =>
    /^["'“”‘’]?[\p{Lu}\p{N}+@(]|@|^[-–—|,&/·]$|^(?:of|and|at|for|the|de|von|van|upon|on|le|ja|och|&|plc\.?|ltd\.?|llc\.?|inc\.?)$/u.test(
      word,
    ),
  );
}
