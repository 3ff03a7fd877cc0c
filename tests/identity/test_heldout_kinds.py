"""`newskit link` on business and market news: a two-article archive per phenomenon, each identity ending with one
key, and the names that must stay apart staying apart. Entities are written as an article command lists them."""
from __future__ import annotations

import io
import json

from newskit.identity import link_lines


def _entity(eid, name, type_, *aliases, count=1):
    span = {"start": 0, "end": len(name), "text": name}
    return {"id": eid, "name": name, "type": type_, "aliases": list(aliases), "mentions": [span] * count,
            "count": count}


def _archive(*articles):
    """Link one record per article (each a list of entities) and return each article's {name: key}."""
    records = [{"id": f"a{n}", "entities": [dict(e, id=f"E{i}") for i, e in enumerate(ents, 1)]}
               for n, ents in enumerate(articles)]
    lines = [json.dumps(r) for r in records]
    out = io.StringIO()
    link_lines(lines, lines, out)
    return [{e["name"]: e["key"] for e in json.loads(x)["entities"]} for x in out.getvalue().splitlines()]


def test_a_firms_leading_word_joins_the_one_firm_written_with_a_legal_form():
    one, two = _archive([_entity("", "Goldman Sachs Group Inc.", "organization")],
                        [_entity("", "Goldman", "organization", count=2)])
    assert one["Goldman Sachs Group Inc."] == two["Goldman"] == "organization:goldman sachs"


def test_a_parents_name_is_not_short_for_its_subsidiary():
    # "Boeing Co." is a firm's whole name; a name the archive uses far more often than the firm's is not its short
    # name either; and leading words of a name no article writes with a legal form are not evidence
    keys = _archive([_entity("", "Boeing Co.", "organization"), _entity("", "Boeing Capital Corp.", "organization")],
                    [_entity("", "Boeing", "organization")],
                    *([_entity("", "Marlow", "organization")] for _ in range(5)),
                    [_entity("", "Marlow Leasing Inc.", "organization")],
                    [_entity("", "Tessaly", "organization")], [_entity("", "Tessaly Air Force", "organization")])
    found = {name: key for k in keys for name, key in k.items()}
    assert found["Boeing"] == found["Boeing Co."] == "organization:boeing" != found["Boeing Capital Corp."]
    assert found["Marlow"] == "organization:marlow" != found["Marlow Leasing Inc."]
    assert found["Tessaly"] == "organization:tessaly" != found["Tessaly Air Force"]


def test_a_word_that_opens_the_names_of_several_bodies_is_no_firms_short_name():
    keys = _archive([_entity("", "American International Group", "organization")],
                    [_entity("", "American Airlines", "organization"), _entity("", "American", "organization")],
                    [_entity("", "Dunmore Shipping Inc.", "organization"), _entity("", "Dunmore", "place")],
                    [_entity("", "Dunmore", "organization")])
    assert keys[1]["American"] == "organization:american"
    # a word the archive also uses as a place's name is no firm's short name either
    assert keys[3]["Dunmore"] != keys[2]["Dunmore Shipping Inc."]


def test_an_acronym_joins_the_name_whose_written_form_gives_its_letters():
    # the key drops "Group" ("american international"), but the name as written gives AIG
    one, two = _archive([_entity("", "American International Group", "organization")],
                        [_entity("", "AIG", "organization", count=3)])
    assert one["American International Group"] == two["AIG"] == "organization:american international"


def test_a_clipping_joins_the_name_an_article_gave_it_for():
    one, two, three = _archive([_entity("", "Federal Reserve", "organization", "Fed")],
                               [_entity("", "Fed", "organization", count=2)],
                               [_entity("", "Citigroup", "organization"), _entity("", "Citi", "organization")])
    assert one["Federal Reserve"] == two["Fed"] == "organization:federal reserve"
    assert three["Citi"] == three["Citigroup"] == "organization:citigroup"


def test_a_family_name_typed_an_organization_is_the_one_person_of_the_archive():
    one, two = _archive([_entity("", "Ben S. Bernanke", "person"), _entity("", "Bernanke", "person")],
                        [_entity("", "Bernanke", "organization")])
    assert two["Bernanke"] == one["Ben S. Bernanke"] == "person:ben s bernanke"


def test_a_firm_named_after_a_person_stays_the_firm():
    # "Ford Motor Co." written once makes "Ford" a firm; the founder and his great-grandson stay people, apart
    one, two = _archive([_entity("", "Ford", "organization", "Ford Motor Co.", count=3),
                         _entity("", "William Clay Ford Jr.", "person")],
                        [_entity("", "Henry Ford", "person"), _entity("", "Ford", "organization")])
    assert one["Ford"] == two["Ford"] == "organization:ford"
    assert len({one["William Clay Ford Jr."], two["Henry Ford"], two["Ford"]}) == 3


def test_nicknames_initials_and_suffixes_name_one_person():
    one, two = _archive([_entity("", "Henry M. Paulson Jr.", "person", "Paulson"),
                         _entity("", "Frederick Henderson", "person"), _entity("", "Robert Nardelli", "person")],
                        [_entity("", "Hank Paulson", "person"), _entity("", "Fritz Henderson", "person"),
                         _entity("", "Bob Nardelli", "person")])
    assert two["Hank Paulson"] == one["Henry M. Paulson Jr."]
    assert two["Fritz Henderson"] == one["Frederick Henderson"]
    assert two["Bob Nardelli"] == one["Robert Nardelli"]


def test_names_that_share_words_stay_apart():
    one, two = _archive([_entity("", "General Motors Corp.", "organization", "GM"),
                         _entity("", "Lehman Brothers Holdings Inc.", "organization", "Lehman"),
                         _entity("", "Chrysler", "organization", "Chrysler LLC")],
                        [_entity("", "General Mills", "organization"), _entity("", "Herbert Lehman", "person"),
                         _entity("", "Chrysler Building", "place"), _entity("", "Lehman", "organization")])
    assert one["General Motors Corp."] != two["General Mills"]
    assert two["Lehman"] == one["Lehman Brothers Holdings Inc."] != two["Herbert Lehman"]
    assert one["Chrysler"] != two["Chrysler Building"]


def test_george_bush_is_the_one_president_of_that_name_the_archive_writes_in_full():
    # with one "George ... Bush" written in full, "George Bush" is he; with father and son both written, it could be
    # either and stays apart
    one, two = _archive([_entity("", "George W. Bush", "person")], [_entity("", "George Bush", "person")])
    assert one["George W. Bush"] == two["George Bush"]
    one, two, three = _archive([_entity("", "George W. Bush", "person")], [_entity("", "George H.W. Bush", "person")],
                               [_entity("", "George Bush", "person")])
    assert len({one["George W. Bush"], two["George H.W. Bush"], three["George Bush"]}) == 3


def test_an_acronym_that_writes_its_of_small_joins_the_bank():
    one, two = _archive([_entity("", "Bank of America Corp.", "organization")],
                        [_entity("", "BofA", "organization", count=2)])
    assert one["Bank of America Corp."] == two["BofA"] == "organization:bank of america"


def test_a_body_named_with_its_head_word_first_or_last_and_by_a_nickname_is_one():
    one, two = _archive([_entity("", "Department of the Treasury", "organization"),
                         _entity("", "New York Stock Exchange", "organization")],
                        [_entity("", "Treasury Department", "organization"),
                         _entity("", "Big Board", "organization", count=2)])
    assert one["Department of the Treasury"] == two["Treasury Department"]
    assert one["New York Stock Exchange"] == two["Big Board"]


def test_a_clipping_of_a_body_and_of_its_branch_is_the_body():
    one, two = _archive([_entity("", "Federal Reserve", "organization"),
                         _entity("", "Federal Reserve Bank of New York", "organization"),
                         _entity("", "Fed", "organization")],
                        [_entity("", "Federal Reserve System", "organization"), _entity("", "Fed", "organization")])
    assert one["Fed"] == two["Fed"] == one["Federal Reserve"] == two["Federal Reserve System"]
    assert one["Federal Reserve Bank of New York"] != one["Federal Reserve"]


def test_an_acronym_or_a_name_joined_already_is_no_short_name_of_a_subsidiary():
    one, two, three = _archive([_entity("", "General Motors Corp.", "organization", "GM")],
                               [_entity("", "GM", "organization", count=3)],
                               [_entity("", "GM Daewoo Auto Co.", "organization")])
    assert one["General Motors Corp."] == two["GM"] != three["GM Daewoo Auto Co."]


def test_a_name_written_with_a_legal_form_is_the_firm_on_as_much_evidence():
    # two articles' models took the carmaker for a person; two others name it, one with its legal form
    keys = _archive([_entity("", "Chrysler", "person")], [_entity("", "Chrysler", "person")],
                    [_entity("", "Chrysler", "organization", "Chrysler LLC")],
                    [_entity("", "Chrysler", "organization")])
    assert {k["Chrysler"] for k in keys} == {"organization:chrysler"}
    # without a legal form written anywhere, twice the evidence is still needed
    keys = _archive([_entity("", "Dunmore", "person")], [_entity("", "Dunmore", "person")],
                    [_entity("", "Dunmore", "organization")], [_entity("", "Dunmore", "organization")])
    assert {k["Dunmore"] for k in keys} == {"person:dunmore", "organization:dunmore"}


def test_one_person_written_two_ways_in_one_article_is_not_held_apart():
    # the article's grouping missed the nickname; the archive joins the two names, and the surname with them
    one, two = _archive([_entity("", "Timothy Geithner", "person"), _entity("", "Tim Geithner", "person")],
                        [_entity("", "Geithner", "person", count=2)])
    assert one["Timothy Geithner"] == one["Tim Geithner"] == two["Geithner"]
    one, two = _archive([_entity("", "Dana Reyes", "person"), _entity("", "Dana Reyes Jr.", "person")],
                        [_entity("", "Dana Reyes Jr.", "person")])
    assert one["Dana Reyes"] != one["Dana Reyes Jr."] == two["Dana Reyes Jr."]


def test_a_surname_typed_an_organization_in_two_articles_is_the_person_named_in_full_in_three():
    keys = _archive([_entity("", "Ben S. Bernanke", "person")], [_entity("", "Ben Bernanke", "person")],
                    [_entity("", "Bernanke", "person")], [_entity("", "Bernanke", "organization", count=2)],
                    [_entity("", "Bernanke", "organization")])
    assert len({key for k in keys for key in k.values()}) == 1


def test_an_acronym_the_model_took_for_a_person_is_the_bank():
    one, two = _archive([_entity("", "Bank of America", "organization", "BofA")], [_entity("", "BofA", "person")])
    assert one["Bank of America"] == two["BofA"] == "organization:bank of america"


MARKET_ONE = """Insurer seeks rescue as bank fails

NEW YORK - The American International Group asked the Federal Reserve for a loan on Monday, and Treasury Secretary
Henry M. Paulson Jr. said the government would not rescue every firm. Goldman Sachs Group Inc. shares fell.
"""
MARKET_TWO = """Stocks rebound after rescue

NEW YORK - Shares rose after the Fed agreed to lend money to AIG. Hank Paulson said the deal protected savers,
and Goldman gained 14 percent.
"""


def _linked_keys(*texts: str) -> list[dict[str, str]]:
    """Run the entities of each story through `link` together; return each story's entity names and their keys."""
    from newskit.pipeline import analyze_text

    records = [analyze_text(t, tasks=("entities",)).to_dict() for t in texts]
    lines = [json.dumps(dict(r, id=f"m{i}")) for i, r in enumerate(records)]
    out = io.StringIO()
    link_lines(lines, lines, out)
    return [{e["name"]: e["key"] for e in json.loads(x)["entities"]} for x in out.getvalue().splitlines()]


def test_two_market_stories_end_with_one_key_per_body_and_person(nlp):
    one, two = _linked_keys(MARKET_ONE, MARKET_TWO)
    assert one["American International Group"] == two["AIG"]
    assert one["Federal Reserve"] == two["Fed"] == "organization:federal reserve"
    assert one["Henry M. Paulson Jr."] == two["Hank Paulson"]
    assert one["Goldman Sachs Group Inc."] == two["Goldman"] == "organization:goldman sachs"


def test_a_department_named_without_its_head_word_is_the_department():
    one, two, three = _archive([_entity("", "Treasury Department", "organization")],
                               [_entity("", "Treasury", "organization", count=2)],
                               [_entity("", "Department of the Treasury", "organization")])
    assert one["Treasury Department"] == two["Treasury"] == three["Department of the Treasury"]
    # a name that no department of the archive is written with stays its own ("Labor" beside no "Labor Department")
    keys = _archive([_entity("", "Labor", "organization")], [_entity("", "Commerce Department", "organization")])
    assert keys[0]["Labor"] == "organization:labor"


def test_a_word_no_article_writes_for_the_person_is_not_his_family_name():
    # "Young" typed an organization (an adjective in a headline, "the Young, Gifted award") is not "Grant Young",
    # however many articles name him in full: no article writes "Young" for him
    keys = _archive([_entity("", "Young", "organization")], [_entity("", "Young", "organization", count=2)],
                    [_entity("", "Grant Young", "person", count=2)], [_entity("", "Grant Young", "person")])
    assert keys[0]["Young"] == keys[1]["Young"] == "organization:young" != keys[2]["Grant Young"]
    # beside his full name in one article, the family name typed an organization is the person
    keys = _archive([_entity("", "Orla Pennick", "person"), _entity("", "Pennick", "organization")],
                    [_entity("", "Orla Pennick", "person")], [_entity("", "Pennick", "organization")])
    assert keys[0]["Pennick"] == keys[1]["Orla Pennick"] == keys[2]["Pennick"] == "person:orla pennick"


AUTO_ONE = ("Carmaker gets more loans\n\n"
            "DETROIT - Shares of Harwick Motors Corp. fell 9 percent after the carmaker said it needed another "
            "$4 billion from the Treasury Department. Talks with Corran and Bank of Tessaly Corp. on a private loan "
            "failed last week, and Bank of Tessaly said it would not lend more.\n")
AUTO_TWO = ("Harwick asks again\n\n"
            "Harwick Motors said on Monday that the Treasury had agreed to lend it more money. Bank of Tessaly shares "
            "rose.\n")


def test_two_auto_stories_end_with_one_key_for_the_firm_the_bank_and_the_treasury(nlp):
    one, two = _linked_keys(AUTO_ONE, AUTO_TWO)
    assert one["Harwick Motors Corp."] == two["Harwick Motors"] == "organization:harwick motors"
    assert one["Treasury Department"] == two["Treasury"]
    assert one["Bank of Tessaly Corp."] == two["Bank of Tessaly"] == "organization:bank of tessaly"
    assert "Corran" in one


def test_a_clipping_joins_a_body_named_with_its_country_in_front_across_articles():
    one, two = _archive([_entity("", "U.S. Federal Reserve", "organization"), _entity("", "Fed", "organization")],
                        [_entity("", "Fed", "organization", count=2)])
    assert one["U.S. Federal Reserve"] == one["Fed"] == two["Fed"]


def test_a_given_name_alone_joins_a_full_name_only_where_an_article_writes_them_together():
    # "Grant", a pitcher's son in one story, is not the "Grant Young" two other stories name
    keys = _archive([_entity("", "Grant Young", "person", count=2)], [_entity("", "Grant Young", "person")],
                    [_entity("", "Curt Schilling", "person"), _entity("", "Grant", "person")])
    assert keys[2]["Grant"] == "person:grant" != keys[0]["Grant Young"]
    # one story writes "Hillary" beside "Hillary Clinton": the bare given name of another story is her
    keys = _archive([_entity("", "Hillary Clinton", "person"), _entity("", "Hillary", "person")],
                    [_entity("", "Hillary", "person", count=2)])
    assert keys[1]["Hillary"] == keys[0]["Hillary Clinton"] == "person:hillary clinton"


def test_a_firms_possessive_first_word_is_its_short_name():
    one, two = _archive([_entity("", "Corwen's Investors Service", "organization")],
                        [_entity("", "Corwen", "organization", count=2)])
    assert one["Corwen's Investors Service"] == two["Corwen"] == "organization:corwen investors service"
    # a possessive inside no firm's name written so gives nothing: "Corwen" stays apart from "Corwen Harbor"
    one, two = _archive([_entity("", "Corwen Harbor", "organization")], [_entity("", "Corwen", "organization")])
    assert one["Corwen Harbor"] != two["Corwen"]


def test_a_name_written_with_a_legal_form_stays_the_firm_however_often_it_is_a_person():
    # "Brannock & Co." is a hedge fund named after its founder; the archive's lone "Brannock" is a person more
    # often than the firm is named, but the firm is not the person
    keys = _archive([_entity("", "Brannock & Co.", "organization"), _entity("", "Brannock", "person")],
                    [_entity("", "Brannock", "person")],
                    [_entity("", "Lydia Brannock", "person", "Brannock", count=2)])
    assert keys[0]["Brannock & Co."] == "organization:brannock"
    assert keys[1]["Brannock"] == keys[2]["Lydia Brannock"] == "person:lydia brannock"


def test_one_person_written_three_ways_in_three_articles_is_one_identity():
    # each name fits the two others, and none is joined to another before: all three are one person
    keys = _archive([_entity("", "Robert Kessling", "person")], [_entity("", "Robert T. Kessling Jr.", "person")],
                    [_entity("", "Bob Kessling", "person")])
    assert keys[0]["Robert Kessling"] == keys[1]["Robert T. Kessling Jr."] == keys[2]["Bob Kessling"]
    # a brother of the family stays apart
    keys = _archive([_entity("", "Robert Kessling", "person")], [_entity("", "Robert T. Kessling Jr.", "person")],
                    [_entity("", "Bob Kessling", "person")], [_entity("", "Adam Kessling", "person")])
    assert keys[3]["Adam Kessling"] == "person:adam kessling" != keys[0]["Robert Kessling"]


def test_a_bodys_nickname_joins_its_acronym_where_no_article_writes_the_name_out():
    one, two = _archive([_entity("", "NYSE", "organization")], [_entity("", "Big Board", "organization")])
    assert one["NYSE"] == two["Big Board"]
    # an acronym of other letters stays apart
    one, two = _archive([_entity("", "NYMEX", "organization")], [_entity("", "Big Board", "organization")])
    assert one["NYMEX"] != two["Big Board"]


def test_a_field_that_ends_another_bodys_name_joins_no_department():
    # a bare "Commerce" beside the Chamber of Commerce may be a piece of that name: it is not taken for the Commerce
    # Department, here or in another article
    keys = _archive([_entity("", "Commerce Department", "organization")], [_entity("", "Commerce", "organization")],
                    [_entity("", "Chamber of Commerce", "organization"), _entity("", "Commerce", "organization")])
    assert keys[1]["Commerce"] == keys[2]["Commerce"] == "organization:commerce" != keys[0]["Commerce Department"]
    # a "Chamber of Commerce" in an article of its own is no evidence against the department
    keys = _archive([_entity("", "Commerce Department", "organization")], [_entity("", "Commerce", "organization")],
                    [_entity("", "Department of Commerce", "organization")],
                    [_entity("", "Chamber of Commerce", "organization")])
    assert keys[1]["Commerce"] == keys[0]["Commerce Department"] == keys[2]["Department of Commerce"]


def test_a_firms_leading_word_joins_the_one_firm_whose_name_says_its_trade():
    # "Marlow Capital Management" has no legal form, but its last word is a firm's: "Marlow" is its short name
    one, two = _archive([_entity("", "Marlow Capital Management", "organization")],
                        [_entity("", "Marlow", "organization", count=2)])
    assert one["Marlow Capital Management"] == two["Marlow"] == "organization:marlow capital management"
    # a public body's name gives nothing ("Ostrava" is not the "Ostrava City Council" of another story), nor does a
    # parent the archive names four times as often as its lending arm
    one, two = _archive([_entity("", "Ostrava City Council", "organization")], [_entity("", "Ostrava", "organization")])
    assert one["Ostrava City Council"] != two["Ostrava"]
    keys = _archive([_entity("", "Harwick Financial", "organization")],
                    *[[_entity("", "Harwick", "organization")] for _ in range(5)])
    assert keys[0]["Harwick Financial"] != keys[1]["Harwick"] == "organization:harwick"
    # nor a name an article gives beside the longer one as another body ("Marlow" beside "Marlow Capital")
    keys = _archive([_entity("", "Marlow Capital", "organization"), _entity("", "Marlow", "organization")],
                    [_entity("", "Marlow", "organization")])
    assert keys[1]["Marlow"] == "organization:marlow" != keys[0]["Marlow Capital"]
    # nor a trade word right after the firm's name that names its arm, however rarely the archive names the firm
    keys = _archive([_entity("", "Ostler Capital", "organization")], [_entity("", "Ostler", "organization")],
                    [_entity("", "Pellow", "organization")], [_entity("", "Pellow Securities", "organization")])
    assert keys[1]["Ostler"] == "organization:ostler" != keys[0]["Ostler Capital"]
    assert keys[2]["Pellow"] == "organization:pellow" != keys[3]["Pellow Securities"]


def test_a_carmakers_usual_abbreviation_joins_its_name():
    one, two = _archive([_entity("", "Volkswagen AG", "organization")], [_entity("", "VW", "organization")])
    assert one["Volkswagen AG"] == two["VW"] == "organization:volkswagen"


def test_a_family_name_of_no_dictionary_typed_a_firm_is_the_one_person_of_a_story_that_shares_a_body():
    # no story writes "Varnholt" alone for a person, but the story typing it a firm names the union (by its
    # acronym) that the story naming "Ilse Varnholt" in full names too
    keys = _archive([_entity("", "Ilse Varnholt", "person"), _entity("", "Federated Mill Workers", "organization",
                                                                      "FMW")],
                    [_entity("", "Varnholt", "organization", count=2), _entity("", "FMW", "organization")])
    assert keys[1]["Varnholt"] == keys[0]["Ilse Varnholt"] == "person:ilse varnholt"
    # so is a family name that is a noun only ("Tanner"; not a verb or an adjective), where two stories name her in
    # full: one is not enough ("Hall" of "Hall of Famer" in a story beside the league is not "Ilse Hall")
    keys = _archive([_entity("", "Ilse Tanner", "person"), _entity("", "Federated Mill Workers", "organization")],
                    [_entity("", "Tanner", "organization"), _entity("", "Federated Mill Workers", "organization")],
                    [_entity("", "Ilse Tanner", "person")],
                    [_entity("", "Ilse Hall", "person"), _entity("", "Federated Mill Workers", "organization")],
                    [_entity("", "Hall", "organization"), _entity("", "Federated Mill Workers", "organization")])
    assert keys[1]["Tanner"] == keys[0]["Ilse Tanner"] == "person:ilse tanner"
    assert keys[4]["Hall"] == "organization:hall" != keys[3]["Ilse Hall"]


def test_a_lone_family_name_stays_apart_in_a_story_sharing_no_body_or_as_a_common_word():
    # "Quennell" in a story with no body of the full name's story may be another Quennell; "Young" is an adjective
    # ("the Young Entrepreneurs' award"), though "Gideon Young" bears it
    keys = _archive([_entity("", "Odile Quennell", "person"), _entity("", "Harrow Tanning", "organization"),
                     _entity("", "Gideon Young", "person")],
                    [_entity("", "Quennell", "organization"), _entity("", "Pellam Insurance", "organization")],
                    [_entity("", "Young", "organization"), _entity("", "Harrow Tanning", "organization")])
    assert keys[1]["Quennell"] == "organization:quennell"
    assert keys[2]["Young"] == "organization:young"
    # a firm written with a legal form somewhere keeps its name, whoever bears it
    keys = _archive([_entity("", "Odile Quennell", "person"), _entity("", "Harrow Tanning", "organization")],
                    [_entity("", "Quennell", "organization"), _entity("", "Harrow Tanning", "organization")],
                    [_entity("", "Quennell Ltd.", "organization")])
    assert keys[1]["Quennell"] == keys[2]["Quennell Ltd."] == "organization:quennell"


def test_a_founders_family_name_that_opens_a_firms_name_stays_the_firm():
    # "Harkavy" typed a firm beside the body a story naming "Ottilie Harkavy" names too is her family name, unless the
    # archive names a firm "Harkavy Motor Works": then it is that firm's short name
    keys = _archive([_entity("", "Ottilie Harkavy", "person"), _entity("", "Bransk Union", "organization")],
                    [_entity("", "Harkavy", "organization"), _entity("", "Bransk Union", "organization")],
                    [_entity("", "Harkavy Motor Works", "organization")])
    assert keys[1]["Harkavy"] != keys[0]["Ottilie Harkavy"]


def test_a_blend_of_a_names_first_letters_joins_that_name_across_stories():
    # "KelBru" in one story, "Kelso Brunner" (and its bank) in others: no story writes the two together
    keys = _archive([_entity("", "Kelso Brunner", "organization")], [_entity("", "KelBru", "organization", count=2)],
                    [_entity("", "Kelso Brunner Bank", "organization")], [_entity("", "SunTeq", "organization")],
                    [_entity("", "Sunder Tequila", "organization"), _entity("", "Sunny Teqnet", "organization")])
    assert keys[1]["KelBru"] == keys[0]["Kelso Brunner"] == "organization:kelso brunner"
    # a blend that fits two names, neither of which opens the other, stays itself
    assert keys[3]["SunTeq"] == "organization:sunteq"


def test_a_group_of_nations_and_its_g_number_are_one_body():
    keys = _archive([_entity("", "Group of Seven", "organization")], [_entity("", "G7", "organization")],
                    [_entity("", "G-20", "organization")], [_entity("", "Group of Twenty", "organization")],
                    [_entity("", "Group of Death", "organization")])
    assert keys[0]["Group of Seven"] == keys[1]["G7"] != keys[2]["G-20"] == keys[3]["Group of Twenty"]
    assert keys[4]["Group of Death"] == "organization:group of death"


def test_a_hyphenated_family_name_typed_a_body_is_the_one_person_who_bears_it():
    # "Varga-Tesslor" typed an organization beside the fund two stories naming "Edith Varga-Tesslor" name too
    fund = _entity("", "Baltic Relief Fund", "organization")
    keys = _archive([_entity("", "Edith Varga-Tesslor", "person"), fund],
                    [_entity("", "Edith Varga-Tesslor", "person")],
                    [_entity("", "Varga-Tesslor", "organization"), fund])
    assert keys[2]["Varga-Tesslor"] == keys[0]["Edith Varga-Tesslor"] == "person:edith varga tesslor"


def test_an_acronym_its_story_lists_beside_the_name_it_fits_is_another_body():
    # "four brands: Chevrolet, Cadillac, Buick and GMC" beside "General Motors": GMC fits General Motors Corp.'s
    # initials but is its brand; "GM", which stories give as General Motors' alias, still joins it
    one, two, three = _archive(
        [_entity("", "General Motors", "organization", "GM", count=3), _entity("", "GMC", "organization"),
         _entity("", "Buick", "organization")],
        [_entity("", "General Motors Corp.", "organization", "GM", count=2)],
        [_entity("", "GM", "organization", count=2)])
    assert one["GMC"] != one["General Motors"] == two["General Motors Corp."] == three["GM"]
