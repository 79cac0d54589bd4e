import { NON_PRODUCTION_PLACE } from '../../core/floor-cues.ts';
import { isDesiredState } from '../../core/floor-desired-state.ts';
import { sentenceAround } from '../../core/sentence-around.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * An outage composed from parts rather than looked up as a phrase: a failure predicate ("times
 * out", "went wrong", "won't load", "ei käynnisty", "kaatui", "virhe") together with a breadth cue
 * (everyone, none of us, the whole office, production, "kenelläkään", "koko tiimi") or an impact
 * cue (customers cannot pay, orders piling up, "emme pysty palvelemaan"). Customers describe
 * outages in endless ways, but nearly always as "something fails" plus "for whom" or "so what";
 * the phrase lists in urgency-cues.ts only know the phrasings someone thought of.
 */
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const OPEN = '\\p{L}*';

const FAILURE_PARTS = [
  // English
  `tim(?:es|ed|ing)[ -]out`,
  `timeouts?`,
  `fail(?:s|ed|ing|ure|ures)?`,
  `errors?`,
  `(?:went|goes|go|going) wrong`,
  `(?:won't|wont|doesn't|does not|didn't|did not|will not|isn't|is not|aren't|are not|can't|cant|cannot|can not|couldn't|could not|hasn't|has not|haven't|have not|unable to|not able to|no longer|don't seem to be able to|doesn't seem to be able to|do not seem to be able to)(?: been| even| really| quite| fully| properly)? (?:start|load|open|accept|connect|log ?in|sign ?in|access|reach|respond|launch|get in|get through|work|save|send|submit|reply|process|sync|upload|print|boot|run|push|arrive|complete|finish|generate|post)(?:s|ed|ing)?`,
  // "returns at the kiosks aren't clearing the loan": a thing that is not doing its job now.
  `(?<!(?:we|i|you|they) )(?:isn't|aren't|is not|are not) (?!using|planning|expecting|going|trying|looking|asking|paying|considering|thinking|charging|billing|worried|sure|happy|interested|bothered|blocking|urgent)\\p{L}+ing`,
  `exceptions?`,
  // "'Payment could not be completed' for every driver", "callouts don't seem to be reaching the phones"
  `(?:could not|couldn't|cannot|can't|can not) be (?:completed|processed|saved|sent|loaded|reached|registered|authori[sz]ed)`,
  `(?:don't|doesn't|do not|does not) seem to be (?:reaching|arriving|working|loading|syncing|coming through|going through)`,
  `(?:isn't|aren't|is not|are not|not) (?:reaching|arriving at|getting to) (?:the |our |their |any )`,
  `(?:is|are|went|seems|looks|is completely|is totally) dead(?! slow)`,
  `\\p{L}+['’]s (?:completely |totally )?dead`,
  `(?:is|are|was|were|went|goes|been|be|still|all|completely) down`,
  `crash(?:es|ed|ing)?`,
  // "the Visit 2 form is read-only for all our coordinators"
  `(?:is|are|became|has become|have become|went|turned) read-only`,
  `unreachable`,
  `unavailable`,
  `unresponsive`,
  // "dispatch console is basically unusable", "järjestelmä on käyttökelvoton"
  `(?:is|are|has become|have become|became|basically|completely|totally|practically|virtually|now) unusable`,
  `käyttökelvoto${OPEN}`,
  `not responding`,
  // Not "the white screen is blinding in a loft at 2am": a wish for dark mode.
  `(?:blank|white|empty|black) (?:page|screen|box|window)(?! is (?:too |so |really )?(?:bright|blinding|dazzling))`,
  // "niin hidas ettei sitä käytännössä voi käyttää": so slow it cannot be used.
  `(?:ettei|eikä) (?:sitä |tätä |niitä |\\p{L}+ )?(?:käytännössä |oikeastaan |enää )?(?:voi|pysty|pystytä|voida) (?:\\p{L}+ )?käyttä${OPEN}`,
  `(?:endless|infinite|spinning) (?:spinner|loading|loop)`,
  `(?:just |only )?spins`,
  // "has been saying 'loading…' since 9am"
  `(?:saying|showing|says|shows|stuck on) ['"‘“]?(?:loading|please wait|connecting)`,
  // Not "it gets nodded at and then nothing happens": a request that goes unanswered is no outage.
  `(?<!(?:nodded at|acknowledged|noted|logged|passed on|promised|agreed)(?: and)?(?: then)? )nothing (?:loads|works|happens|opens|has synced|syncs|comes through|comes in|goes out|gets through|shows up|arrives|arrived|is coming in|is arriving|reaches)`,
  // A flow that stopped: "emails stopped turning into tickets", "orders have stopped coming in".
  `(?:stopped|have stopped|has stopped|stop) (?:\\p{L}+ )?(?!using|paying|asking|caring|bothering|trying|charging|billing)\\p{L}+ing(?: into| in| through| up| out)?`,
  `(?:lakka|lakan)\\p{L}* (?:\\p{L}+ )?(?:siirtämästä|toimimasta|toimimaan|latautumasta|tulemasta|synkronoitumasta|vastaamasta)`,
  // A count that fell to nothing: "zero new tickets in 7 hours", "0 chats since 6am".
  `(?:zero|no|0) (?:new |incoming |inbound )?(?:tickets|e-?mails|messages|chats|calls|orders|conversations|requests|leads)(?: \\p{L}+){0,2} (?:in|since|for|over|during) (?:the )?(?:\\d+|last|past|this|an?|two|three|four|five|six|several|hours|morning|then|yesterday|midnight|lunch|noon|opening)`,
  `stuck (?:on|at|in) (?:the )?(?:loading|splash|login|sign-in)`,
  // An HTTP status, not an amount: "£8,400", "8 400 €", "400 users", "500 ms" and "AS/400" are no failure.
  `(?<!\\p{Sc}\\s?)(?<!\\d[,.\\s’'])(?<!/)(?<!(?:noin|about|around|approx\\.?|yli|over|under|alle|n\\.|ca\\.?|~) ?)[45]\\d\\d(?:s|-errors?)?(?![,.]\\d)(?!\\s?(?:\\p{Sc}|%|(?:users?|seats?|licen[cs]es?|people|persons|employees|staff|rows|records|items|orders|accounts|euros?|eur|usd|dollars?|pounds?|gbp|sek|nok|kr|ms|kb|mb|gb|days?|hours?|minutes?|words|pages|käyttäj\\p{L}*|henke\\p{L}*|euro\\p{L}*|riviä|tilau\\p{L}*|kwh|kwp|kw|mwh|wh|kg|km|tonnes|m2|m²|m3|litres|liters)(?![\\p{L}])))`,
  `keeps? (?:loading|spinning|buffering|refreshing|timing out|crashing|failing)`,
  // "the app logs our techs out every 10 minutes", "keeps kicking us out".
  `logs? (?:\\p{L}+ ){0,3}out (?:every|constantly|repeatedly|all the time)`,
  `keeps? (?:logging|kicking|throwing) (?:\\p{L}+ ){0,2}out`,
  // Breadth and failure in one: "nobody in our team can sign in", "none of us can get in".
  `(?:nobody|no one|no-one|none of (?:us|them|our|the|my))(?: [\\p{L}\\p{N}(~][\\p{L}\\p{N},.'’()-]*){0,10} (?:can|could|is able to|are able to|(?:has|have|had) (?:been |even been )?able to|manages? to) (?!figure|find|understand|decide|remember|agree|tell|explain|work out)(?!(?:change|edit|update|add|manage|remove) (?:the |our |any )?(?:billing|settings|users?|admins?|permissions|roles|ownership|plan|subscription|integrations))\\p{L}+`,
  // Finnish: a negated verb of working, crashing, error words in any compound ("503-virheitä")
  `(?:ei|eivät|eikä) (?:\\p{L}+ )?(?:enää )?(?:käynnisty|pysty|toimi|lataudu|aukea|avaudu|vastaa|pääse|onnistu|latautu${OPEN}|näy|tulostu|synkkaa|synkkaudu|tallenna|tallennu${OPEN}|löydä|tunnista|lähde|lähety|valmistu)`,
  // "returns nothing for every patient", "0 liidiä viikonlopun kampanjasta"
  `(?:returns?|returning|shows?|showing) (?:nothing|no data|no results|zero results|0 results|an empty (?:list|page|state))`,
  `0 (?:liidiä|tilausta|tikettiä|viestiä|soittoa|kävijää|myyntiä)`,
  `(?:ei|eivät) (?:tunnu|näytä) (?:\\p{L}+ )?(?:toimivan|avautuvan|aukeavan|latautuvan|käynnistyvän|vastaavan|onnistuvan)`,
  `(?:poissa|pois) käytöstä`,
  `(?:ei|eivät) (?:ole )?(?:käytettävissä|saatavilla|tavoitettavissa)`,
  // A flow that stopped: "sähköposteja ei ole tullut lainkaan", "tilauksia ei tule läpi".
  `(?:ei|eivät) (?:ole |oo )?(?:tullut|tullu|tulleet|saapunut|saapuneet|tule|tuu|saavu|välity|siirry|synkronoidu)(?: \\p{L}+)? (?:lainkaan|ollenkaan|yhtään|läpi|perille|enää)`,
  // Colloquial word order: "ettei yhtään sähköpostia oo tullut jonoon".
  `(?:ettei|ei) yhtään (?:\\p{L}+ ){0,2}(?:ole |oo )?(?:tullut|tullu|saapunut|tullu)`,
  `kaatu${OPEN}`,
  `epäonnistu${OPEN}`,
  `kaatui`,
  // Not "keräilyvirheet on jo selvästi vähentyneet": errors that went down are good news.
  // Not "pyöristysvirhe" or "kirjoitusvirhe": a wrong figure or a typo is a bug, however wide.
  `(?!(?:pyöristys|kirjoitus|näppäily|kirjaus|laskenta|laskutus|käännös|oikeinkirjoitus|muotoilu)virhe)\\p{L}*virhe${OPEN}(?!(?: \\p{L}+){0,3} (?:vähentyneet|vähentynyt|vähenivät|laskeneet|laskenut|poistuneet))`,
  `aikakatkai${OPEN}`,
  `jumi${OPEN}`,
  `jää (?:jumiin|latautumaan|lataus${OPEN}|tyhjäksi)`,
  `saavuttamattom${OPEN}`,
  `(?:tyhjä|valkoinen|tyhjän|valkoisen|tyhjää|valkoista|pelkkää valkoista|pelkkää tyhjää) (?:sivu|ruutu|näkymä)${OPEN}`,
  // "our app users are getting nothing", "push notifications haven't gone out since 6am"
  `(?:getting|receiving|get|receive) nothing`,
  `(?:returning|returns?) (?:empty (?:arrays?|responses?|results?|lists?)|nothing but (?:zeros?|errors?))`,
  `(?:all )?showing zero`,
  // "proof emails haven't been going out since 3pm", "haven't been turning into tickets"
  `(?:haven't|have not|hasn't|has not|aren't|are not|isn't|is not) (?:been )?(?:going out|gone out|turning into|coming into|coming in|coming through|getting through|arriving|syncing|flowing)`,
  `(?:nobody|no one)(?: [\\p{L}\\p{N}'’-]+){0,5} (?:is|are) (?:getting|receiving|seeing) (?:anything|them|it)`,
  `(?:aren't|are not|isn't|is not|haven't been|have not been) being (?:generated|created|sent|saved|processed|delivered|synced|imported|issued)`,
  `(?:is|are|has been|have been) (?:invisible|missing|gone) (?:on|from) the (?:map|dashboard|list|screen|board)`,
  // "we are not receiving any new reservations", "none of today's payouts have gone out"
  `(?:not|aren't|are not|isn't|is not|haven't been|have not been|stopped) (?:receiving|getting) (?:any|new)`,
  `(?:hasn't|haven't|has not|have not) (?:received|got|gotten) any`,
  // "the fire roll-call list on the reception tablets is empty"
  `(?:list|page|screen|dashboard|report|board|feed|queue|inbox)(?: (?:on|in) (?:the |our )?(?:[\\p{L}-]+ ){0,2}[\\p{L}-]+)? (?:is|are|shows?|comes up) (?:completely |totally )?(?:empty|blank)`,
  `none of (?:[\\p{L}\\p{N}'’]+ ){1,10}(?:have|has) (?:gone out|been sent|been paid|been received|arrived|come through|come in|reached|printed|reported|synced|updated)`,
  // "POS is taking 40-60 seconds per tap"
  `taking \\d+\\+?(?:[-–]\\d+)? ?(?:seconds|secs|minutes|mins) (?:per|for (?:each|every)) (?:tap|click|order|scan|page|item|search|transaction|ticket|badge|check-?in|sale|payment|receipt)`,
  `(?:getting|receiving) (?:an? |the )?(?:[\\p{L}-]+ )?(?:e-?mails?|sms|texts?|letters?|messages?) addressed to (?:the wrong|someone else|another|[\\u0022\\u2018\\u201C\\u0027]?dear \\p{Lu}\\p{L}*)`,
  `(?:can't|cant|cannot|can not|unable to) (?:clock|check|punch) ?in`,
  // "none of our 61 vans seem to have reported a position since 02:00"
  `none of (?:our|the|my) (?:[\\p{L}\\p{N}]+ ){0,3}(?:seems? to )?(?:have|has|are|is) (?:reported|sent|synced|updated|connected|arrived|come through|working|online|responding)`,
  `(?:haven't|have not|hasn't|has not) (?:gone out|been sent|arrived|come through)`,
  `none of (?:our|the|my) (?:[\\p{L}\\p{N}-]+ ){0,3}(?:work|load|open|send|sync|go through|arrive)(?=[\\s,.;:—–-])`,
  // "none of our purchase orders seem to be reaching suppliers"
  `none of (?:our|the|my) (?:[\\p{L}\\p{N}]+ ){0,3}(?:seems? to be|are|is) (?:reaching|getting through|arriving|going out|coming through|being sent|being delivered)`,
  `alhaalla`,
  `nurin`,
];

const BREADTH_PARTS = [
  // English: who is affected
  `every(?:one|body)(?: here| else)?`,
  `(?:for )?any(?:one|body)`,
  `none of (?:our|the|my) (?:[\\p{L}\\p{N}][\\p{L}\\p{N},.]* ){0,2}\\p{L}+`,
  `all of us`,
  // "we've checked 30 of the 140 stores … it's the same everywhere"
  `(?:the )?same (?:thing )?everywhere`,
  `all (?:the )?(?:players|screens|displays|kiosks|tills|tablets) in (?:our|all|every)`,
  // "Koskee kaikkia meidän käyttäjiä"
  `kaikk\\p{L}* (?:meidän |meiän |meijän )?(?:käyttäj|työntekij|asiakka|agent|toimipist|myymä|tehta)${OPEN}`,
  `none of us`,
  `(?:nobody|no one|no-one)(?! who)`,
  `the rest of (?:the|our|my) (?:team|office|company|staff)`,
  `all (?:of )?(?:our |the |my )?(?:\\d+ )?(?:[\\p{L}-]+ )?(?:users|agents|staff|employees|colleagues|customers|visitors|stores|offices|sites|teams|people|requests|calls|pages|orders|devices|browsers|clinics|practices|branches|locations|schools|hospitals|depots|venues|properties|warehouses|restaurants|libraries|surgeries|vans|vehicles|trucks|lorries|buses|machines|chargers|drivers|routes|terminals|printers|coordinators|nurses|technicians|techs|servers)`,
  // "can't log in from any machine here, colleagues in the other office same"
  `(?:from|on) any (?:machine|computer|device|pc|laptop|browser|workstation)`,
  `(?:colleagues|everyone|people|staff) (?:in|at) (?:the )?other (?:office|site|branch|building)s? (?:same|too|as well|also)`,
  `(?:whole|entire) (?:\\p{L}+ )?(?:team|company|office|floor|organi[sz]ation|org|staff|department|site|platform|system|app|service|workspace|(?:call |contact |service )?cent(?:re|er)|branch|warehouse|shift|region|store|clinic|newsroom|kitchen|fleet|school|hospital|ward|practice|studio|agency|firm|restaurant|plant|factory)`,
  `every (?:single )?(?:\\p{L}+ )?(?:user|agent|page|request|call|browser|device|customer|visitor|order|endpoint|screen|store|office|one of|patient|doctor|nurse|employee|member|student|teacher|client|driver|technician|branch|location|site|account|terminal|till|register|tablet|scanner|supporter|donor|recipient|subscriber|manager|colleague|clinic|practice|vet|pharmacist|receptionist|dispatcher|cashier|foreman|engineer|worker|shop|restaurant|warehouse|depot)`,
  `(?:all|every one of|each of) (?:our |the |my )?(?:two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+) (?:\\p{Lu}\\p{L}+ )?(?:sites|stores|shops|restaurants|locations|branches|offices|clinics|warehouses|venues|practices|depots|schools|hospitals|pharmacies)`,
  `in the (?:whole |entire )?(?:company|organi[sz]ation|business|group)`,
  // "40% of our requests are failing", "every tenant on our platform", "all endpoints"
  `\\d+ ?% of (?:our |all |the )?(?:requests|calls|orders|users|customers|payments|transactions|checkouts|logins|api calls)`,
  `every (?:single )?(?:tenant|merchant|entrance|gate|venue|endpoint|region|shop|property|building)`,
  `all (?:of )?(?:our |the )?(?:two|three|four|five|six|\\d+ )?(?:tenants|merchants|entrances|gates|endpoints|regions|properties|buildings)`,
  `all \\d+ of (?:our|the|my) (?:\\p{L}+ )?(?:sites|stores|shops|restaurants|locations|branches|offices|clinics|warehouses|venues|properties)`,
  `both (?:sites|stores|shops|restaurants|locations|branches|offices|clinics|warehouses|venues)`,
  `across the (?:board|company|organi[sz]ation)`,
  // "Both floors, 58 residents."
  `(?:both|all) (?:floors|wards|units|buildings|wings)`,
  `across (?:\\d+|all|every one of) (?:our )?(?:clients|customers|sites|tenants|stores|offices)`,
  `(?:in )?production`,
  `prod`,
  `(?:our |the )?live (?:site|system|environment|store)`,
  // Finnish
  `kaikilla`,
  `kaikille`,
  `kenelläkään`,
  // "in none of our stores", "missään myymälässämme": nowhere is breadth too.
  `missään`,
  `(?:for )?(?:any|none) of our (?:[\\p{L}\\p{N}]+ )?(?:stores|shops|offices|sites|branches|locations|clinics|warehouses|clients|customers|users|accounts|teams|agents|patients)`,
  `kaik\\p{L}* \\d+ (?:myymälä|toimipist|kauppa|kaupa|varasto|asiakka|käyttäjä|koulu)\\p{L}*`,
  `yhde(?:llä|lle|ssä|stä)kään`,
  `(?:zero|no|0) (?:new |incoming |inbound )?(?:tickets|e-?mails|messages|chats|calls|orders|conversations|requests|leads)(?: \\p{L}+){0,2} (?:in|since|for|over|during) (?:the )?(?:\\d+|last|past|this|an?|two|three|four|five|six|several|hours|morning|then|yesterday|midnight|lunch|noon|opening)`,
  // The usual volume next to a stopped flow: "normally hundreds a day", "yleensä satoja".
  `(?:normaalisti|yleensä|tavallisesti|usually|normally)(?: \\p{L}+){0,3} (?:satoja|tuhansia|kymmeniä|\\d{2,}|hundreds|thousands|dozens)`,
  // "The last one that came through was at 07:12": the moment a flow stopped.
  `the last one (?:that )?came (?:through|in) (?:was )?at`,
  `kaikissa`,
  `kenellekään`,
  `kukaan`,
  `ketään`,
  `yksikään`,
  // "koko tiimi", not "koko ajan" (all the time) or "koko arkisto" (the whole archive, a thing).
  `koko (?!\\p{L}+ ajan)(?!\\p{L}+ tasolla)(?!ajan|aja|päivä|viiko|yön|aamu|illa|kuuka|vuode|ikä|arkisto|historia|aineisto|vuosi|vuoden|tietokanta|lista|raportti|tiedosto|hakemisto|sivusto|sivu)\\p{L}+`,
  // Not "one of our drivers": one person is no breadth.
  `(?<!(?:one|some|a few|two|several) of )(?:our|all our) (?:app |mobile |web )?(?:users|subscribers|readers|members|riders|drivers|couriers|listeners|viewers)`,
  `kaikki (?:\\p{L}+-)?(?:käyttäj|kutsu|sivu|pyyn|asiakka|agent|työntekij|toimipist|myymä|tilauks)${OPEN}`,
  `tuotanto${OPEN}`,
  `tuotannossa`,
];

const IMPACT_PARTS = [
  `(?:can't|cannot|can not|unable to|not able to) (?:work|pay|order|checkout|check out|take orders|process|ship|serve|sell|do our jobs?|do anything)`,
  // "so the admin team can't reconcile anything", "they can't attach anything to client files"
  `(?:can't|cannot|can not|unable to|not able to) (?:[\\p{L}-]+ )?anything`,
  `customers (?:can't|cannot|can not|are unable|aren't able|are not able)`,
  `(?:orders|tickets|calls|requests) (?:are )?(?:piling up|stacking up|lost)`,
  `losing (?:money|sales|orders|revenue|customers)`,
  `(?:phones|phone lines) (?:are )?ringing`,
  `(?:is |are )?(?:sitting )?idle`,
  `(?:all |everyone |every \\p{L}+ )?(?:affected|impacted)`,
  `(?:complete |total )?standstill`,
  `emme (?:pysty|voi) (?:palvelemaan|työskentelemään|tekemään|myymään|ottamaan)${OPEN}`,
  `asiakkaa(?:mme|t) eivät`,
  `(?:our )?customers (?:are )?(?:writing|calling|emailing|e-mailing|messaging|ringing|waiting|complaining|chasing|wondering|asking why|hearing nothing|getting no (?:reply|answer|response))`,
  `asiakkaa(?:mme|t) (?:ihmettel|valitta|odotta|soitt|kysel|kysy|jonott)${OPEN}`,
  `(?:asiakkaiden|asiakkaidemme) (?:viestit|sähköpostit|tiketit) (?:menee|menevät|jää|jäävät) (?:\\p{L}+ )?(?:ohi|hukkaan|vastaamatta)`,
  `customers (?:are )?(?:telling us|saying|reporting)`,
  `(?:standing|waiting|stuck) at (?:customer|client) (?:sites|premises|locations)`,
  `seiso(?:o|vat)`,
  // "osa asiakkaista lähtee tyhjin käsin", "customers are walking out", "queues at the tills".
  `(?:asiakkaat|asiakkaista (?:osa )?|osa asiakkaista )lähte${OPEN} tyhjin käsin`,
  `customers (?:are )?(?:leaving|walking out|walking away)`,
  `kassoilla (?:on )?(?:pitkä )?jono${OPEN}`,
  `queues? at the (?:tills|checkouts?|counters?|front desk)`,
  `queues? (?:are |is )?(?:round|around|out|outside|out of) (?:the )?(?:building|door|block|venue|shop|store)`,
  `(?:impacting|affecting) (?:every|all|our (?:whole|entire))`,
  `(?:rekat|autot|asiakkaat|ihmiset|potilaat|kuljettajat) (?:on |ovat )?jonossa`,
  `doing everything (?:over the phone|by phone|by hand|manually|on paper)`,
  `running (?:everything|it all|the \\p{L}+) on paper`,
  `(?:gone|went|going|had to go) back to (?:a |the )?paper`,
  `phone lines (?:are )?(?:melting|jammed|going crazy|ringing off the hook)`,
  // "writing labels by hand", "working off printed day lists", "print everything off like it's 1998"
  `(?:writing|doing|filling in|filling out|recording|taking|logging|booking) (?:\\p{L}+ ){0,2}(?:by hand|on paper|manually)`,
  `working (?:off|from) (?:paper|printed|printouts)`,
  `print everything (?:off|out)`,
  `(?:retyping|re-entering|re-typing|typing) (?:everything|all orders|every order|it all) (?:by hand|manually)`,
  `\\d+ (?:people|staff|agents|nurses|drivers|employees) (?:on shift|working) right now`,
  // "20 agenttia tyhjän panttina jo 40 min": staff idle, the Finnish idiom.
  `tyhjän panttina`,
  `toimettom\\p{L}*`,
  `(?:sitting|sat) (?:around )?(?:idle|doing nothing)`,
  `pysähdyksissä`,
  `pysähty${OPEN}`,
  // Work redone by hand because of the failure: "retype values into the clinical notes".
  `(?:retyp|re-typ|re-?enter)\\p{L}* (?:\\p{L}+ ){0,4}(?:by hand|manually|separately|into)`,
  `log(?:ging)? into \\p{L}+ separately`,
  `slowing (?:every|each|all) (?:\\p{L}+ ){0,2}down`,
  `(?:eikä|ei) (?:\\p{L}+ )?(?:tilausta|tilauksia|kauppaa|maksua) (?:\\p{L}+ )?(?:voi|pysty|saa) (?:\\p{L}+ )?(?:viedä|tehdä|vietyä|tehtyä) (?:loppuun|läpi)`,
  `(?:asiakkaita|asiakkaat) odotta${OPEN}`,
  `(?:osa )?asiakkaista (?:on )?(?:jo )?(?:soittanut|soittaneet|valittanut|kysellyt)`,
];

/**
 * Slowness that stops work but is no outage: "very slow since Monday", "takes 4–6 minutes instead
 * of 20 seconds", "ääni ja video pätkii". Only the scoped blocker reads these: with an impact they
 * block a team (P2); with breadth alone they are still a performance problem, not an incident.
 */
const SLOWDOWN_PARTS = [
  `(?:very|extremely|painfully|really|so|super|unbearably|incredibly|terribly|horribly|unusably) slow(?:ly)?`,
  `(?:now )?takes? (?:over |more than |about |around |up to )?\\d+(?:[-–]\\d+)? ?(?:minutes|mins|hours)(?: \\p{L}+){0,4} (?:instead of|rather than|compared to|where it used to|when it used to)`,
  `(?:now )?(?:takes?|taking|took) (?:over|more than) \\d+ ?(?:minutes|mins|hours)`,
  `pätki${OPEN}`,
  `tökki${OPEN}`,
  `takkua${OPEN}`,
  `(?:todella|tosi|erittäin|hirveän|älyttömän|järkyttävän|tuskallisen|aivan) hita${OPEN}`,
];

/**
 * What makes a local failure a blocker without being an outage's impact: a deadline it meets
 * ("month-end is Thursday", "Talous tarvitsee sen kuun vaihteessa"), a flood of complaints ("we've
 * had ~40 emails about it"), people waiting, work done around it ("borrowing colleagues'
 * phones"). Read only by the scoped blocker: none of these makes
 * a failure an outage.
 */
const BLOCKER_IMPACT_PARTS = [
  // "We've had to go back to our old spreadsheet this week": the tool abandoned for the old way.
  `(?:had to|have to|having to) go back to (?:our |the |a )?(?:old |trusty )?(?:spreadsheets?|excel|paper|pen and paper|whiteboards?)`,
  // "Koko aamuvuoro (6 hlö) tekee nyt kaiken paperilla"
  `(?:tekee|tekevät|tehdään|hoitaa|hoidetaan) (?:nyt )?(?:kaiken |kaikki |kaikkea )?paperilla`,
  `month-?end(?: close)? is (?:on )?(?:today|tomorrow|\\p{L}+day|this week|next week|in \\p{L}+ days)`,
  `(?:payroll|billing|invoicing|invoice run|filing|submission)(?: run)? (?:cut-?off|deadline) is`,
  `needs? (?:it|them|this|these) (?:daily|every day|every morning|today|for (?:month-?end|payroll|the audit|reconciliation))`,
  `(?:\\p{L}+ )?week (?:started|starts|begins|began) (?:yesterday|today|tomorrow|on \\p{L}+day)`,
  `tarvit${OPEN} (?:\\p{L}+ ){0,3}kuu(?:kauden|n) (?:vaihteessa|lopussa|loppuun)`,
  `(?:we['’]ve|we have|we['’]ve already|we have already|already) (?:had|received|got|gotten) (?:~|about |around |over |more than |nearly |almost )?\\d+\\+? (?:e-?mails|calls|complaints|tickets|messages|phone calls)`,
  `(?:our )?(?:clients|borrowers|patients|students|members|guests|passengers|parents|residents|shoppers|buyers|applicants|callers|learners|carers) (?:are )?(?:waiting|complaining|calling|chasing|emailing|ringing|stuck)`,
  // People who cannot see their day's work: "They can't see any of next week's visits".
  `(?:can't|cannot|can not|unable to|not able to) (?:see|access|open|get to) (?:any of )?(?:their|the|our|next week['’]s|this week['’]s|today['’]s|tomorrow['’]s) (?:\\p{L}+ )?(?:visits|shifts|rotas?|schedules?|appointments|jobs|runs|routes|rounds|bookings|lessons|classes|timetables?)`,
  `(?:having|have|had) to (?:borrow|share|use) (?:[\\p{L}'’]+ ){0,2}(?:phones?|devices?|laptops?|computers?|tablets?|logins?|accounts?)`,
  `\\p{L}*(?:opiskelijat|oppilaat|potilaat|käyttäjät|kuljettajat|asukkaat|vieraat|huoltajat|vanhemmat) (?:ihmettel|valitta|odotta|soitt|kysel|kysy|jonott)${OPEN}`,
  // "150 motor claims are sat waiting", "the team is having to key them manually"
  `(?:are |is )?(?:sat|sitting|stuck) waiting`,
  `having to (?:[\\p{L}'’]+ ){1,6}(?:manually|by hand|on paper)`,
  `(?:really |badly |seriously )?slowing down (?:\\p{L}+ ){0,2}(?:check-?ins|orders|deliveries|dispatch|the (?:\\p{L}+ )?(?:team|desk|line|queue))`,
  `(?:dozens|hundreds|lots) of (?:complaints|calls|e-?mails|tickets)`,
  // "Payday is tomorrow - if it doesn't finish soon we miss the BACS window"
  `(?:payday|pay ?day|payroll|go-live|launch|month-?end|the deadline) is (?:today|tomorrow|on \\p{L}+day|in \\p{L}+ (?:hours|days))`,
  `miss (?:the|our) (?:[\\p{L}-]+ )?(?:window|deadline|cut-?off|payment run)`,
  // "They're sitting here with no way to record hours", "two days of induction without system access"
  `(?:sitting|sat) (?:here |there )?with no way to`,
  // "ticking keg numbers off on paper and re-keying everything at night", "Porukka kirjaa nyt paperille"
  `(?:writing|ticking|noting|recording|logging|doing)(?: [\\p{L}'’-]+){0,4} (?:off )?on paper`,
  `re-?keying`,
  // "taking bookings over the phone and writing them into a spreadsheet", "going round with master keys"
  `(?:taking|logging|recording) (?:\\p{L}+ ){0,2}(?:over|by) (?:the )?phone`,
  `(?:writing|typing|putting) (?:them |it |everything )?into a spreadsheet`,
  `going (?:round|around) with (?:master )?keys`,
  // "päivystys vaatii nyt raportin paperilla joka potilaasta"
  `(?:vaatii|vaativat|tehdään|kirjataan|täytetään)(?: \\p{L}+){0,3} paperilla`,
  `(?:kirjaa|kirjaavat|kirjoittaa|kirjoittavat|merkitään|kirjataan)(?: \\p{L}+){0,2} paperille`,
  `without (?:any )?(?:system )?access`,
  // "Nyt kirjotetaan sopimukset käsin", "mä luen osoitteita puhelimessa", "asiakkaat joutuu oottaa"
  `(?:kirjoitetaan|kirjotetaan|tehdään|täytetään) (?:\\p{L}+ ){0,2}käsin`,
  `(?:luen|luetaan|sanelen|soitellaan) (?:\\p{L}+ ){0,2}puhelimessa`,
  `(?:asiakkaat|kuljettajat|teknikot|kaikki) (?:joutuu|joutuvat) (?:odottaa|oottaa|odottamaan|jonottamaan)`,
];

const either = (parts: readonly string[]) => apostropheTolerant(`${W}(?:${parts.join('|')})${E}`, 'giu');
const FAILURE = either(FAILURE_PARTS);
const BREADTH = either(BREADTH_PARTS);
const IMPACT = either(IMPACT_PARTS);
const SLOWDOWN = either(SLOWDOWN_PARTS);
/**
 * "Koko Oulun tiimi ei näe tämän viikon reittejä": people who cannot see their work are blocked,
 * though alone it does not make an outage ("asentajat ei näe puolia kohteista").
 */
const CANNOT_SEE = either(['(?:ei|eivät) (?:\\p{L}+ )?näe']);
const BLOCKER_IMPACT = either([...IMPACT_PARTS, ...BLOCKER_IMPACT_PARTS]);

/** The customer says it is only them: one user's problem, not an outage. */
const LOCAL_ONLY = apostropheTolerant(
  `${W}(?:only (?:me|for me|my|on my|one user|one of)|(?<!(?:probably|maybe|prob|might be|could be) )just (?:me|for me|my|on my)(?!,? but)|(?:on|for) (?:my|one) (?:[\\p{L}-]+ ){0,2}(?:device|ipad|iphone|phone|laptop|computer|machine|browser|mac|pc|user|account)|every(?:one|body) else|the others are|others are fine|others (?:get|receive|see) (?:them|it|theirs) fine|(?:colleagues|rest of the team) (?:are|is) fine|works for (?:everyone|others|my colleagues)|muilla (?:toimii|käyttäjillä toimii)|muilla (?:\\p{L}+ )?(?:toimii|toimivat|ok)|muissa (?:\\p{L}+ )?(?:toimii|toimivat|ok|kunnossa)|(?:the )?other (?:sites|clinics|branches|stores|offices|locations|practices|depots|properties|hotels|restaurants|schools|libraries|teams|departments|units|warehouses|surgeries) (?:look|are|seem|work)(?: to be)?(?: \\p{L}+)? (?:fine|ok|okay|normal|unaffected)|vain (?:minulla|minun|yhdellä))${E}`,
  'iu',
);

/**
 * A negator right before the failure: "no errors", "not failing", "ei virheitä". An intermittent
 * failure ("sometimes times out", "välillä kaatuu") is a bug to look at, not an outage either.
 */
const NEGATED_BEFORE =
  /(?<![\p{L}\p{N}])(?:no|not|never|nothing|without|zero|ilman|ei|eikä|mitään|sometimes|occasionally|intermittently|now and then|once in a while|joskus|välillä|satunnaisesti)\s+(?:\p{L}+\s+)?$/iu;

/** A failure only supposed or wished for: "we want every user to get an error if …". */
const SUPPOSED_BEFORE =
  /(?<![\p{L}])(?:if|unless|in case|want|wants|would like|'d like|should|jos|mikäli|haluamme|haluaisimme)(?![\p{L}])/iu;

/** Talk about a past incident (a post-mortem, an incident report) reports no current one. */
const RETROSPECTIVE =
  /(?<![\p{L}])(?:post-?mortem|incident report|root cause|rca|write-?up|documented|juurisy\p{L}*|häiriöraport\p{L}*|jälkiselvity\p{L}*)(?![\p{L}])/iu;

/** A question about how things work ("Does the webhook retry if we return a 500?") is no report. */
const HOW_QUESTION =
  /^(?:does|do|did|how|what|which|when|where|why|can|could|would|will|should|is there|are there|if|miten|mitä|mikä|kuinka|voiko|voisiko|pitääkö|jos|onko mahdollista)(?![\p{L}])/iu;

/** "No one is locked out", "nobody was affected": the breadth word reassures, it reports nothing. */
const REASSURANCE =
  /^(?:(?:nobody|no one|no-one|none of us|kukaan|ketään)(?: (?:else|here|of us))? (?:is|was|has been|have been|will be|got|gets|seems|ei ole|ei ollut|ei ole ollut)(?: (?:\p{L}+))? (?:locked out|affected|impacted|blocked|stuck|down|harmed|complaining|noticed|lukossa|ulkona|jumissa|kärsinyt|huomannut)|(?:nobody|no one)(?: else)? (?:had |has |have )?(?:complained|noticed|reported|minded|mentioned))(?![\p{L}])/iu;

/** Breadth words that a negator before them would turn around. */
const AFFIRMATIVE_BREADTH = /^(?:every|all|whole|entire|across|koko|kaik)/iu;

export interface ComposedOutage {
  /** The customer's failure words, verbatim. */
  phrase: string;
  start: number;
}

export interface OutageEvidence {
  /**
   * The message holds a pasted log or trace that reports a failure (`pastedFailure` in
   * floor-machine-text.ts). It stands in for the failure predicate the customer did not write
   * ("Getting this on every request: ```ECONNREFUSED…```").
   */
  pastedFailure?: boolean;
}

/**
 * The first failure predicate backed by a breadth or impact cue anywhere in the message. Without
 * a failure in the customer's words, a pasted failing trace counts as one; the phrase is then the
 * customer's breadth or impact words.
 */
export function findComposedOutage(text: string, evidence: OutageEvidence = {}): ComposedOutage | null {
  if (LOCAL_ONLY.test(text)) return null;
  const failures = reportedFailures(text);
  if (failures.length === 0 && !evidence.pastedFailure) return null;
  const apartFromFailures = (match: RegExpExecArray) =>
    evidence.pastedFailure === true || failures.some((failure) => apart(failure, match));
  const impacts = [...text.matchAll(IMPACT)].filter(apartFromFailures);
  const backing = [...text.matchAll(BREADTH), ...impacts].find(
    (match) =>
      (failures.length > 0 || isReported(text, match.index)) &&
      (failures.length === 0 || failures.some((failure) => near(failure.index, match.index))) &&
      !REASSURANCE.test(text.slice(match.index, match.index + 60)) &&
      !isDesiredState(text, match.index) &&
      // "not everyone", "ei koko tiimillä"; "nobody" and "kukaan" carry their own negation.
      !(
        AFFIRMATIVE_BREADTH.test(match[0]) &&
        NEGATED_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))
      ),
  );
  if (!backing) return null;
  const first = failures[0] ?? backing;
  return { phrase: first[0], start: first.index };
}

/**
 * A failure that stops real work but not everywhere: "none of the 6 hygienists at the Bristol
 * clinic can log in … everyone else is fine. They are working off printed day lists." The scope
 * rules out an outage; the failure and its impact together still block a team (P2).
 */
export function findScopedBlocker(text: string): ComposedOutage | null {
  const failures = [
    ...reportedFailures(text),
    ...reported(text, SLOWDOWN),
    ...reported(text, CANNOT_SEE),
  ].sort((a, b) => a.index - b.index);
  if (failures.length === 0) return null;
  const impact = [...text.matchAll(BLOCKER_IMPACT)].find(
    (match) =>
      isReported(text, match.index) &&
      !REASSURANCE.test(text.slice(match.index, match.index + 60)) &&
      failures.some((failure) => near(failure.index, match.index) && apart(failure, match)),
  );
  if (!impact) return null;
  const first = failures[0]!;
  return { phrase: first[0], start: first.index };
}

/** Failure predicates the customer reports, outside test environments. */
function reportedFailures(text: string): RegExpExecArray[] {
  return reported(text, FAILURE);
}

function reported(text: string, parts: RegExp): RegExpExecArray[] {
  return [...text.matchAll(parts)].filter(
    (match) => isReported(text, match.index) && !isNonProduction(text, match.index),
  );
}

/** Impact words can be failure words too ("can't process"): one phrase is not both halves. */
function apart(failure: RegExpExecArray, match: RegExpExecArray): boolean {
  return failure.index >= match.index + match[0].length || failure.index + failure[0].length <= match.index;
}

/**
 * Characters between a failure and its breadth or impact. Both halves of an outage sit in the
 * same few sentences; a long email that mentions an "error" in its third paragraph and "production
 * data" in its first tells of two things, not one outage.
 */
const NEAR = 300;

function near(failureAt: number, backingAt: number): boolean {
  return Math.abs(failureAt - backingAt) <= NEAR;
}

/**
 * "Not sure if this is related, but …" hedges, and politeness around a report ("I don't want to
 * cause a fuss, but …"); neither supposes anything.
 */
const HEDGED_IF =
  /(?<![\p{L}])(?:(?:just |only )?in case(?: you (?:don['’]t|do not|haven['’]t) (?:know|seen it|heard))?\s*[:,—–-]|(?:don['’]t|do not|didn['’]t|wouldn['’]t) want to (?:cause|make|create|kick up) (?:a |any )?(?:fuss|drama|panic|alarm|trouble)|(?:not sure|unsure|no idea|don['’]t know|do not know|wonder(?:ing)?|en tiedä|en ole varma)(?: \p{L}+)? (?:if|whether|onko|liittyykö)|(?:if|jos) (?:someone|anyone|you|somebody|joku|jollakulla|teillä|sinulla)(?: \p{L}+)? (?:gets?|has|have|ehtii|ehditte|on aikaa)(?: (?:a|the))?(?: (?:chance|moment|time|minute))?)(?![\p{L}])/giu;

/** A failure the customer reports, not one they negate, ask about in general or want to prevent. */
function isReported(text: string, at: number): boolean {
  if (
    NEGATED_BEFORE.test(text.slice(Math.max(0, at - 30), at)) &&
    !/^(?:ei|eivät|eikä)\s/iu.test(text.slice(at))
  )
    return false;
  if (isDesiredState(text, at)) return false;
  const sentence = sentenceAround(text, at);
  if (SUPPOSED_BEFORE.test(text.slice(sentence.start, at).replace(HEDGED_IF, ''))) return false;
  if (isRetrospective(text, at)) return false;
  return !isGeneralQuestion(text, at);
}

/** Whether the sentence holding `at` looks back at an incident rather than reporting one. */
export function isRetrospective(text: string, at: number): boolean {
  return RETROSPECTIVE.test(sentenceAround(text, at).text);
}

const NON_PRODUCTION = new RegExp(NON_PRODUCTION_PLACE, 'iu');

/** Whether the sentence holding `at` supposes the failure ("if", "in case", "what happens when"). */
export function isSupposed(text: string, at: number): boolean {
  const sentence = sentenceAround(text, at);
  return (
    SUPPOSED_BEFORE.test(text.slice(sentence.start, at)) ||
    /(?<![\p{L}])(?:hypothetical(?:ly)?|what happens|what would happen|mitä tapahtuu|entä jos)(?![\p{L}])/iu.test(
      sentence.text,
    )
  );
}

/** Whether the text names a test, staging, sandbox or demo environment anywhere. */
export function mentionsNonProduction(text: string): boolean {
  return NON_PRODUCTION.test(text);
}

/** Whether the sentence holding `at` is about a test, staging or sandbox environment. */
export function isNonProduction(text: string, at: number): boolean {
  if (NON_PRODUCTION.test(sentenceAround(text, at).text)) return true;
  // "getting 502 on every page … (production is fine, just the sandbox)".
  return PRODUCTION_FINE.test(text) && NON_PRODUCTION.test(text);
}

const PRODUCTION_FINE =
  /(?<![\p{L}])(?:(?:production|prod|live)(?: \p{L}+)? (?:is|works|seems|looks) (?:fine|ok|okay|good|unaffected|working)|(?:just|only) (?:the |our )?(?:sandbox|staging|test)|tuotanto(?:\p{L}*)? (?:toimii|on kunnossa|ok)|tuotannossa (?:kaikki )?(?:ok|hyvin|toimii|kunnossa))(?![\p{L}])/iu;

/** Whether the sentence holding `at` asks how things work ("Does the SDK retry for everyone?"). */
export function isGeneralQuestion(text: string, at: number): boolean {
  const sentence = sentenceAround(text, at);
  return sentence.text.trimEnd().endsWith('?') && HOW_QUESTION.test(sentence.text.trimStart());
}
