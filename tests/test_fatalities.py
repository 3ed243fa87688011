"""Deaths as ACLED notes and news word them: victim lists add up, wounded and unknown numbers do not count, a lone
victim is one, coder totals and per-place splits speak for the event, and a toll-only sentence joins its event."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.fatalities import casualty_report, explicit_fatalities, find_fatalities, find_split


def best(sentence: str) -> int | None:
    found = find_fatalities(sentence, 0, len(sentence))
    return found.best if found else None


@pytest.mark.parametrize("sentence, n", [
    # victim lists add up, on either side of the death word
    ("Clashes resulted in the killing of 17 rebel and Islamist fighters and 11 regime and pro-regime militia fighters.", 28),
    ("During the clashes in Kansafra and Mozra, 14 opposition fighters and 9 regime soldiers were killed.", 23),
    ("Two policemen and one polio worker were killed and a child was left injured in the incident.", 3),
    ("5 soldiers, between 35 and 45 militants, and 3 civilians were killed, 10 soldiers wounded.", 43),
    ("ADF rebels killed 8 civilians in Mbakira village and 7 civilians in Chavinyungu village.", 15),
    ("The military opened fire at members of the CNDF and killed a member of CNDF and a civilian.", 2),
    ("At least 21 IS fighters were killed while regime and pro-regime forces suffered 13 fatalities.", 34),
    # numbers written as words, ranges at their lower bound, "all N"
    ("Seven Ukrainian servicemen were killed.", 7),
    ("Armed individuals killed between 16 to 25 people in Amago-Ebenebe during the funeral.", 16),
    ("QSD foiled their attempt and killed all 14 attackers.", 14),
    # "including" names some of the dead, it adds none
    ("The strikes killed 4 Iranian officers and 3 regime fighters, including 2 officers.", 7),
    ("During the clashes, 3 regime members including an officer were killed.", 3),
    # the dead and the wounded in one sentence: only the dead count
    ("Clashes resulted in the killing of 1 IS fighter, the wounding of another fighter and his arrest.", 1),
    ("As a result of shelling, 4 civilians were killed and at least 6 were wounded.", 4),
    ("A military column of 150 troops killed two civilians and set their bodies on fire.", 2),
    # a lone victim is one
    ("Unidentified gunmen assassinated using small arms fire a member of the QSD in Basira.", 1),
    ("A police officer of the Consolacion Police Station was shot dead by armed drug suspects.", 1),
    ("An IED exploded targeting a Levant Front member's vehicle in Ranin town, killing the Levant Front member.", 1),
    ("A QSD member was killed and his body was found on the outskirts of Tayyana.", 1),
    ("Unknown gunmen shot and killed a former opposition rebel in Jalin town, killing him.", 1),
    ("Unknown gunmen shot and killed the commander of the Caucasian fighters near Foah town.", 1),
    ("A regime soldier shot and killed another soldier in Ghabra town.", 1),
    ("Unknown gunmen shot and killed a regime 4th Armored Division member and his escort in Eastern Ghariyeh town.", 2),
    ("A group set ablaze a house belonging to a clergyman, killing his wife and three children.", 4),
    ("One unknown man died and the other one was caught.", 1),
    ("The victim died from related injuries and police arrested the suspect.", 1),
    ("The clash resulted in 1 fatality.", 1),
    ("Kaduna militiamen abducted the priest and killed his cook in Fadan Chawai.", 1),
    ("HPG (PKK) claimed total 15 Turkish soldiers were killed and 10 others were injured.", 15),
    ("The target's 2 children were killed in the events while 3 other individuals were wounded.", 2),
    ("Aside from the death of the IS suicide operative, neither fatalities nor injuries were reported.", 1),
    ("Around 18 September 2020 (as reported), 6 regime soldiers were found slaughtered in Al Mayadin desert.", 6),
    # bodies
    ("Around 7 June 2022 (as reported), a QSD member's beheaded body was found in Tal Brak town.", 1),
    ("The decapitated body of an Iranian Islamic Revolutionary Guard fighter was found near Al Mayadin.", 1),
    ("2 bodies of IS fighters were found near Farazet Al Bahis, killed by unknown gunmen.", 2),
    # dates are no victims; "with N killed"
    ("On 15 October 2019, 30 QSD and 41 pro-Turkish Islamist faction fighters were killed in fighting.", 71),
    ("Turkish forces clashed with QSD fighters near Ras al Ain with 69 fighters killed.", 69),
    ("As a result, 1 civilian was killed.", 1),
    # the noun "fatalities" counts where it follows its number; hedged passives; "both"
    ("Pro-Hadi military sources reported 56 Houthi and 32 pro-Hadi fatalities in Haradh district.", 88),
    ("Clashes between armed members of two families in Thiban led to 5 fatalities.", 5),
    ("The clashes led to 15 casualties among regime forces, 6 were confirmed dead.", 6),
    ("2 QSD fighters were reported killed in the clash.", 2),
    ("HTS forces ambushed 2 Iraqi Islamic State fighters north of Idleb city, killing both fighters.", 2),
    ("The head of the local forest committee was lynched to death.", 1),
    # "among" names the whole: "N were among M killed" counts M
    ("At least four schoolchildren were among eight people killed in regime shelling in Eastern Ghouta.", 8),
    ("A commander was among 12 fighters killed in the raid.", 12),
    # "a" counts one person only before a person's word: "A bus blast … killed at least six people" is six
    ("01.02.2015 A bus blast in Damascus central district killed at least six people and wounded dozens.", 6),
    ("Clashes left a Salakhed Communal Militia fighter dead and others wounded.", 1),
    # a headline without its commas: "kill 83 Injured 100" kills 83, as "6 Killed 12 Wounded" does 6
    ("Fri Apr 29 2016 Kurds kill 83 Injured 100 ISIS Terrorists in 2 Days Near Efrin.", 83),
    ("6 Killed 12 Wounded in Aleppo Shelling.", 6),
    # a headline's "claims N": the dead it took
    ("02-06-2016 Terrorist Bombing Claims 5 in Syrias Latakia.", 5),
    ("Syria Terrorist Attacks in Aleppo Claim 20 Martyrs.", 20),
    # "well over N" is over N; "A total of N" opens a clause after a dateline as "At least N" does
    ("The opposition accused government forces of killing well over 1000 civilians with poison gas.", 1000),
    ("August 22 2013 1849 UTC+3 A total of 1500 people have fallen victims of the chemical attack in Syria.", 1500),
    # a capitalised number word opens a sentence whose full stop flattened text lost (page tags before it)
    ("Tags Syria Idlib airstrikes Khan Sheikhun Sixteen civilians - including three children - were killed.", 16),
])
def test_counted_deaths(sentence: str, n: int) -> None:
    assert best(sentence) == n


@pytest.mark.parametrize("sentence", [
    "IS fighters clashed with YPG in Basira which left 4 Basira market guards and 1 YPG fighter wounded.",
    "Shelling resulted in the killing and wounding of an unknown number of fighters from both sides.",
    "Relatives staged a protest demanding justice over the killing of a boy by police officers.",
    "QSD detained four of their own members on charges of killing a QSD leader.",
    "An unknown gunman riding a motorbike tried to kill a QSD fighter in a market in Shiheil town, and failed.",
    "19 regime and pro-regime fighters were wounded with no fatalities reported.",
    "Islamist fighters attacked a helicopter flying over the area with neither injuries nor fatalities reported.",
    "Hundreds protested in the capital against the massacre of 30 villagers last month.",  # a massacre protested
    "Police detained two protesters and shot them in the legs.",  # "them" not killed
    "Soldiers detained 12 men; they were released the next day. Gunmen later killed them.",  # too far back
    "Saturday 15 April 2017 Death toll mounts after bomb blast on Aleppo evacuee bus convoy.",  # a year, no count
    "Guests of the Four Seasons hotel were killed.",  # a name that begins with a number word is no count
    "Islamic State claims 5 attacks in Iraq.",  # a claim of attacks counts no dead
    "A photo apparently showing a family of six killed in a gas attack has gone viral.",  # a photo is no victim
])
def test_no_deaths_counted(sentence: str) -> None:
    assert not best(sentence)


@pytest.mark.parametrize("sentence, low, high", [
    ("5 soldiers, between 35 and 45 militants, and 3 civilians were killed.", 43, 53),
    ("At least 21 IS fighters were killed.", 21, None),
    ("Up to 12 civilians were killed.", None, 12),
    ("Between 3 and 9 QSD fighters were killed.", 3, 9),
])
def test_estimate_bounds(sentence: str, low: int | None, high: int | None) -> None:
    found = find_fatalities(sentence, 0, len(sentence))
    assert (found.low, found.high) == (low, high)


def test_no_casualties_is_zero_not_unknown() -> None:
    assert best("Regime forces shelled the village. No fatalities reported.") == 0
    assert best("Regime forces shelled the outskirts of the village.") is None


@pytest.mark.parametrize("text, n", [
    ("Unknown fatalities coded as 10. Total fatalities 17.", 17),
    ("Clashes resulted in the killing of 9 IS fighters and 12 regime fighters. Total fatalities 21", 21),
    ("6 QSD fighters were killed, in addition to the 3 suicide bombers. Confirmed total fatalities 9.", 9),
    ("2 men and 3 women were killed by stray bullets. 7 total fatalities.", 7),
    ("Unknown number of fatalities coded to 10 for a total of 12 fatalities distributed evenly across the two events.", 12),
    ("An unidentified number of fatalities mentioned in low intensity conflict area coded as 3.", 3),
    ("A QSD fighter was stabbed, after which the attacker was shot dead. Fatalities 3.", 3),
])
def test_coder_total_wins(text: str, n: int) -> None:
    assert explicit_fatalities(text, 0, len(text)).best == n
    assert best(text) == n


def _share(text: str, names: list[str]) -> int | None:
    """The share of the event at one of `names`, or with no names of the event the note leads with."""
    total = explicit_fatalities(text, 0, len(text)) or find_fatalities(text, 0, len(text))
    split = find_split(text, 0, len(text), total.best if total else 0)
    if split is None:
        return None
    return split.share_for(names)


SPLIT_N_NAME = ("On 26 January 2020, clashes took place in the area of Barsa. Clashes in Mushaymis, Samkeh, Barsa and "
                "Nawhia resulted in the killing of 4 Islamist fighters and 8 regime fighters. Total fatalities of 12 are "
                "split as follows: 3 Mushaymis, 5 Samkeh, 2 Barsa, and 2 Nawhia.")
SPLIT_NAME_N = ("On 22 November 2022, Turkish forces shelled QSD positions in Menagh, Harbal and Ahras towns, killing and "
                "injuring an unknown number of QSD members. Fatalities coded to 10 and split between three locations as "
                "follows; Menagh 4, Harbal 3, Ahras 3.")
SPLIT_CODED_TO = ("During the clashes in Kansafra and Mozra, 14 opposition fighters and 9 regime soldiers were killed. "
                  "Total fatalities coded to 23 and split between the two events with 12 coded to Kansafra and 11 coded "
                  "to Mozra.")


@pytest.mark.parametrize("text, names, n", [
    (SPLIT_N_NAME, ["Samkeh"], 5),
    (SPLIT_N_NAME, [], 2),  # no place for the event: the place the note leads with ("the area of Barsa")
    (SPLIT_NAME_N, ["Harbal"], 3),
    (SPLIT_CODED_TO, ["Mozra"], 11),
    ("Clashes in Kafr Khasher and Kafr Kalbein resulted in the killing and wounding of an unknown number of fighters. "
     "Unknown number of fatalities coded as 10 and split, 5 each, between the two locations.", [], 5),
    ("IS killed 69 fighters in three towns. Fatalities spread evenly across the three events, with 23 coded to each.", [], 23),
    ("Total fatalities coded to 24 and split evenly between the three events.", [], 8),
    ("Three soldiers and five fighters were killed. Eight fatalities split evenly between both locations. 4 fatalities.", [], 4),
    ("The Defence Headquarters claimed 90 militiamen were killed. 90 fatalities spilt across 5 events coded as 18.", [], 18),
    ("Islamic State fighters killed 7 QSD fighters in targeted attacks in the villages of Marashdeh and As Safafinah. "
     "4 fatalities coded to Marashdeh and 3 to As Safafinah.", ["As Safafinah"], 3),
    # all the deaths were coded to another event: this one has none, that one has them all
    ("On 22 February 2022, Ukrainian forces fired mortars at positions near Novolaspa, Donetsk. As a result of shelling, "
     "three civilians were killed (fatalities coded to Donetsk - Kyivskyi event).", [], 0),
    ("On 22 February 2022, Ukrainian forces fired mortars at positions near Novolaspa, Donetsk. As a result of shelling, "
     "three civilians were killed (fatalities coded to Donetsk - Kyivskyi event).", ["Donetsk - Kyivskyi"], 3),
])
def test_split_share(text: str, names: list[str], n: int) -> None:
    assert _share(text, names) == n


def test_no_split_without_a_split_note() -> None:
    text = "Clashes resulted in the killing of 7 IS fighters. Total fatalities coded to 7."
    assert find_split(text, 0, len(text), 7) is None


def test_dates_in_news_are_no_shares_of_a_split() -> None:
    # "the divided city" reads like a split cue; "9 Aug", "August 6 2016" and "Nations 2016" are dates, not shares
    text = ("9 Aug 2016 5 people were killed in Sevre. The United Nations called for a ceasefire in the divided city "
            "of Aleppo where fighting resumed on August 6 2016 and on August 2 2016, Syria 2016 talks stalled.")
    assert find_split(text, 0, len(text), 5) is None


@pytest.mark.parametrize("sentence, toll_only", [
    ("3 QSD fighters were killed in the clash.", True),
    ("During the clashes, 4 opposition fighters were killed and 7 were captured by QSD.", True),
    ("Clashes resulted in killing 5 Fatemiyoun Brigade members including a leader.", True),
    ("HPG (PKK) claimed 2 Turkish soldiers were killed in the clashes.", True),
    ("The clash killed a civilian bystander.", True),
    ("It resulted in killing 31 rebels, and injuring thirteen others including seven civilians.", True),
    ("The Belet Weyne police commander was killed.", True),
    ("Coalition airstrikes targeted IS positions, killing 10 fighters.", False),
    ("The attackers killed 3 men near the checkpoint.", False),
    ("Clashes erupted between the QSD force and an IS cell.", False),
])
def test_casualty_report(sentence: str, toll_only: bool) -> None:
    assert casualty_report(sentence, 0, len(sentence)) is toll_only


def _events(text: str):
    from eventwire.intake import article_from_text
    from eventwire.pipeline import extract

    return extract(article_from_text(text, input_id="t", published=date(2021, 12, 22)))


def test_toll_sentence_gives_its_deaths_to_the_clash() -> None:
    events = _events("On 22 December 2021, clashes took place between JWS operating under OPS and QSD on Qasemiyeh "
                     "front in al-Hasakeh amid an exchange of shelling barrages between both sides. 2 JWS fighters were "
                     "killed and several others were wounded.")
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.fatalities is not None and clash.fatalities.best == 2
    assert sum(e.fatalities.best for e in events if e.event_type == "Battles" and e.fatalities) == 2  # not twice


def test_toll_merged_into_a_later_event_still_reaches_the_first() -> None:
    events = _events("On 18 November 2021, clashes took place between Turkish forces and QSD in Sharkrak area in Ar-Raqqa. "
                     "Clashes were accompanied by exchange of shelling and targeting. Clashes and shelling resulted in the "
                     "killing of 4 rebel fighters and the wounding of several fighters from both sides.")
    first = min(events, key=lambda e: e.sentence.start)  # the main event is listed first; this is the article's first
    assert first.sub_event_type == "Armed clash"
    assert first.fatalities is not None and first.fatalities.best == 4


def test_split_paragraph_gives_the_event_its_place_share() -> None:
    events = _events(SPLIT_N_NAME.replace("26 January 2020", "22 December 2021"))
    assert events and events[0].fatalities is not None and events[0].fatalities.best == 2


def test_protest_over_a_killing_codes_no_deaths() -> None:
    events = _events("On 22 December 2021, dozens of friends, family members and supporters gathered outside the "
                     "courthouse in Fort McMurray (Alberta) and demanded justice for a member of the Athabasca Chipewyan "
                     "First Nation who was killed last month. [size=dozens]")
    protest = next(e for e in events if e.event_type == "Protests")
    assert protest.fatalities is None or protest.fatalities.best == 0


def test_an_abbreviated_dateline_date_is_no_count() -> None:
    text = "25 Apr 2017 At least 16 people were killed in air strikes on rebel-held districts of Aleppo on Monday."
    found = find_fatalities(text, 0, len(text))
    assert found is not None and found.best == 16


@pytest.mark.parametrize("headline, n", [
    ("6 Killed 12 Wounded in Rebel Shelling of Sheikh Maqsood", 6),  # a headline that lost its comma
    ("Mortar attack kills 4 wounds 20 in Aleppo", 4),
    ("The blast killed 12 and wounded 30 in the market.", 12),
    ("The blast killed 12, wounded 30 in the market.", 12),
])
def test_the_count_before_wounded_is_not_the_dead(headline: str, n: int) -> None:
    found = find_fatalities(headline, 0, len(headline))
    assert found is not None and found.best == n


@pytest.mark.parametrize("text, best", [
    ("Warplanes releasing toxic gas targeted the town, massacring dozens of people and injuring hundreds.", 24),
    ("The massacre of 30 villagers by the militia shocked the country.", 30),
    ("IS fighters slaughtered 12 shepherds near Palmyra.", 12),
    ("The strike killed a family of five in the village.", 5),  # a family of n is n dead
    ("An air strike killed an entire family of seven and two neighbours in Idlib.", 9),
    ("Gunmen arrested two herders in the village and shot them dead.", 2),  # "them": the people counted before
    ("Militants abducted three teachers and later killed them.", 3),
    ("Rebels captured two soldiers and executed all of them.", 2),
    ("Date of publication 16 September 2016 Two civilians including a child have been killed in Aleppo city in the "
     "first deaths reported since the ceasefire began.", 2),  # the dateline's year is no head count
    ("May 24 2017 16 Civilians Dead in Coalition Strikes near Raqqa At least 16 civilians were killed in bombing "
     "raids near Raqqa.", 16),  # a headline flattened into its lead: the same dead told twice
    ("Clashes killed 4 rebels and 4 soldiers near the town.", 8),  # the same count of other victims adds up
])
def test_news_ways_of_counting_the_dead(text: str, best: int) -> None:
    found = find_fatalities(text, 0, len(text))
    assert found is not None and found.best == best
