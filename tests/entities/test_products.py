"""Products and market indices are no organizations (newskit.entities.products): short news sentences written for
this test, of several industries, each with the name to look for and the type it must get; and the firms that make
the products, which must stay organizations when they act."""
from __future__ import annotations

import pytest

from newskit.entities.extract import extract_entities

PRODUCT, INDEX, ORG = "product", "index", "organization"

# (sentence, name, type)
ROWS = [
    # cars
    ("Owners of the Chevrolet Bolt hatchback were told to park outside until the batteries are replaced.",
     "Chevrolet Bolt", PRODUCT),
    ("Tesla cut the price of the Model Y again on Friday.", "Model Y", PRODUCT),
    ("The automaker will build the Zephyr Volta, a plug-in hybrid, in Ohio. The Volta goes on sale in May.", "Volta",
     PRODUCT),
    ("The carmaker unveiled the Escalade IQ, an electric SUV, in Detroit.", "Escalade IQ", PRODUCT),
    # phones and computers
    ("Reviewers praised the new Pixel 8 for its camera, though battery life lagged.", "Pixel 8", PRODUCT),
    ("Samsung unveiled the Galaxy Fold phone in February, months late.", "Galaxy Fold", PRODUCT),
    ("He reads the paper on a Kindle, like most Kindle owners he knows.", "Kindle", PRODUCT),
    # games and consoles
    ("Nintendo shipped more Switch consoles than expected, and the Switch outsold rivals.", "Switch", PRODUCT),
    # software
    ("Users of the WhatsApp app can now send messages that vanish after a week.", "WhatsApp", PRODUCT),
    ("Microsoft released Windows 11 to the public on Tuesday.", "Windows 11", PRODUCT),
    # aircraft
    ("The airline grounded its Boeing 737 MAX jets after the second crash.", "Boeing 737 MAX", PRODUCT),
    ("The final Douglas 717 was handed to the airline in May.", "Douglas 717", PRODUCT),
    ("The regional carrier flew the 900 Skyhopper for the first time over the bay.", "Skyhopper", PRODUCT),
    # drugs
    ("Pfizer said its drug Paxlovid cut hospital stays by almost 90 percent.", "Paxlovid", PRODUCT),
    ("Regulators approved Wegovy, a weekly injection for weight loss, in 2021.", "Wegovy", PRODUCT),
    # market indices
    ("The Dow Jones Industrial Average fell 350 points, or 1.1 percent, on Thursday.",
     "Dow Jones Industrial Average", INDEX),
    ("The Nasdaq Composite rose 2 percent, led by technology shares.", "Nasdaq Composite", INDEX),
    ("In London, the FTSE 100 closed down 45 points at 7,420.", "FTSE 100", INDEX),
    ("Japan's Nikkei 225 index gained 1.3 percent in thin trading.", "Nikkei 225", INDEX),
    ("The Hang Seng fell 210 points in Hong Kong.", "Hang Seng", INDEX),
    ("The Nasdaq fell 3 percent, its worst day since March.", "Nasdaq", INDEX),
    ("In Tokyo, the Nikkei average dropped 156 points to 9,800.", "Nikkei", INDEX),
    ("Standard & Poor's 500 index rose 12 points to 1,310.", "Standard & Poor's 500", INDEX),
    ("The S&P 500 ended the week 0.4 percent higher.", "S&P 500", INDEX),
    # the makers, acting, stay organizations
    ("Nvidia said demand for its chips would keep growing next year.", "Nvidia", ORG),
    ("Apple said it would open three more stores in India.", "Apple", ORG),
    ("Boeing said it expects to deliver more jets this year than last.", "Boeing", ORG),
    ("Tesla recalled 2,000 cars, the company said on Monday.", "Tesla", ORG),
    ("Online marketplace eBay said on Tuesday it would cut 500 jobs.", "eBay", ORG),
    ("Shares of Nasdaq Inc. rose after the exchange operator reported record profit.", "Nasdaq Inc.", ORG),
    ("An American Airlines 777 landed safely after a bird strike.", "American Airlines", ORG),
    # people and polls are no products or indices
    ("The senator's wife, Anna Berg, a former model, spoke first at the rally.", "Anna Berg", "person"),
    ("The Real Clear Politics average of national polls gives the governor a two-point lead.",
     "Real Clear Politics", ORG),
    ("Carrier and Ford and Nabisco moved jobs abroad, and Ford vehicles built there face a tariff. Ford Motor Co. "
     "said it would appeal.", "Ford", ORG),
    ("Qatar Airways chose the Airbus A350 over Boeing's 787, the airline said.", "Boeing", ORG),
]


def _type_of(nlp, text: str, name: str) -> str | None:
    for e in extract_entities(nlp(text), all_types=True):
        if e.name == name or name in e.aliases or any(m.text == name for m in e.mentions):
            return e.type
    return None


@pytest.mark.parametrize("text, name, expected", ROWS, ids=[f"{r[1]}-{r[2]}" for r in ROWS])
def test_products_and_indices_get_their_type(nlp, text, name, expected):
    assert _type_of(nlp, text, name) == expected


def test_a_currency_code_beside_an_amount_is_no_entity(nlp):
    text = "The service costs $10 (USD) a month, and the premium tier $15 USD."
    assert not [e for e in extract_entities(nlp(text), all_types=True) if "USD" in e.name]


def test_every_mention_of_a_product_changes_together(nlp):
    text = ("Samsung unveiled the Galaxy Fold phone in February. Critics said the Galaxy Fold was too fragile, "
            "and Samsung delayed the Galaxy Fold by five months.")
    ents = {e.name: e for e in extract_entities(nlp(text), all_types=True)}
    assert ents["Galaxy Fold"].type == PRODUCT and ents["Galaxy Fold"].count == 3
    assert ents["Samsung"].type == ORG


def test_a_score_table_is_no_product_or_index(nlp):
    text = "Rugby union results on Saturday:\nMelrose 107 Stirling County 10\nEngland 292-8 closed on the first day."
    types = {e.name: e.type for e in extract_entities(nlp(text), all_types=True)}
    assert "product" not in types.values() and "index" not in types.values()


# Names that are no products or indices, though a product's or an index's cue is near: (sentence, name).
NOT_PRODUCTS = [
    ("Polls show Halvard gained 25 points among suburban voters since June.", "Halvard"),
    ("Readers of the latest edition of France Football chose him as the best player.", "France Football"),
    ("Police said a 2008 Ford F-250 Berry was driving left the road near the river.", "Berry"),
]


@pytest.mark.parametrize("text, name", NOT_PRODUCTS, ids=[r[1] for r in NOT_PRODUCTS])
def test_names_near_a_product_cue_stay_what_they_are(nlp, text, name):
    types = [e.type for e in extract_entities(nlp(text), all_types=True)
             if e.name == name or any(m.text == name for m in e.mentions)]
    assert types and not {"product", "index"} & set(types)
