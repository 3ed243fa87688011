"""Event triggers: cheap regular expressions that decide which sentences are worth the NLP stage.

Each trigger names the sub-type a rule would give. The learned classifier refines sub-types; the rules keep what
they do well (defections, explicit weapons, protests) and decide whether a sentence reports an event at all.
"""
from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _parser
from dataclasses import dataclass

__all__ = ["Trigger", "TRIGGERS", "find_triggers", "DEFECTION", "HYPOTHETICAL", "SUBTYPE_TO_TYPE"]

SUBTYPE_TO_TYPE = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

DEFECTION = "defection"
TERRITORY = "territory"  # resolved to Government regains / Non-state actor overtakes by actor1's kind


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    sub_event_type: str  # an ACLED sub-type, DEFECTION or TERRITORY
    strength: float  # 1.0: the rule's sub-type is trusted; lower: the classifier may override


# (pattern, sub-type, strength); patterns are matched case-insensitively unless they start with (?-i)
_RULES: list[tuple[str, str, float]] = [
    # defections
    (r"defect(?:ed|ing|ion|ions|ors?|s)?\b", DEFECTION, 1.0),
    (r"dissent(?:ed)? from (?:the|its|their) ranks|dissented\b", DEFECTION, 1.0),
    (r"desert(?:ed|ion|ions|ers?)\b(?! (?:area|region|road|town|village|city|camp))", DEFECTION, 0.9),
    (r"(?:left|quit|abandoned|broke away from|split from) (?:the|its|their) (?:group|ranks|organi[sz]ation|movement|faction)",
     DEFECTION, 1.0),
    (r"switch(?:ed|es)? sides|changed sides|switched allegiance", DEFECTION, 1.0),
    # territory
    (r"(?:re-?)?captur(?:ed|es|e)\b(?! (?:and|\d|a |an |two|three|several|members?|fighters?|soldiers?|men\b))", TERRITORY, 0.9),
    (r"(?:regain(?:ed|s)?|recaptur(?:ed|es)|retook|retake[ns]?|reclaim(?:ed|s)?|re-?took control|"
     r"(?:restor(?:ed|es|e)|re-?established) (?:full |their |its )?control)", TERRITORY, 0.9),
    (r"(?:took|take[ns]?|taking|seiz(?:ed|es)|gain(?:ed|s)?|assumed|wrested) (?:full |total |back )?control", TERRITORY, 0.9),
    (r"(?-i:liberat)(?:ed|es|ing)(?= (?:the |(?-i:[A-Z])))(?! the (?:people|country|nation|hostages?|prisoners?|captives?)\b)",
     TERRITORY, 0.9),
    (r"took over|overr(?:an|un)|stormed and seized|advanced (?:into|on)|seized (?:the )?(?:village|town|city|area|villages|positions?|hill|base)",
     TERRITORY, 0.8),
    # battles
    (r"clash(?:es|ed|ing)?\b|fighting\b|fought\b|firefights?\b|skirmish(?:es|ed)?\b|gunfights?\b|exchange(?:d)? (?:of )?fire",
     "Armed clash", 0.6),
    (r"ambush(?:ed|es)?\b|battl(?:es?|ed|ing)\b|attack(?:ed|s|ing)? (?:on )?(?:the |an? )?(?:(?:police|gendarmerie|army|military) )?(?:positions?|checkpoints?|posts?|bases?|convoys?|patrols?|barracks|troops|soldiers|forces|stations?|outposts?|camps?|gendarmerie)",
     "Armed clash", 0.6),
    (r"assault(?:ed|s)? on|offensive (?:on|against)|infiltrat(?:ed|ion|ions)|sniper|sniped|targeted (?:a|an|the) (?:\w+ )?(?:checkpoint|position|patrol|post|vehicle|convoy)",
     "Armed clash", 0.6),
    (r"(?:fight|fighting|violence|clashes?) (?:broke|erupted)|shot and (?:injured|wounded)|injur(?:ed|ing)|wound(?:ed|ing)|attack(?:ed|s|ing)?\b|target(?:ed|ing)\b|operation\b|opened fire|gunfire|shot\b|shooting",
     "Armed clash", 0.4),
    (r"(?:launched|resumed|began|started|renewed|intensified) (?:a |an |the |their |its )?(?:[\w-]+ ){0,3}?"
     r"(?:offensive|assault|counter-?attack|counter-?offensive)\b",
     "Armed clash", 0.6),
    (r"under attacks?\b|launched an attack|repelled|besieg(?:ed|ing)|storm(?:ed|ing)\b|raided|raids?\b|"
     r"counter-?attack(?:s|ed)?\b|counter-?offensives?\b", "Armed clash", 0.5),
    # small arms named as what was fired, with no heavy weapon: a firefight, not shelling ("fired PK machine guns at")
    (r"fired (?:(?!shells?\b|artillery|mortars?\b|rockets?\b|missiles?\b|tanks?\b)[\w.-]+ ){0,4}"
     r"(?:small arms|machine ?guns?|light weapons|(?:assault |sniper )?rifles?)\b", "Armed clash", 0.8),
    # remote violence
    (r"aerial (?:assault|attacks?|bombardments?|bombing|campaign|raids?|strikes?)|"
     r"(?:jets|aircraft|air ?forces?|aerospace forces|gunships?)\b[^.;]{0,60}?\b(?:struck|striking|bombed|bombing|"
     r"pounded|pounding|raided|raids|targeted|targeting|destroy(?:ed|s|ing)?)\b|"
     r"aerial bombs?|aerially dropped|vacuum bombs?|dropped (?:an? )?(?:[\w-]+ ){0,2}?bombs?\b", "Air/drone strike", 0.9),
    (r"air ?strikes?|air raids?|airstrik(?:e|es)|warplanes?|fighter jets?|bombed|bombings?\b|drone (?:strikes?|attacks?)|conducted (?:air )?strikes|carried out (?:air )?strikes|armed drones?|helicopters? (?:struck|fired|attacked|dropped)|barrel bombs?",
     "Air/drone strike", 0.9),
    (r"shell(?:ed|ing|s)\b|bombard(?:ed|ing|ments?)?\b|artillery|mortars?\b|rockets?\b|missiles?\b|multiple rocket launcher|grad\b|katyusha|grenade[\s-]+launchers?",
     "Shelling/artillery/missile attack", 0.8),
    (r"\bieds?\b|bomb attacks?|(?:twin|double) bomb(?:ings?|s)?\b|bombs? (?:targets?|targeted|hit|hits|struck)\b|improvised explosive|explosive devices?|landmines?|land mines?|mine (?:exploded|explosion|blast)|car bomb|vbied|bomb (?:exploded|explosion|blast|went off)|roadside bomb|explosions?\b|exploded|hit by an? (?:[\w-]+ )?mine|(?:anti-personnel|anti-tank|land) ?mines?|blast\b|detonat(?:ed|ion)",
     "Remote explosive/landmine/IED", 0.8),
    (r"suicide (?:bomb(?:er|ing|s)?|attack(?:er)?s?|vest|car bomb)|svbied|blew (?:himself|herself|themselves) up|detonated (?:himself|herself)",
     "Suicide bomb", 1.0),
    # a thrown grenade; a grenade launcher (AGS, RPG) fires at range, which ACLED codes as shelling
    (r"(?<!propelled )grenades?\b(?![\s-]+launchers?)", "Grenade", 0.9),
    (r"chemical (?:weapons?|attack|agents?)|chlorine|sarin|toxic gas", "Chemical weapon", 1.0),
    # protests and riots
    (r"protest(?:ed|s|ing|ers?)?\b|demonstrat(?:ed|ion|ions|ors?)\b|rall(?:y|ies|ied)\b|sit-ins?\b|march(?:ed)? (?:in|through|to|on)|picket(?:ed|s)?|vigils?\b|gathered (?:in|at|outside|near|to|in front)|press conference|blocked (?:the |a |traffic|roads?|access|highway)|occupied (?:the )?premises|sit ?in\b|went on strike|hunger strike|strik(?:e|es|ing) to demand|"
     # a labour strike, not "coalition strikes against Daesh": one gone on, of a length or kind, or staged
     r"(?:(?:been|went|go|going) on (?:an? )?|(?<![\w-])(?:day|hour|week|general|national|nationwide|indefinite|labou?r|workers['’]?|school|"
     r"protest-|hunger) )strike (?:over|against|for)\b|(?:held|staged|called|declared|joined|general) strikes (?:over|against|for)\b|"
     r"striking (?:over|against|for)\b",
     "Peaceful protest", 0.7),
    (r"tear ?gas|dispersed|rubber bullets|water cannons?|baton", "Protest with intervention", 0.8),
    (r"riot(?:s|ed|ers|ing)?\b|violent demonstration|pelted|stone[\s-]?pelting|threw (?:stones|rocks)|torched|set (?:on )?fire|"
     r"set (?:[\w-]+ ){0,2}(?:tyres|tires|barricades) on fire|burn(?:ed|t|ing) (?:tyres|tires)|vandali[sz]ed",
     "Violent demonstration", 0.7),
    (r"mob\b|lynch(?:ed|ing)?|vigilantes?", "Mob violence", 0.8),
    # violence against civilians
    (r"kill(?:ed|ing|s)\b|shot (?:dead|and killed)|gunned down|murder(?:ed|s)?\b|executed|execution|slain|stabbed|beheaded|body (?:of .{1,80}?)?(?:was|were )?found|bodies (?:of .{1,80}?)?(?:were )?found|burned alive|opened (?:small arms )?fire|shot at|shoot-?outs?|assassinat(?:ed|ion)",
     "Attack", 0.5),
    (r"beat(?:en|ing)?\b|tortur(?:ed|e)|assaulted|attacked (?:a|an|the|two|three|several) (?:civilian|man|woman|men|women|child|journalist|resident|villager|farmer|shepherd)s?",
     "Attack", 0.6),
    (r"abduct(?:ed|ion|s)?|kidnap(?:ped|ping|s)?|forcibly disappeared|disappearance|taken hostage|hostages?\b", "Abduction/forced disappearance", 0.9),
    (r"rap(?:ed|e)\b|sexual(?:ly)? (?:assault|violence|abuse)(?:ed)?", "Sexual violence", 1.0),
    # strategic developments
    (r"arrest(?:ed|s|ing)?\b|detain(?:ed|s)?\b|apprehend(?:ed)?|taken into custody|rounded up", "Arrests", 0.8),
    (r"loot(?:ed|ing)?\b|pillag(?:ed|ing)|demolish(?:ed|es)|bulldoz(?:ed|ing)|burn(?:ed|t) (?:down )?(?:houses|homes|shops)|confiscat(?:ed|ion)|destroyed (?:houses|homes|shops|crops|property|structures)|land seizure|property destruction",
     "Looting/property destruction", 0.7),
    # property ruined as a news lead tells it ("militants burned down a school", "looters ransacked warehouses"):
    # weaker than an attack named before it ("attacked the station ... ransacked and burned it" is the attack)
    (r"ransack(?:ed|ing)?\b|razed|burn(?:ed|t|ing) down|(?:burn(?:ed|t)|set fire to|torched) "
     r"(?:(?:dozens of|\w+) ){0,2}(?:houses?|homes?|huts?|shops?|stores?|"
     r"schools?|churche?s?|mosques?|markets?|warehouses?|granar(?:y|ies)|crops|fields|harvests?|vehicles?|cars?|trucks?|"
     r"motorbikes?|motorcycles?|buildings?|offices?|clinics?|hospitals?|property|properties)\b",
     "Looting/property destruction", 0.5),
    (r"seiz(?:ed|ure) (?:a |an |the )?(?:large )?(?:cache|weapons|arms|ammunition|explosives)|weapons? (?:cache|seizure)|defus(?:ed|ing)|dismantled (?:an? )?(?:ied|bomb|explosive)",
     "Disrupted weapons use", 0.9),
    (r"(?:establish(?:ed|es)?|set up|sets up|setting up) (?:a |an |new |several |two |three )*(?:military )?"
     r"(?:base|headquarters|outpost|checkpoint|post)s?", "Headquarters or base established", 0.9),
    (r"ceasefire|cease-fire|truce|peace (?:deal|agreement|talks)|signed (?:an? )?(?:agreement|deal|accord)|reconciliation (?:deal|agreement)|surrender(?:ed|s)?\b|prisoner (?:swap|exchange)|agreed to",
     "Agreement", 0.8),
    (r"withdr(?:ew|awn|awal) from|handed over|peacefully took control|pulled out of|evacuated (?:from )?(?:the )?(?:area|town|city|village|base|positions?)",
     "Non-violent transfer of territory", 0.6),
    (r"named (?:\w+ ){1,5}as (?:its|their|the) new|appointed (?:a |\w+ ){0,5}(?:new )?(?:leader|commander|spokesman|emir|chief)|new (?:leader|spokesman|emir|commander)\b|merg(?:ed|er)\b|severed ties|dissolved|deployed|reinforcements|convoy|recruit(?:ed|ment|ing)|formed a new|announced (?:its|the) formation|announced the (?:creation|establishment|dissolution) of|pledg(?:ed|es|ing) (?:its |their |his )?allegiance",
     "Change to group/activity", 0.7),
    (r"trench(?:es)?|fortif(?:y|ied|ications)|sand ?barriers?|displaced|displacement|evacuated|fled their homes|curfew|delivered (?:weapons|helicopters|drones|arms)|revoked", "Other", 0.5),
]

_COMPILED = [(re.compile(r"(?<![\w-])(?:" + p + r")", re.IGNORECASE), sub, s) for p, sub, s in _RULES]

_PREFIX = 3  # letters of a match's start that the prefilter compares


def _open_prefixes(items, partials: set[str], closed: set[str]) -> set[str]:
    """Extend each partial prefix over parsed regex `items`; a prefix that is complete or meets anything other
    than a plain letter (a class, a repeat) goes to `closed` as it is, which keeps it a necessary condition."""
    for op, arg in items:
        if not partials:
            break
        if op is _sre.LITERAL and chr(arg).isascii():
            grown = {p + chr(arg).lower() for p in partials}
            closed |= {p for p in grown if len(p) == _PREFIX}
            partials = {p for p in grown if len(p) < _PREFIX}
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: consumes nothing
            continue
        elif op is _sre.SUBPATTERN and not arg[2]:  # a group that switches off no flag
            partials = _open_prefixes(arg[3], partials, closed)
        elif op is _sre.BRANCH:
            partials = set().union(*(_open_prefixes(alt, set(partials), closed) for alt in arg[1]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] == 0 and arg[1] == 1:  # x? : with or without
            partials = partials | _open_prefixes(arg[2], set(partials), closed)
        else:
            closed |= partials
            partials = set()
    return partials


def _rule_prefixes(pattern: str) -> frozenset[str] | None:
    """The lower-cased first letters (up to _PREFIX) that every match of a rule starts with; None when some
    match could start with anything (the rule is then always run)."""
    closed: set[str] = set()
    closed |= _open_prefixes(_parser.parse(pattern).data, {""}, closed)
    return None if "" in closed else frozenset(closed)


_PREFIXES = [_rule_prefixes(p) for p, _, _ in _RULES]
_PREFIX_LENGTHS = sorted({len(p) for ps in _PREFIXES if ps for p in ps})
_WORD_START = re.compile(r"(?<![\w-])(?=(\w.{0,%d}))" % (_PREFIX - 1), re.DOTALL)


def _starts(text: str, start: int, end: int) -> set[str] | None:
    """The lower-cased beginnings of the words in text[start:end], as long as the rules' prefixes are; None when
    one holds a non-ASCII letter, whose case folding the regex engine may do differently from str.lower()."""
    windows = _WORD_START.findall(text, start, end)
    if not all(map(str.isascii, windows)):
        return None
    lowered = set(map(str.lower, windows))
    return {w[:k] for w in lowered for k in _PREFIX_LENGTHS}


# Words that make what follows hypothetical or unreal: vows, threats, plans, denials, warnings.
HYPOTHETICAL = re.compile(
    r"\b(?:will|would|could|might|may|shall|how to|plans? to|planned to|planning to|threat(?:en|ened|ens) to|vow(?:ed|s)?|pledg(?:ed|es)|promis(?:ed|es)|"
    r"warn(?:ed|s)?|call(?:ed|s)? for|ready to|likely to|intend(?:s|ed)? to|aim(?:s|ed)? to|seeks? to|prevent|denied|no (?:reports? of )?|not)\b"
)  # case-sensitive: "May" the month is not "may" the modal


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], leftmost-longest, with absolute offsets."""
    end = len(text) if end is None else end
    found: list[Trigger] = []
    starts = _starts(text, start, end)
    for (rx, sub, strength), prefixes in zip(_COMPILED, _PREFIXES):
        if starts is not None and prefixes is not None and starts.isdisjoint(prefixes):
            continue  # no word here begins as this rule's matches do: its regex cannot match
        for m in rx.finditer(text, start, end):
            found.append(Trigger(m.start(), m.end(), m.group(), sub, strength))
    found.sort(key=lambda t: (t.start, -(t.end - t.start), -t.strength))
    kept: list[Trigger] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


TRIGGERS = [sub for _, sub, _ in _RULES]
