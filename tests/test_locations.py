"""Where an event happened, end to end on ACLED-style notes: the article's country, container hints ("X town in Y
countryside", "X, Admin1", "X (Admin1)"), homonyms abroad, and the choice among several places."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.intake import article_from_text
from eventwire.models import Event
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(use_classifier=False)


def _location(pipeline: Pipeline, text: str):
    article = article_from_text(text, input_id="t", published=date(2021, 6, 1))
    events: list[Event] = next(pipeline.process([article]))[1]
    assert events, text
    return events[0].location


def test_actors_and_places_make_a_syrian_note_syrian(pipeline):
    # "Amiriyeh" is also an alternate name of an Iranian town; QSD, the regime and Ras Al Ain say Syria.
    loc = _location(pipeline, "On 4 May 2021, clashes took place between QSD and regime forces in the vicinity of "
                              "Amiriyeh in the countryside of Ras Al Ain. Casualties unknown.")
    assert (loc.country, loc.admin1, loc.name) == ("Syria", "Al Hasakeh", "Amiriyeh")
    assert int(loc.geo_precision) == 2


def test_two_place_nouns_before_the_container_still_name_it(pipeline):
    # "Sawda village area in the countryside of Al-Hasakeh": no Sawda in Al-Hasakeh is known, and the container
    # keeps the Sawda of Tartous, 400 km away, from being read; the province is what the text says
    loc = _location(pipeline, "Rebel factions clashed with QSD fighters in Sawda village area in the countryside of "
                              "Al-Hasakeh on Tuesday.")
    assert (loc.country, loc.admin1) == ("Syria", "Al Hasakeh")


def test_a_district_closing_brackets_outvotes_a_namesake_town_abroad(pipeline):
    # no Kassel in Burkina Faso is known: the village's name, twice, must not make the article German
    loc = _location(pipeline, "Gunmen killed a herder near Kassel-Peulh (Kassel, Yatenga) on Sunday.")
    assert (loc.country, loc.admin1) == ("Burkina Faso", "Nord")


def test_a_district_closing_brackets_contains_the_town_before_it(pipeline):
    # "(Kassel, Loroum)": Loroum, a Burkinabe province (ACLED's admin2), contains the Kassel inside the brackets as
    # a province would; a Kassel known only in Germany is no reading of it, and the article stays in Nord
    loc = _location(pipeline, "An army vehicle struck an IED between Kassel and Wendtenga (Kassel, Loroum) on Sunday.")
    assert (loc.country, loc.admin1) == ("Burkina Faso", "Nord")


def test_a_place_word_inside_an_actor_name_casts_no_vote_for_the_country(pipeline):
    # "Boko" of "Boko Haram" is a town in Benin; the group's name says nothing of where, its countries do
    article = article_from_text("Boko Haram fighters attacked Kukawa on Sunday, residents said.", input_id="t",
                                published=date(2021, 6, 1))
    [event] = next(pipeline.process([article]))[1]
    assert {a.name for a in event.actors} >= {"Civilians (Nigeria)"}, [a.name for a in event.actors]
    assert event.location is not None and event.location.country == "Nigeria"


def test_town_in_a_governorate_countryside_is_the_town(pipeline):
    loc = _location(pipeline, "On 2 June 2021, unidentified gunmen shot and wounded a regime soldier in Nawa town "
                              "in Dar'a countryside. No fatalities were reported.")
    assert (loc.country, loc.admin1, loc.name) == ("Syria", "Dara", "Nawa")
    assert int(loc.geo_precision) == 1


def test_camp_name_that_reads_like_an_organisation_is_a_place(pipeline):
    loc = _location(pipeline, "On 5 May 2021, unknown gunmen shot and killed a resident in Hole Camp in "
                              "Al-Hasakeh countryside.")
    assert loc.name == "Hole Camp" and loc.admin1 == "Al Hasakeh"


def test_a_facility_named_for_its_town_is_at_that_town(pipeline):
    # "Kramatorsk Airport" ends like an organisation's name and is no ACLED location: the town it is named for is
    # where, near it (precision 2), even though "Russian forces" tip the article's country towards Russia
    loc = _location(pipeline, "Russian forces fired missiles at the Kramatorsk Airport on Sunday.")
    assert (loc.country, loc.admin1, loc.name) == ("Ukraine", "Donetsk", "Kramatorsk")
    assert int(loc.geo_precision) == 2


def test_a_hospital_named_for_a_town_is_not_where_the_event_was(pipeline):
    # the wounded are taken to hospitals elsewhere: "a source in Salamiyeh National Hospital" says nothing of where
    loc = _location(pipeline, "Islamic State fighters attacked Aqareb es Safi village in Hama province on Thursday, "
                              "a source in Salamiyeh National Hospital said.")
    assert loc is not None and loc.name != "As-Salamiyeh", loc


def test_a_town_named_twice_is_one_town(pipeline):
    # "Hader" alone reads as Hadher in Aleppo; the article says later it is the Hader in Quneitra province
    article = article_from_text(
        "An Israeli plane hit a car inside the town of Hader on Wednesday, killing two men. Two members of the "
        "National Defence Forces were killed when an Israeli drone targeted their car at the entrance of Hader in "
        "Quneitra province.", input_id="t", published=date(2015, 7, 29))
    events = next(pipeline.process([article]))[1]
    assert events and {(e.location.name, e.location.admin1) for e in events if e.location} == {("Hadar", "Quneitra")}


def test_town_before_its_province_after_a_comma(pipeline):
    # "Donetsk" is a city as well as the oblast: after the village it only says where the village is.
    loc = _location(pipeline, "On 9 March 2022, Russian forces shelled Ukrainian positions near Mykhaylivka, "
                              "Donetsk. Casualties unknown.")
    assert (loc.country, loc.admin1, loc.name) == ("Ukraine", "Donetsk", "Mykhaylivka")
    assert int(loc.geo_precision) == 2


def test_parenthesised_region_places_a_town_abroad_of_the_topic(pipeline):
    # The rally is about Ukraine, but it happened in Indiana.
    loc = _location(pipeline, "On 5 March 2022, about 80 people held a rally in Fort Wayne (Indiana) in support of "
                              "Ukraine and against Russia's invasion of Ukraine. [size=about 80]")
    assert (loc.country, loc.admin1, loc.name) == ("United States", "Indiana", "Fort Wayne")


def test_unknown_neighbourhood_falls_back_to_its_town_not_a_homonym_abroad(pipeline):
    # "Nashwa" alone would be read as Nashua, New Hampshire.
    loc = _location(pipeline, "On 3 April 2021, unidentified gunmen shot and killed a QSD member in Western Nashwa "
                              "neighborhood in Al-Hasakeh.")
    assert (loc.country, loc.admin1) == ("Syria", "Al Hasakeh")


def test_part_of_an_unknown_name_is_not_a_town_abroad(pipeline):
    # "Jum" of the unknown "Kafr Jum" is Jumla, Nepal, in the gazetteer; the note only tells us Aleppo.
    loc = _location(pipeline, "On 14 February 2020, regime forces captured Kafr Jum in the countryside of Aleppo "
                              "following clashes with opposition rebels.")
    assert (loc.country, loc.admin1) == ("Syria", "Aleppo")


def test_village_unknown_in_its_region_is_placed_by_the_region_not_a_homonym(pipeline):
    # The gazetteer's Kamyanka villages are in other oblasts; the note says this one is in Kharkiv oblast.
    loc = _location(pipeline, "On 24 March 2022, Russian forces clashed with Ukrainian forces near Kamyanka, "
                              "Kharkiv. Casualties unknown.")
    assert (loc.country, loc.admin1) == ("Ukraine", "Kharkiv")
    assert int(loc.geo_precision) == 2


def test_parenthesised_region_is_the_region_not_a_town_of_that_name(pipeline):
    # "San Martin" is also a town in Piura; in parentheses after Tarapoto it is the San Martin region.
    loc = _location(pipeline, "On 30 March 2022, dozens of truck drivers held a protest in Tarapoto (San Martin) "
                              "against the increase in fuel prices.")
    assert (loc.country, loc.name) == ("Peru", "Tarapoto")


def test_province_countryside_loses_to_a_town_named_apart_from_it(pipeline):
    # Menbij is not written as "Menbij in Aleppo"; "Aleppo countryside" still names the province, not the city.
    loc = _location(pipeline, "On 18 July 2021, clashes took place between JWS and QSD on Menbij fronts, amid "
                              "Turkish shelling on villages in Aleppo countryside. Casualties unknown.")
    assert loc.name == "Menbij" and int(loc.geo_precision) == 2


def test_road_between_two_villages_is_near_the_first(pipeline):
    loc = _location(pipeline, "On 15 May 2020, an unidentified gunman shot and killed a regime soldier on the road "
                              "between Mseifra and Eastern Ghariyeh in the eastern countryside of Dar'a.")
    assert loc.name == "Mseifra" and int(loc.geo_precision) == 2


def test_possessive_place_name(pipeline):
    loc = _location(pipeline, "On 4 October 2021, clashes took place between two unidentified armed groups near "
                              "Hadideh's bridge in Homs countryside.")
    assert (loc.admin1, loc.name) == ("Homs", "Hadideh")


def test_pro_country_prefix_does_not_make_the_note_foreign(pipeline):
    loc = _location(pipeline, "On 6 October 2021, unknown gunmen attacked pro-Iran militias positions in "
                              "Al-Rasafah badia in Ar Raqqa countryside, killing an unknown number of militiamen.")
    assert (loc.country, loc.admin1, loc.name) == ("Syria", "Ar Raqqa", "Al-Rasafah")
    assert int(loc.geo_precision) == 2


def test_township_is_near_and_first_named_village_wins(pipeline):
    loc = _location(pipeline, "On 22 June 2022, in Kan Hpyu village, Wetlet township (Shwebo district, Sagaing "
                              "region), military troops fired heavy weapons at the village. Casualties unknown.")
    assert (loc.admin1, loc.name) == ("Sagaing", "Kan Hpyu")


def test_english_at_is_not_an_arabic_article(pipeline):
    loc = _location(pipeline, "On 13 January 2022, hundreds of farmers protested at Ranbir Singh Pura city (Jammu "
                              "district, J&K) against the central government.")
    assert loc.name == "Ranbir Singh Pura" and int(loc.geo_precision) == 1


def test_park_named_after_a_person_is_not_a_town(pipeline):
    loc = _location(pipeline, "On 12 June 2022, over a hundred people gathered at Miller Park and marched through "
                              "Chattanooga (Tennessee) in support of stricter gun control legislation.")
    assert (loc.country, loc.admin1, loc.name) == ("United States", "Tennessee", "Chattanooga")


def test_town_and_region_pair_picks_the_country_where_both_exist(pipeline):
    # "Victoria" alone is a Canadian city; with Melbourne it is the Australian state.
    loc = _location(pipeline, "On 28 February 2022, thousands of people gathered in Melbourne (Victoria) to oppose "
                              "the Russian invasion of Ukraine.")
    assert (loc.country, loc.admin1, loc.name) == ("Australia", "Victoria", "Melbourne")


def test_acled_compound_location_is_one_mention(pipeline):
    loc = _location(pipeline, "On 23 February 2022, in Rio de Janeiro - North Zone (Rio de Janeiro), a shoot-out "
                              "between drug traffickers took place in the Penha neighborhood. Casualties unknown.")
    assert (loc.country, loc.admin1) == ("Brazil", "Rio de Janeiro")
    assert loc.name.startswith("Rio de Janeiro")


def test_region_name_outweighs_a_town_name_for_the_country(pipeline):
    # "Saraf" is also an ACLED village in Lattakia; North Darfur is a region of Sudan only.
    loc = _location(pipeline, "On 10 January 2022, armed men shot and injured six civilians in a looting incident "
                              "in Wadi Bardi (Saraf Omra locality, North Darfur state).")
    assert (loc.country, loc.admin1) == ("Sudan", "North Darfur")


def test_saint_abbreviation_and_place_named_only_as_background(pipeline):
    # The rally is in St. Petersburg; Crimea is only what its annexation anniversary is about.
    loc = _location(pipeline, "On 19 March 2022, people gathered in St. Petersburg to celebrate the anniversary of "
                              "the annexation of Crimea.")
    assert (loc.country, loc.name) == ("Russia", "St. Petersburg")


def test_hyphenated_pair_of_villages_is_coded_at_the_first(pipeline):
    loc = _location(pipeline, "On 15 January 2022, unknown gunmen shot and killed a regime soldier on Um "
                              "Walad-Mseifra road in Dara countryside.")
    assert (loc.admin1, loc.name) == ("Dara", "Um Walad") and int(loc.geo_precision) == 2


def test_backing_country_is_not_the_country_of_the_event(pipeline):
    loc = _location(pipeline, "On 18 May 2021, clashes took place between Turkey backed opposition rebels and YPG "
                              "near Ibbin in Aleppo countryside.")
    assert (loc.country, loc.admin1) == ("Syria", "Aleppo")


@pytest.mark.parametrize("text, precision", [
    ("On 14 March 2022, unidentified gunmen killed a former rebel in Hseiniyeh town in Rural Damascus governorate.", 1),
    ("Around 6 May 2022, truck drivers protested near Carraipia corregimiento (La Guajira) against insecurity.", 2),
    ("On 21 June 2022, youth staged a protest in Gopeshwar town (Chamoli district, Uttarakhand) against the "
     "central government.", 1),
])
def test_unknown_town_in_a_region_keeps_the_towns_precision(pipeline, text, precision):
    # The towns are not in the gazetteer; the region places them, at the precision the note gives the town.
    loc = _location(pipeline, text)
    assert loc.geo_precision is not None and int(loc.geo_precision) == precision


def test_unknown_village_comma_region_is_the_oblast_not_the_city(pipeline):
    # "Kyiv" after a village is Kyiv oblast (ACLED admin1 "Kyiv"), not Kyiv city ("Kyiv City").
    loc = _location(pipeline, "On 2 April 2022, Ukrainian forces regained control over Zelenyi Yar, Kyiv, after "
                              "clashes with Russian forces.")
    assert (loc.country, loc.admin1) == ("Ukraine", "Kyiv")


def test_origin_of_displaced_people_is_not_the_event_place(pipeline):
    loc = _location(pipeline, "On 2 January 2022, Russian warplanes carried out airstrikes on tents of IDPs from "
                              "Aleppo near Jisr-Ash-Shugur in Idleb governorate, killing a woman.")
    assert loc.admin1 == "Idleb"


def test_name_with_two_particles(pipeline):
    loc = _location(pipeline, "On 28 January 2022, in Fernando de la Mora (Central), relatives of patients "
                              "protested and blocked the parking lot of a hospital.")
    assert loc.country == "Paraguay" and loc.name.lower() == "fernando de la mora"


def test_common_word_town_named_as_a_town(pipeline):
    # "hole" is an English word, but "Hole town" is the ACLED location Hole.
    loc = _location(pipeline, "On 3 May 2023, QSD members conducted a security operation in Hole town in Al Hasakeh "
                              "countryside and detained an IS member.")
    assert (loc.admin1, loc.name) == ("Al Hasakeh", "Hole")


def test_part_of_an_unknown_town_name_is_no_town_abroad(pipeline):
    # "Pedro" alone is a town in the Cayman Islands; "Pedro de Valdivia" is unknown, Biobio places it.
    loc = _location(pipeline, "On 15 April 2022, in Pedro de Valdivia (Biobio), around 100 people staged a "
                              "demonstration and blocked the roads.")
    assert (loc.country, loc.admin1) == ("Chile", "Biobio")


def test_village_spelled_differently_is_found_when_nothing_else_is(pipeline):
    # ACLED's train rows spell it "Namliyah"; the sentence names no other place.
    loc = _location(pipeline, "On 20 November 2019, IS cell fighters clashed with QSD forces in the village of "
                              "Namilyah. Neither injuries nor fatalities were reported.")
    assert (loc.country, loc.admin1, loc.name) == ("Syria", "Deir ez Zor", "Namliyah")


def test_region_that_reads_like_a_bank_and_acled_compound_in_it(pipeline):
    # "West Bank" ends like an organisation name; "Al Quds - Shaykh Jarrah" is ACLED's own location.
    loc = _location(pipeline, "On 5 March 2022, Israeli police assaulted Palestinian protesters and arrested others "
                              "in Al Quds - Shaykh Jarrah (Al Quds, West Bank).")
    assert (loc.admin1, loc.name) == ("West Bank", "Al Quds - Shaykh Jarrah")


def test_part_of_an_unknown_name_says_little_about_the_country(pipeline):
    # "Amran" of "Jeb Amran" is a Yemeni governorate; Aleppo, named in full, makes the note Syrian.
    loc = _location(pipeline, "Around 21 July 2021, a QDW member's body was found near Jeb Amran area in Aleppo "
                              "countryside, killed by an unknown armed group.")
    assert (loc.country, loc.admin1) == ("Syria", "Aleppo")


def test_community_comma_region(pipeline):
    # Krasnopillia is the name of villages in several oblasts; ", Sumy" says which.
    loc = _location(pipeline, "On 3 June 2022, Russian aircraft struck one of the settlements in the Krasnopillia "
                              "community, Sumy. Residential houses were damaged.")
    assert (loc.country, loc.admin1) == ("Ukraine", "Sumy")


def test_outskirts_of_a_town_is_coded_at_the_town(pipeline):
    # ACLED's train notes put "on the outskirts of X" at X with precision 1 in 172 of 206 cases
    # (scripts/location_precision_cues.py).
    loc = _location(pipeline, "On 11 January 2022, unknown gunmen shot and killed two regime soldiers on the "
                              "outskirts of As-Sanamayn town in Dara countryside.")
    assert (loc.admin1, loc.name) == ("Dara", "As-Sanamayn") and int(loc.geo_precision) == 1


def test_bracketed_region_after_an_unknown_town_is_the_province_not_its_capital(pipeline):
    # "Mar de" of the unknown "Mar de Cobo" reads as Mardin (Turkey); "(Buenos Aires)" is the province, not the
    # Ciudad Autonoma de Buenos Aires
    loc = _location(pipeline, "On 3 March 2022, in Mar de Cobo (Buenos Aires), fishermen marched against offshore "
                              "oil exploration. [size=no report]")
    assert (loc.country, loc.admin1) == ("Argentina", "Buenos Aires")


def test_piece_of_an_unknown_town_before_its_region_is_no_town_abroad(pipeline):
    # "Pedro" of "Pedro de Valdivia" is San Pedro (Costa Rica), which tipped the note away from Chile
    loc = _location(pipeline, "On 3 March 2022, in Pedro de Valdivia (Biobio), residents blocked roads with burning "
                              "tyres, in La Granja sector. [size=around 50]")
    assert (loc.country, loc.admin1) == ("Chile", "Biobio")


def test_region_standing_for_an_unknown_town_beats_a_landmark_near_it(pipeline):
    loc = _location(pipeline, "Around 2 May 2022 (as reported), in La Haciendita, Chihuahua, a man was shot dead "
                              "and his body was found near La Cantera Racetrack. 1 fatality.")
    assert (loc.country, loc.admin1) == ("Mexico", "Chihuahua")


def test_piece_of_an_unknown_village_outside_the_bracketed_region_is_no_place(pipeline):
    # "U Yin" of the unknown "U Yin Thar" is a village in Yangon; the brackets put it in Sagaing
    loc = _location(pipeline, "Property destruction: On 4 June 2022, in U Yin Thar village (Wetlet township, "
                              "Shwebo district, Sagaing region), the military set fire to twelve houses.")
    assert (loc.country, loc.admin1) == ("Myanmar", "Sagaing")


def test_town_territory_region_chain_is_a_container(pipeline):
    # "Mokambo, Mahagi, Ituri": Mahagi is a territory the gazetteer does not know; Ituri still contains Mokambo,
    # so the Mokambo in Katanga is not it
    loc = _location(pipeline, "On 9 March 2022, CODECO militiamen killed two civilians at Ndjala village (coded to "
                              "Mokambo, Mahagi, Ituri). 2 fatalities.")
    assert (loc.country, loc.admin1) == ("Democratic Republic of Congo", "Ituri")


def test_region_the_train_rows_never_show_keeps_its_own_name(pipeline):
    # the few Afar train rows lie nearest Tigray towns; that must not rename Tigray "Afar"
    loc = _location(pipeline, "On 12 May 2022, TPLF forces clashed with ENDF soldiers in Mekele (Tigray). "
                              "Casualties unknown.")
    assert (loc.country, loc.admin1) == ("Ethiopia", "Tigray")


def test_deir_ez_zor_written_with_spaces_is_a_place(pipeline):
    # the IRGC victims make the article Iranian; the place named is still Syria's Deir ez Zor
    loc = _location(pipeline, "On 2 February 2023, unidentified gunmen shot and killed three IRGC members in "
                              "Mreiyeh town in Deir ez Zor countryside. 3 fatalities.")
    assert (loc.country, loc.admin1) == ("Syria", "Deir ez Zor")


def test_chinese_province_is_named_as_acled_names_it(pipeline):
    # geonames writes "Jilin Sheng"; ACLED writes "Jilin"
    loc = _location(pipeline, "Around 3 March 2022 (as reported), over 50 workers protested in Yanji (Yanbian, "
                              "Jilin) to demand wage arrears. [size=over 50]")
    assert (loc.country, loc.admin1) == ("China", "Jilin")


def test_town_comma_region_abroad_is_a_container(pipeline):
    # "Veracruz" also names Vera Cruz in Bahia, which can tip the article to Brazil; ", Veracruz" after the town
    # is still the Mexican state that contains it
    loc = _location(pipeline, "On 3 July 2022, in Veracruz, Veracruz, about 80 people marched to demand the release "
                              "of a kidnapped teacher. [size=about 80]")
    assert (loc.country, loc.admin1) == ("Mexico", "Veracruz de Ignacio de la Llave")


def test_kenyan_county_is_named_without_district(pipeline):
    loc = _location(pipeline, "On 7 June 2022, supporters of two aspirants fought with stones and injured three "
                              "people in Nyamira town (Nyamira, Nyamira).")
    assert (loc.country, loc.admin1) == ("Kenya", "Nyamira")


def test_city_part_compound_confirmed_by_its_region_is_the_part(pipeline):
    # ACLED codes East Jerusalem's quarters in the West Bank; "Al Quds" alone reads as the Israeli Jerusalem
    loc = _location(pipeline, "Property destruction: On 5 July 2022, Israeli police demolished a Palestinian-owned "
                              "house in Al Quds - Bayt Hanina town (Al Quds, West Bank), citing a missing permit.")
    assert loc.admin1 == "West Bank"


def test_compound_part_with_a_particle_is_one_name(pipeline):
    # "Al Quds - Jabal al Mukabbir", not "Al Quds - Jabal"
    loc = _location(pipeline, "Property destruction: On 5 July 2022, Israeli police demolished a Palestinian-owned "
                              "shop in Al Quds - Jabal al Mukabbir (Al Quds, West Bank), citing a missing permit.")
    assert loc.admin1 == "West Bank"


def test_region_closing_the_brackets_is_a_place_though_once_written_in_lower_case(pipeline):
    # "oromia" is in the mined common-word list; as the region that closes "(West Shewa, Oromia)" it is a place
    loc = _location(pipeline, "On 14 January 2022, Oromia special police clashed with OLF Shane militants in "
                              "Tulu Chobi (West Shewa, Oromia), killing 12 rebel combatants.")
    assert (loc.country, loc.admin1) == ("Ethiopia", "Oromia")


def test_region_named_like_a_nationality_closing_the_brackets_is_a_place(pipeline):
    loc = _location(pipeline, "On 16 February 2022, rioters blocked roads with burning tyres in Qabri Bayah (Fafan, "
                              "Somali) after the killing of a student. [size=no report]")
    assert (loc.country, loc.admin1) == ("Ethiopia", "Somali")


def test_the_piece_after_a_particle_is_no_town_abroad(pipeline):
    # "Numan" is a Nigerian town; here it is the end of a Syrian town's name the gazetteer spells otherwise.
    loc = _location(pipeline, "On 3 February 2019, dozens of protesters gathered in Maarat al-Numan to denounce HTS "
                              "and the Syrian regime.")
    assert loc is None or loc.country == "Syria"


# -- news wording: other spellings and names, areas, unknown villages in a named province -------------------------------
def test_town_under_its_other_common_name(pipeline):
    loc = _location(pipeline, "ISIS militants attacked Syrian army positions near Palmyra on Sunday, killing 20 "
                              "soldiers.")
    assert (loc.country, loc.admin1, loc.name) == ("Syria", "Homs", "Tadmor")


def test_town_spelled_in_another_transliteration(pipeline):
    loc = _location(pipeline, "Syrian regime airstrikes hit a crowded market in the city of Maaret al-Noaman in "
                              "Idlib province on Sunday, killing 12 civilians.")
    assert (loc.admin1, loc.name) == ("Idleb", "Ma'arrat An Nu'man")


def test_town_spelled_otherwise_without_a_province(pipeline):
    # "Tel Rifaat on Monday" reads as one name; its leading part is the town
    loc = _location(pipeline, "Syrian regime warplanes struck Tel Rifaat on Monday, killing two civilians.")
    assert (loc.admin1, loc.name) == ("Aleppo", "Tall Refaat")


def test_mountains_named_after_a_place_are_near_it(pipeline):
    loc = _location(pipeline, "Hezbollah fighters and the Syrian army clashed with al-Nusra Front militants in the "
                              "Qalamoun mountains, killing 14 militants.")
    assert loc.admin1 == "Rural Damascus" and int(loc.geo_precision) == 2


def test_countryside_of_a_province(pipeline):
    loc = _location(pipeline, "Syrian regime warplanes bombed villages in the eastern countryside of Homs on Monday, "
                              "killing five civilians.")
    assert loc.admin1 == "Homs" and int(loc.geo_precision) >= 2


def test_unknown_village_in_a_named_province(pipeline):
    # "Hass" is in no gazetteer (and too short to guess a spelling for); the note names its province
    loc = _location(pipeline, "Warplanes carried out six strikes on the village of Hass in Syria's Idlib province, "
                              "killing 35 people, a monitor said.")
    assert (loc.country, loc.admin1) == ("Syria", "Idleb")


def test_a_country_possessing_a_place_contains_it(pipeline):
    # the only Soum the gazetteer knows is in Senegal; "Burkina Faso's ... Soum province" is not there
    loc = _location(pipeline, "Gunmen on motorbikes killed at least 12 villagers in an attack on Kadisso in Burkina "
                              "Faso's northern Soum province, local officials said.")
    assert (loc.country, loc.admin1, int(loc.geo_precision)) == ("Burkina Faso", None, 3)
    # a place the possessor has is kept, at the possessor's
    loc = _location(pipeline, "Jihadists attacked an army post in Mali's central Mopti region, killing four soldiers.")
    assert (loc.country, loc.admin1) == ("Mali", "Mopti")
    # a town possesses its districts: not Iraq's Salah al-Din province
    loc = _location(pipeline, "Rebel mortar rounds landed on a market in Aleppo's Salah al-Din district, killing five "
                              "civilians, the Syrian Observatory for Human Rights said.")
    assert (loc.country, loc.admin1, loc.name) == ("Syria", "Aleppo", "Aleppo")


def test_a_common_word_before_a_region_word_is_the_region(pipeline):
    from eventwire.events.places import find_place_mentions

    text = "Dozens of people were killed when herders attacked farming communities in Plateau state."
    for country in (None, "Nigeria"):
        found = find_place_mentions(text, 0, len(text), pipeline.resources.gazetteer, country, [])
        assert [(m.text, m.place.country, m.place.feature) for m in found] == [("Plateau", "Nigeria", "admin1")]
    text = "The plateau state of the army's supplies worried officers."  # the word, in lower case, is no place
    assert find_place_mentions(text, 0, len(text), pipeline.resources.gazetteer, None, []) == []


def test_a_nationality_word_is_no_spelling_variant(pipeline):
    # "Syrian" before "town of" is neither a misspelt village ("Suran") nor a container of al-Bab
    loc = _location(pipeline, "A senior Islamic State commander was killed in a drone strike near the Syrian town of "
                              "al-Bab on Tuesday, activists said.")
    assert (loc.admin1, loc.name) == ("Aleppo", "Al Bab")


def test_an_event_placed_only_at_its_country_takes_the_articles_province() -> None:
    from datetime import date

    from eventwire.intake import article_from_text
    from eventwire.pipeline import extract

    text = ("Air raid kills 19 Syrians in IS-held village\n\n"
            "An air raid hit a village in Syria on Tuesday, killing 19 civilians including three children, a "
            "monitor said. The strikes hit the village of Tal Jijan near the town of Akhtarin in Aleppo province. "
            "Clashes also broke out near Akhtarin between rebels and IS fighters.")
    events = extract(article_from_text(text, published=date(2016, 10, 5)))
    air = next(e for e in events if "air raid hit a village in Syria" in e.notes)
    assert air.location is not None and air.location.admin1 == "Aleppo" and air.location.geo_precision == 3
    assert any(text[s.start:s.end] != "Syria" for s in air.location.evidence)


def test_a_country_level_place_stays_when_the_article_names_no_province() -> None:
    from eventwire.events.places import refine_places
    from eventwire.geo import get_gazetteer
    from eventwire.models import Location

    syria = Location(text="Syria", name="Syria", country="Syria", geo_precision=3)
    iraq_town = Location(text="Mosul", name="Mosul", admin1="Ninewa", country="Iraq")
    assert refine_places([syria, iraq_town, None], get_gazetteer()) == [syria, iraq_town, None]


def _main_location(pipeline: Pipeline, text: str):
    article = article_from_text(text, input_id="t")
    events: list[Event] = next(pipeline.process([article]))[1]
    main = next((e for e in events if e.main), None)
    assert main is not None, text
    return main.location


def test_a_border_town_named_beside_turkey_keeps_a_syrian_story_syrian(pipeline):
    # the headline's "Northern Syria" and the town outweigh one "in Turkey": the article is Syrian, so is the town
    # and the headline's town is "the town" of the body
    loc = _main_location(pipeline, "Seven Killed in Tell Abyad Bomb Attack in Northern Syria\n\nWed Jun 29 2016 "
                                   "At least seven people were killed when a car bomb hit a market in the town. "
                                   "The town faces the city of Akcakale in Turkey across the border.")
    assert loc is not None and (loc.country, loc.admin1) == ("Syria", "Ar Raqqa")


def test_a_dateline_inside_the_text_is_where_the_reporter_is_not_the_event(pipeline):
    loc = _main_location(pipeline, "Last updated at Oct 08 2017 MOSCOW (Sputnik) Some 40 militants were killed in a "
                                   "series of air strikes near Al Mayadin in Syria, the defence ministry said.")
    assert loc is not None and loc.country == "Syria" and loc.name != "Moscow"


def test_a_name_that_speaks_is_a_person_or_a_government_not_a_place(pipeline):
    # "Kerry" is a village in Wales; "Moscow said" is the Russian government
    loc = _main_location(pipeline, "Sunday 25 August 2013 Kerry discusses chemical attack with Syrian minister.\n\n"
                                   "Hundreds were killed in a chemical attack on Eastern Ghouta near Damascus on "
                                   "Wednesday, activists said. Moscow said the rebels staged it.")
    assert loc is not None and loc.country == "Syria"


def test_an_unplaced_headline_event_takes_the_province_the_article_is_about() -> None:
    from eventwire.events.places import refine_places
    from eventwire.geo import get_gazetteer
    from eventwire.models import Location, Span

    town = Location(text="Saraqib", name="Saraqib", admin1="Idleb", country="Syria", evidence=[Span(start=40, end=47)])
    placed = refine_places([None, town], get_gazetteer())
    assert placed[1] == town
    assert placed[0] is not None and (placed[0].admin1, placed[0].geo_precision) == ("Idleb", 3)
    assert placed[0].evidence == town.evidence  # the province is shown by the town that says it


def test_a_district_closing_brackets_places_an_unknown_village_in_its_region(pipeline):
    # Soum is a Burkinabe province (ACLED's admin2) and a town in Senegal; written as the region closing the
    # brackets, it is the province: the unknown village is in Sahel region, Burkina Faso
    loc = _location(pipeline, "On 3 March 2020, gunmen attacked the village of Wendpanga (Soum), killing two herders.")
    assert loc is not None and (loc.country, loc.admin1) == ("Burkina Faso", "Sahel")


def test_a_district_is_no_place_outside_a_region_context() -> None:
    from eventwire.geo import get_gazetteer

    gazetteer = get_gazetteer()
    assert gazetteer.admin1_region("Soum", None, districts=True).admin1 == "Sahel"
    assert gazetteer.admin1_region("Soum") is None  # a district is asked for only where a region is written


def test_the_main_event_happened_in_the_province_its_headline_names(pipeline):
    # the body's first place is Manbij (Aleppo); the headline says Hasakah, and so does the story
    loc = _main_location(pipeline, "Suicide bomber kills 16 in Syria's Hasakah\n\nDate of publication 5 July 2016 "
                                   "Kurdish forces captured Manbij from the Islamic State group a week ago. "
                                   "On Tuesday a suicide bomber on a motorcycle killed 16 people outside a bakery.")
    assert loc is not None and (loc.country, loc.admin1) == ("Syria", "Al Hasakeh")


def test_a_name_the_article_writes_in_lower_case_is_a_word_not_a_place(pipeline):
    # Sarin is also a village in Aleppo; this article writes "sarin" as the gas
    article = article_from_text("Sarin nerve gas used in Syria, scientists say\n\nScientists said on Thursday that "
                                "sarin or a sarin-like substance was used in the attack on Khan Sheikhoun in Idlib.",
                                input_id="t")
    events = next(pipeline.process([article]))[1]
    assert events and all(e.location is None or e.location.name != "Sarin" for e in events)


def test_a_country_level_event_takes_the_province_of_the_event_that_tells_it_next() -> None:
    from eventwire.events.places import refine_places
    from eventwire.geo import get_gazetteer
    from eventwire.models import Location

    syria = Location(text="Syria", name="Syria", country="Syria", geo_precision=3)
    idlib = Location(text="Idlib", name="Idleb", admin1="Idleb", country="Syria")
    aleppo = Location(text="Aleppo", name="Aleppo", admin1="Aleppo", country="Syria")
    # "Air strikes in Syria killed 22 ..." then "The Civil Defence in Idlib said ...", then two Aleppo events later
    placed = refine_places([syria, idlib, aleppo, aleppo], get_gazetteer())
    assert placed[0].admin1 == "Idleb"
    # nothing placed right after it: the article's most frequent province
    assert refine_places([syria, None, None, aleppo, idlib, aleppo], get_gazetteer())[0].admin1 == "Aleppo"


def test_of_two_places_the_one_the_deaths_are_told_in_is_the_events(pipeline):
    loc = _location(pipeline, "On 3 May 2016 the army advanced in Daraa and killed 30 militants in Quneitra.")
    assert loc is not None and loc.admin1 == "Quneitra"


def test_a_place_name_whose_second_word_is_written_in_lower_case(pipeline):
    loc = _location(pipeline, "On 3 May 2016 US airstrikes killed 23 civilians in Syria's Deir ezzor, activists said.")
    assert loc is not None and loc.admin1 == "Deir ez Zor"


def test_the_capital_is_the_capital_city_of_the_country_named_or_the_articles(pipeline):
    loc = _location(pipeline, "On 4 April 2017 at least 19 people were killed by shelling near the Syrian capital.")
    assert loc is not None and loc.name == "Damascus" and loc.geo_precision == 2
    loc = _location(pipeline, "On 4 April 2017 a car bomb killed 12 people in the Iraqi capital.")
    assert loc is not None and loc.country == "Iraq" and loc.name == "Baghdad"
    # a capital named right after the phrase is that one: here a province's, not the country's
    loc = _location(pipeline, "On 4 April 2017 a suicide bomber blew himself up outside the capital city Lashkar Gah "
                              "of Helmand in southern Afghanistan, killing seven people.")
    assert loc is not None and loc.admin1 == "Helmand"


def test_the_islamic_states_full_name_names_no_place(pipeline):
    loc = _location(pipeline, "On 4 April 2017 the so-called Islamic State of Iraq and Al-Sham launched an attack on "
                              "army checkpoints near Palmyra.")
    assert loc is not None and loc.country == "Syria"


def test_title_case_runs_no_place_into_an_actors_name(pipeline):
    # "Hama Syrian Army" reads like an organisation's name; it is Hama, then the Syrian army
    loc = _location(pipeline, "On 9 September 2014 28 Fighters Killed in Hama Syrian Army Regains Two Villages.")
    assert loc is not None and loc.admin1 == "Hama"


def test_a_homonym_is_read_as_the_town_nearest_where_the_article_is(pipeline):
    from eventwire.geo import get_gazetteer

    home = {p.admin1 for p in get_gazetteer().lookup("Madaya", "Syria") if p.country == "Syria"}
    assert {"Idleb", "Rural Damascus"} <= home  # the gazetteer has a Madaya in both provinces
    loc = _main_location(pipeline, "Three women killed in Madaya\n\nOn Friday government forces shelled a funeral "
                                   "in Madaya, killing three women. The town, near Zabadani and 40 km from "
                                   "Damascus, has been besieged since July.")
    assert loc is not None and loc.admin1 == "Rural Damascus"


def test_a_dateline_with_its_agency_before_a_one_letter_word_is_no_place(pipeline):
    loc = _main_location(pipeline, "Suicide blast near rebel headquarters leaves 45 dead\n\nBEIRUT (Reuters) A suicide "
                                   "blast near a rebel headquarters in Syria's Idlib province killed 45 people on Sunday.")
    assert loc is not None and (loc.country, loc.admin1) == ("Syria", "Idleb")


def test_a_country_named_as_the_far_side_of_a_border_is_not_the_place(pipeline):
    loc = _main_location(pipeline, "Bombers attack camp in Syria\n\n2 May 2017 At least 24 people were killed on "
                                   "Tuesday in an attack near a camp on the Syrian side of the border with Iraq. The "
                                   "village lies in Hasakeh province, a monitor said.")
    assert loc is not None and (loc.country, loc.admin1) == ("Syria", "Al Hasakeh")


def test_the_capital_of_a_possessive_written_without_its_apostrophe(pipeline):
    loc = _location(pipeline, "On 17 May 2016 at least 50 fighters were killed in clashes east of Syrias capital.")
    assert loc is not None and loc.country == "Syria" and loc.admin1 in {"Damascus", "Rural Damascus"}


def test_an_unplaced_main_event_takes_the_province_a_later_sentence_names(pipeline):
    # no event names a Syrian province; the sentence after the attack says where the camp is
    loc = _main_location(pipeline, "Israeli attack on Syrian camp kills three\n\n23 April 2017 An Israeli attack on a "
                                   "training camp near the Golan Heights killed three militia members on Sunday. The camp "
                                   "in Syrias southwestern Quneitra province is used by a pro-government militia.")
    assert loc is not None and (loc.country, loc.admin1, loc.geo_precision) == ("Syria", "Quneitra", 3)


def test_a_named_region_in_another_transliteration_is_that_region(pipeline):
    # "Eastern Ghouta" is a named region of Rural Damascus; written "Eastern Gouta" it is no exact key
    loc = _main_location(pipeline, "Rebels clash in Syria\n\nOn 17 May 2016 clashes between rival rebel groups "
                                   "killed 52 fighters in Eastern Gouta.")
    assert loc is not None and (loc.admin1, loc.geo_precision) == ("Rural Damascus", 3)


def test_town_spelt_otherwise_in_its_named_province_is_that_provinces_town(pipeline):
    # geonames' "As Sabkhah" (Ar Raqqa) is the exact key of "Sabkha"; the province named after it says the
    # Al Sabkhah of Deir-ez-Zor, 100 km away, under another spelling
    loc = _location(pipeline, "On 23 July 2021, unidentified gunmen shot and killed a QSD fighter on the outskirts "
                              "of Sabkha in Deir-ez-Zor.")
    assert (loc.admin1, loc.name) == ("Deir ez Zor", "Al Sabkhah")


def test_joined_settlement_words_before_the_container(pipeline):
    # "Azaz city and area in Aleppo": Aleppo contains Azaz, it is not a second candidate on a par with it
    loc = _location(pipeline, "On 2 September 2021, police launched a security campaign in Azaz city and area in "
                              "Aleppo, during which 10 IS affiliates were detained.")
    assert (loc.admin1, loc.name) == ("Aleppo", "Azaz")


def test_a_place_read_in_another_region_than_the_town_named_with_its_region_is_a_homonym(pipeline):
    # Mexico has a Colonia Emiliano Zapata in many states; the gazetteer's is in Chihuahua, the town is in Guanajuato.
    text = "In Celaya, Guanajuato, gunmen shot dead a man in Colonia Emiliano Zapata on Monday night, police said."
    loc = _location(pipeline, text)
    assert (loc.country, loc.admin1, loc.name) == ("Mexico", "Guanajuato", "Celaya")
    alone = _location(pipeline, text.replace("In Celaya, Guanajuato, gunmen", "Gunmen"))
    assert (alone.country, alone.admin1) == ("Mexico", "Chihuahua")  # nothing says it is another


def test_a_town_followed_by_its_region_is_read_in_that_region_wherever_the_article_is(pipeline):
    # The article is placed near Mexico City, where an "El Saltillo" lies; ", Coahuila" says which Saltillo.
    loc = _location(pipeline, "In Saltillo, Coahuila, dozens of protesters blocked the Periferico Luis Echeverria "
                              "Alvarez on Monday. Teachers from Mexico City joined the protest.")
    assert (loc.admin1, loc.name) == ("Coahuila de Zaragoza", "Saltillo")


def test_a_big_town_with_hamlet_namesakes_places_the_article():
    # San Luis Potosi has a namesake hamlet in Chiapas; the only single-reading name is a Veracruz colonia (pop 519).
    from eventwire.events.extract import _anchor
    from eventwire.geo import get_gazetteer, haversine_km

    lat, lon = _anchor(["San Luis Potosi", "Colonia Primero de Mayo"], "Mexico", get_gazetteer())
    assert haversine_km(lat, lon, 22.15, -100.98) < 10
    lat, lon = _anchor(["Colonia Primero de Mayo"], "Mexico", get_gazetteer())  # a hamlet alone still places it
    assert haversine_km(lat, lon, 22.15, -100.98) > 300


def test_a_common_word_closing_brackets_is_a_region_only_of_the_articles_country(pipeline):
    # Lebanon has a "North" governorate; in a Myanmar note "(North)" is part of the village's name.
    loc = _location(pipeline, "On 12 May 2022, in Hti Ri (North) village, Nyaungshwe township (Taunggyi district, "
                              "Shan-South State), PDF fighters attacked a military camp. Casualties unknown.")
    assert (loc.country, loc.admin1) == ("Myanmar", "Shan-South")


def test_a_region_after_a_towns_comma_votes_for_its_country(pipeline):
    # The gazetteer knows only Mexico's Nejapa; ", San Salvador," says the town is in El Salvador.
    loc = _location(pipeline, "On 8 April 2022, in Nejapa, San Salvador, police officers clashed with members of an "
                              "unidentified gang. Casualties unknown.")
    assert (loc.country, loc.admin1) == ("El Salvador", "San Salvador")
