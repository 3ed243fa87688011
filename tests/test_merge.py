"""Cross-article merging: the same real event from different wording merges; different villages/dates do not.

Article A is ACLED's own note for SYR113492 (a real report); B and C are hand-written rewordings by other outlets.
"""
from __future__ import annotations

import itertools
from datetime import date

import pytest

from conftest_store import article, event, store, store_url  # noqa: F401 - fixtures
from eventwire.dedup import cluster, merge_mentions, mention_of, same_event
from eventwire.models import GeoPrecision
from eventwire.store import Store

DAY = date(2023, 5, 18)
HAZIMEH = ("Hazimeh", 36.1315, 38.9659)
HAZIMA_NEARBY = ("Hazima", 36.14, 38.95)  # same village, another geocoder / spelling, ~2 km off
MHEMIDEH = ("Mhemideh", 35.4429, 40.0862)

A = article("On 18 May 2023, unknown gunmen believed to be IS members attacked a QSD military vehicle in Hazimeh "
            "town in Ar Raqqa countryside, killing 2 QSD members, and injuring a third.",
            source="ACLED note", published=date(2023, 5, 19))
B = article("Three fighters of the Syrian Democratic Forces died on Thursday when suspected Islamic State "
            "militants ambushed their patrol near Hazima, north of Raqqa, a war monitor said.",
            source="Monitor Wire", published=date(2023, 5, 18))
C = article("Islamic State cells killed two SDF members near Raqqa on Thursday, the group said, in an attack on "
            "a vehicle in the Raqqa countryside.", source="Regional Daily", published=date(2023, 5, 20))


def ev_a():  # type: ignore[no-untyped-def]
    return event(A, A.text, day=DAY, place=HAZIMEH, admin1="Ar Raqqa", fatalities=2,
                 actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))


def ev_b():  # type: ignore[no-untyped-def]
    return event(B, B.text, day=DAY, place=HAZIMA_NEARBY, admin1="Ar Raqqa", fatalities=3,
                 actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))


def ev_c_region():  # type: ignore[no-untyped-def]
    return event(C, C.text, day=DAY, place=("Ar Raqqa", 35.95, 39.01), admin1="Ar Raqqa",
                 geo_precision=GeoPrecision.REGION, fatalities=2,
                 actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))


def test_two_wordings_are_one_event() -> None:
    a, b = mention_of(A, ev_a(), 0), mention_of(B, ev_b(), 0)
    assert same_event(a, b, merge_km=10.0)
    merged = merge_mentions([a, b])
    assert merged.sources == ["ACLED note", "Monitor Wire"]
    assert merged.fatalities is not None
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (2, 2, 3)


def test_merged_event_is_main_when_one_article_leads_with_it() -> None:
    lead_of_b = ev_b().model_copy(update={"main": True})
    merged = merge_mentions([mention_of(A, ev_a(), 0), mention_of(B, lead_of_b, 0)])
    assert merged.main
    assert not merge_mentions([mention_of(A, ev_a(), 0), mention_of(B, ev_b(), 0)]).main


def test_different_village_or_day_stays_apart() -> None:
    a = mention_of(A, ev_a(), 0)
    far = event(B, B.text, day=DAY, place=MHEMIDEH, admin1="Deir ez Zor", fatalities=3,
                actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))
    later = event(B, B.text, day=date(2023, 5, 25), place=HAZIMA_NEARBY, fatalities=3,
                  actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))
    other_actor = event(B, B.text, day=DAY, place=HAZIMA_NEARBY,
                        actors=("Military Forces of Syria (2000-)", "Military Forces of Turkey (2016-)"))
    for ev in (far, later, other_actor):
        assert not same_event(a, mention_of(B, ev, 0), merge_km=10.0)


def test_region_level_report_joins_and_precise_place_is_kept() -> None:
    mentions = [mention_of(A, ev_a(), 0), mention_of(C, ev_c_region(), 0), mention_of(B, ev_b(), 0)]
    groups = cluster(mentions, merge_km=10.0)
    assert len(groups) == 1
    merged = merge_mentions(groups[0])
    assert merged.location is not None and merged.location.geo_precision == GeoPrecision.EXACT
    assert merged.fatalities is not None and merged.fatalities.best == 2  # lower median of 2, 2, 3


def test_merge_is_independent_of_order() -> None:
    mentions = [mention_of(A, ev_a(), 0), mention_of(B, ev_b(), 0), mention_of(C, ev_c_region(), 0)]
    results = {merge_mentions(g).model_dump_json() for p in itertools.permutations(mentions)
               for g in cluster(list(p), 10.0)}
    assert len(results) == 1


def _stored(s: Store) -> list[tuple[str, int, list[str]]]:
    return [(se.event.id, se.n_sources, se.event.sources) for se in s.events()]


def test_store_merges_incrementally_and_deterministically(store_url: str, tmp_path) -> None:  # noqa: F811
    one_batch = Store.open(store_url)
    one_batch.write_batch([(A, [ev_a()]), (B, [ev_b()]), (C, [ev_c_region()])])
    expected = _stored(one_batch)
    assert len(expected) == 1 and expected[0][1] == 3
    assert one_batch.event_article_ids(expected[0][0]) == sorted([A.id, B.id, C.id])
    one_batch.close()
    for order in itertools.permutations([(A, ev_a), (B, ev_b), (C, ev_c_region)]):
        url = f"sqlite:///{tmp_path / ('o' + ''.join(a.id[:4] for a, _ in order) + '.db')}"
        with Store.open(url) as s:
            for art, make in order:  # one article per batch: every step merges into what is stored
                s.write_batch([(art, [make()])])
            assert _stored(s) == expected


def test_stored_fatalities_range_and_evidence(store: Store) -> None:  # noqa: F811
    far = event(B, B.text, day=DAY, place=MHEMIDEH, fatalities=3)
    store.write_batch([(A, [ev_a()]), (B, [ev_b(), far])])
    counts = store.counts()
    assert (counts["articles"], counts["mentions"], counts["events"]) == (2, 3, 2)
    merged = next(se for se in store.events() if se.n_sources == 2)
    fat = merged.event.fatalities
    assert fat is not None and (fat.best, fat.low, fat.high) == (2, 2, 3)
    with store.engine.connect() as conn:
        import sqlalchemy as sa

        rows = conn.execute(sa.text("SELECT DISTINCT article_id FROM evidence WHERE event_id = :e"),
                            {"e": merged.event.id}).all()
    assert {r[0] for r in rows} == {A.id, B.id}


@pytest.mark.parametrize("km,joined", [(10.0, True), (0.5, False)])
def test_merge_km_setting(km: float, joined: bool) -> None:
    assert same_event(mention_of(A, ev_a(), 0), mention_of(B, ev_b(), 0), merge_km=km) is joined


def test_same_actor_against_different_named_parties_stays_apart() -> None:
    """Real ACLED notes (Idleb, 6 May 2023): one detainer, two different detained groups, two events."""
    text1 = ("On 6 May 2023, HTS security apparatus detained a member of Hizb Ettahrir over charges of having "
             "criticized the opposition factions in Idleb.")
    text2 = "On 6 May 2023, HTS' general intelligence detained at least three Hurras al Deen fighters in Idleb city."
    one, two = article(text1), article(text2)
    idleb = ("Idleb", 35.929, 36.6318)
    kw = dict(event_type="Strategic developments", sub_event_type="Arrests", day=date(2023, 5, 6), place=idleb)
    e1 = event(one, text1, actors=("HTS: Hayat Tahrir al Sham", "Hizb Ettahrir"), **kw)
    e2 = event(two, text2, actors=("HTS: Hayat Tahrir al Sham", "Hurras al Deen"), **kw)
    unknown = event(two, text2, actors=("Unidentified Armed Group (Syria)",), **kw)
    assert not same_event(mention_of(one, e1, 0), mention_of(two, e2, 0), 10.0)
    assert same_event(mention_of(one, e1, 0), mention_of(two, unknown, 0), 10.0)


def test_chains_do_not_merge_and_a_report_fitting_two_events_stays_apart() -> None:
    """Real ACLED-style case: province-level shelling report beside two village reports of the same day."""
    t1 = "On 9 May 2021, regime forces shelled Kafr Nabl in Idleb, killing 2 civilians."
    t2 = "On 9 May 2021, regime forces shelled Maarat Harma in Idleb, killing 3 civilians."
    t3 = "On 9 May 2021, regime artillery shelled villages in the southern Idleb countryside."
    a1, a2, a3 = article(t1, source="one"), article(t2, source="two"), article(t3, source="three")
    kw = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
              day=date(2021, 5, 9), admin1="Idleb", actors=("Military Forces of Syria (2000-)",))
    e1 = event(a1, t1, place=("Kafr Nabl", 35.6136, 36.5611), **kw)
    e2 = event(a2, t2, place=("Maarat Harma", 35.5833, 36.5667), **kw)
    e3 = event(a3, t3, place=("Idleb", 35.93, 36.63), geo_precision=GeoPrecision.REGION, **kw)
    m1, m2, m3 = mention_of(a1, e1, 0), mention_of(a2, e2, 0), mention_of(a3, e3, 0)
    assert same_event(m1, m3, 10.0) and same_event(m2, m3, 10.0) and not same_event(m1, m2, 10.0)
    for order in itertools.permutations([m1, m2, m3]):
        assert [len(g) for g in cluster(list(order), 10.0)] == [1, 1, 1]  # no chain; m3 fits both, alone


def test_undated_reports_need_exact_place_and_actors() -> None:
    undated_a = article("Gunmen attacked a QSD checkpoint in Hazimeh.", published=DAY)
    undated_b = article("Islamic State militants attacked an SDF checkpoint in Hazimeh town.", published=DAY)
    kw = dict(place=HAZIMEH, admin1="Ar Raqqa")
    ea = event(undated_a, undated_a.text, actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"), **kw)
    eb = event(undated_b, undated_b.text, actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"), **kw)
    vague = event(undated_b, undated_b.text, actors=("QSD: Syrian Democratic Forces",), **kw)
    assert same_event(mention_of(undated_a, ea, 0), mention_of(undated_b, eb, 0), 10.0)
    assert not same_event(mention_of(undated_a, ea, 0), mention_of(undated_b, vague, 0), 10.0)
    assert same_event(mention_of(A, ev_a(), 0), mention_of(undated_b, vague, 0), 10.0) is False  # undated side


def test_towns_named_apart_are_two_events() -> None:
    """Real ACLED notes (Aleppo, 16 February 2020): both placed in Aleppo by the geocoder, two captured towns."""
    t1 = "On 16 February 2020, regime forces captured Tall Nabi Noman in Aleppo following the withdrawal of rebels."
    t2 = "On 16 February 2020, regime forces captured the town of Haritan in Aleppo following the withdrawal of rebels."
    a1, a2 = article(t1), article(t2)
    kw = dict(event_type="Battles", sub_event_type="Government regains territory", day=date(2020, 2, 16),
              place=("Aleppo", 36.206, 37.1524), admin1="Aleppo", actors=("Military Forces of Syria (2000-)",))
    assert not same_event(mention_of(a1, event(a1, t1, **kw), 0), mention_of(a2, event(a2, t2, **kw), 0), 10.0)


def test_sources_list_each_outlet_once() -> None:
    again = article(B.text + " The toll was confirmed later.", source="Monitor Wire", published=date(2023, 5, 18))
    ev_again = event(again, again.text, day=DAY, place=HAZIMA_NEARBY, admin1="Ar Raqqa", fatalities=3,
                     actors=("Islamic State (Syria)", "QSD: Syrian Democratic Forces"))
    merged = merge_mentions([mention_of(A, ev_a(), 0), mention_of(B, ev_b(), 0), mention_of(again, ev_again, 0)])
    assert merged.sources == ["ACLED note", "Monitor Wire"]


def test_a_sequel_and_the_occurrence_it_followed_are_two_events() -> None:
    """Real ACLED notes (Nagpur, 27 February 2022): a riot told as following the clash another note tells; two
    wordings that both tell the capture as following clashes stay one event."""
    riot = ("BJP members burnt tyres and staged demonstrations in Nagpur after the clash between residents and a "
            "BJP corporator.")
    clash = "Local residents clashed with a BJP corporator and his supporters in Nagpur over civic issues."
    kw = dict(event_type="Riots", sub_event_type="Violent demonstration", day=date(2022, 2, 27),
              place=("Nagpur", 21.1463, 79.0849), admin1="Maharashtra", country="India",
              actors=("Rioters (India)", "BJP: Bharatiya Janata Party"))
    a1, a2 = article(riot), article(clash)
    assert not same_event(mention_of(a1, event(a1, riot, **kw), 0), mention_of(a2, event(a2, clash, **kw), 0), 10.0)
    t1 = "On 20 December 2019, regime forces captured Sihal in Idleb following clashes with rebel factions."
    t2 = "Syrian government forces took the village of Sihal in Idleb on Friday after fierce clashes with rebels."
    kw = dict(sub_event_type="Government regains territory", day=date(2019, 12, 20), place=("Sihal", 35.5452, 36.8658),
              admin1="Idleb", actors=("Military Forces of Syria (2000-)",))
    b1, b2 = article(t1), article(t2)
    assert same_event(mention_of(b1, event(b1, t1, **kw), 0), mention_of(b2, event(b2, t2, **kw), 0), 10.0)
    # "after killing": the attackers' own earlier step, not another occurrence
    t3 = "On 20 May 2022, IS cells attacked a regime patrol in Al-Na'ema and withdrew after killing 3 soldiers."
    t4 = "Islamic State militants ambushed a regime patrol in Al-Na'ema on 20 May 2022, killing 3 soldiers."
    kw = dict(day=date(2022, 5, 20), place=("Al-Na'ema", 32.6334, 36.1616), admin1="Dara", fatalities=3,
              actors=("Islamic State (Syria)", "Military Forces of Syria (2000-)"))
    c1, c2 = article(t3), article(t4)
    assert same_event(mention_of(c1, event(c1, t3, **kw), 0), mention_of(c2, event(c2, t4, **kw), 0), 10.0)


def test_an_air_strike_typed_two_ways_by_a_force_and_its_branch_is_one_event() -> None:
    """The hand-written Sarmada pair: 'Russian jets struck' typed as a clash, 'a Russian warplane carried out
    airstrikes' as an air strike; the Air Force is a branch of the Russian forces. A clash that names no aircraft
    stays apart from the strike."""
    t1 = ("On 22 January 2023, a Russian warplane carried out airstrikes on the outskirts of Sarmada in Idleb, "
          "injuring 2 civilians.")
    t2 = "Russian jets struck the edge of Sarmada in northern Idlib on 22 January 2023, wounding two civilians."
    t3 = "On 22 January 2023, Russian forces clashed with HTS fighters on the outskirts of Sarmada in Idleb."
    kw = dict(day=date(2023, 1, 22), place=("Sarmada", 36.1866, 36.7239), admin1="Idleb")
    a1, a2, a3 = article(t1), article(t2), article(t3)
    strike = mention_of(a1, event(a1, t1, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                                  actors=("Military Forces of Russia (2000-) Air Force",), **kw), 0)
    jets = mention_of(a2, event(a2, t2, actors=("Military Forces of Russia (2000-)",), **kw), 0)
    clash = mention_of(a3, event(a3, t3, actors=("Military Forces of Russia (2000-)",), **kw), 0)
    assert same_event(strike, jets, 10.0)
    assert not same_event(strike, clash, 10.0)


def test_a_strike_told_as_an_attack_on_civilians_and_province_names_run_together() -> None:
    """FA-KES wordings: the coalition's strike on Raqqa typed an air strike and an attack on civilians; 'in Idlib
    Syria' / 'in Syrias Idlib province' name no town of their own."""
    t1 = "The number of civilians killed by the US-led coalition airstrike in Raqqa has risen to 20."
    t2 = "At least 10 civilians were killed in US-led coalition strikes west of Raqqa, state media reported."
    kw = dict(day=date(2017, 4, 8), place=("Ar-Raqqa", 35.9428, 39.0519), admin1="Ar Raqqa",
              actors=("Global Coalition Against Daesh",))
    a1, a2 = article(t1), article(t2)
    strike = mention_of(a1, event(a1, t1, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                                  **kw), 0)
    attack = mention_of(a2, event(a2, t2, event_type="Violence against civilians", sub_event_type="Attack", **kw), 0)
    assert same_event(strike, attack, 10.0)
    t3 = "The suspected chemical attack killed 58 people on Tuesday in Syrias Idlib province."
    t4 = "A suspected chemical attack killed at least 58 people in a rebel-held town in Idlib Syria including 11 boys."
    kw = dict(event_type="Explosions/Remote violence", sub_event_type="Chemical weapon", day=date(2017, 4, 4),
              place=("Idlib", 35.929, 36.6353), admin1="Idleb", actors=("Military Forces of Syria (2000-)",),
              fatalities=58)
    b1, b2 = article(t3), article(t4)
    assert same_event(mention_of(b1, event(b1, "Idlib", **kw), 0), mention_of(b2, event(b2, "Idlib", **kw), 0), 10.0)


def test_a_force_known_only_by_its_aircraft_is_no_named_party() -> None:
    """FA-KES, Aleppo 11 October 2016: 'warplanes' bombed (the pipeline gives ACLED's Syrian forces), 'Russian
    jets' pounded: the first report named nobody, so the two do not name conflicting parties."""
    t1 = "Intense bombing by warplanes of rebel-held areas of Aleppo has resumed on Tuesday, killing 26 people."
    t2 = "Russian jets pounded several opposition-held parts of eastern Aleppo on Tuesday, killing 26 people."
    kw = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", day=date(2016, 10, 11),
              place=("Aleppo", 36.206, 37.1524), admin1="Aleppo", fatalities=26)
    a1, a2 = article(t1), article(t2)
    e1 = event(a1, t1, actors=("Military Forces of Syria (2000-)",), **kw)
    e1 = e1.model_copy(update={"actors": [e1.actors[0].model_copy(update={"text": "warplanes"})]})
    e2 = event(a2, t2, actors=("Military Forces of Russia (2000-) Air Force",), **kw)
    assert same_event(mention_of(a1, e1, 0), mention_of(a2, e2, 0), 10.0)
    named = e1.model_copy(update={"actors": [e1.actors[0].model_copy(update={"text": "Syrian regime warplanes"})]})
    assert not same_event(mention_of(a1, named, 0), mention_of(a2, e2, 0), 10.0)


def test_two_crowds_in_one_city_and_day_are_two_protests() -> None:
    """Real ACLED notes (Cuauhtemoc, 1 May 2020): no party named, the same cause in the same words, two crowds;
    two wordings of the teachers' protest in Nairobi name the same crowd."""
    t1 = ("On 1 May 2020, in Cuauhtemoc, members of indigenous communities exchanged their craft arts for food "
          "packages and demanded financial support during the suspension of activities caused by the pandemic.")
    t2 = ("On 1 May 2020, in Cuauhtemoc, a group of 20 musicians protested demanding financial supports during the "
          "suspension of activities caused by the coronavirus pandemic.")
    kw = dict(event_type="Protests", sub_event_type="Peaceful protest", day=date(2020, 5, 1), country="Mexico",
              place=("Cuauhtemoc", 19.44506, -99.14612), admin1="Ciudad de Mexico", actors=("Protesters (Mexico)",))
    a1, a2 = article(t1), article(t2)
    assert not same_event(mention_of(a1, event(a1, t1, **kw), 0), mention_of(a2, event(a2, t2, **kw), 0), 10.0)
    t3 = ("On 9 May 2022, around 300 teachers protested in front of the Ministry of Education in Nairobi, demanding "
          "the payment of salary arrears.")
    t4 = ("Hundreds of teachers gathered outside the Ministry of Education in Nairobi on 9 May 2022 to demand unpaid "
          "salary arrears.")
    kw = dict(event_type="Protests", sub_event_type="Peaceful protest", day=date(2022, 5, 9), country="Kenya",
              place=("Nairobi", -1.2833, 36.8167), admin1="Nairobi", actors=("Protesters (Kenya)",))
    b1, b2 = article(t3), article(t4)
    assert same_event(mention_of(b1, event(b1, t3, **kw), 0), mention_of(b2, event(b2, t4, **kw), 0), 10.0)


def test_two_events_one_article_dates_apart_are_not_one_and_leave_the_other_articles_report_free() -> None:
    """An article reports today's rocket attack and an earlier one of the week; another article reports today's. The
    earlier one's window overlaps today, but its own article told the two apart, so today's two reports merge."""
    from eventwire.models import Span, TimeSpan

    t1 = "Rebels fired rockets at Damascus on Thursday, killing 3 people. Earlier this week rockets also hit Damascus."
    t2 = "Jaysh al-Islam fired rocket shells at Damascus on Thursday, killing 3 people."
    a1, a2 = article(t1, source="one"), article(t2, source="two")
    kw = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
              admin1="Damascus", place=("Damascus", 33.51, 36.29))
    today = event(a1, "Rebels fired rockets", day=date(2015, 2, 5), fatalities=3,
                  actors=("Jaysh al Islam", "Military Forces of Syria (2000-)"), **kw)
    today.time = TimeSpan(text="on Thursday", start=date(2015, 2, 5), end=date(2015, 2, 5))
    earlier = event(a1, "Earlier this week", actors=("Military Forces of Syria (2000-)",), **kw)
    earlier.time = TimeSpan(text="Earlier this week", start=date(2015, 2, 2), end=date(2015, 2, 5))
    where = t1.rindex("Damascus")
    earlier.location = earlier.location.model_copy(update={"evidence": [Span(start=where, end=where + 8)]})
    other = event(a2, "Jaysh al-Islam fired", day=date(2015, 2, 5), fatalities=3,
                  actors=("Jaysh al Islam", "Unidentified Armed Group (Syria)"), **kw)
    m1, m2, m3 = mention_of(a1, today, 0), mention_of(a1, earlier, 1), mention_of(a2, other, 0)
    assert not same_event(m1, m2, 10.0) and not same_event(m2, m3, 10.0)
    assert same_event(m1, m3, 10.0)
    assert sorted(len(g) for g in cluster([m1, m2, m3], 10.0)) == [1, 2]
