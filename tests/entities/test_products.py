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
    ("Embraer 195 ``Lineage'' completes first test flight\nThe jet flew for two hours.", "Embraer 195", PRODUCT),
    ("The regional carrier flew the 900 Skyhopper for the first time over the bay.", "Skyhopper", PRODUCT),
    # a name the text uses as a thing, with no product noun beside it: sold, driven, built, owned parts, said to be
    # a jet, named as one, the other name of a product, a maker's model beside another
    ("Sales of the Kestrel fell 8 percent in May, the carmaker said.", "Kestrel", PRODUCT),
    ("Drivers of the Ostara complained that the brakes squealed.", "Ostara", PRODUCT),
    ("Workers at the plant build the Meridian on two shifts.", "Meridian", PRODUCT),
    ("The retailer sells the Lumo for $129, half the price of rivals.", "Lumo", PRODUCT),
    ("Reviewers said the Talon's battery lasts longer than any rival's.", "Talon", PRODUCT),
    ("The Skyhopper is a twin-engine jet that seats 90 passengers.", "Skyhopper", PRODUCT),
    ("The airliner flies nonstop from Perth to London and has been named the Longreach by its maker.", "Longreach",
     PRODUCT),
    ("The Boeing 787, or Dreamliner, seats up to 290 passengers.", "Dreamliner", PRODUCT),
    ("The museum restored a Lockheed Tristar and a Vickers VC-10 airliner.", "Lockheed Tristar", PRODUCT),
    ("The airline will take six new A350 XWB (Extra Wide Body) jets from 2014.", "Extra Wide Body", PRODUCT),
    # drugs
    ("Pfizer said its drug Paxlovid cut hospital stays by almost 90 percent.", "Paxlovid", PRODUCT),
    ("Regulators approved Wegovy, a weekly injection for weight loss, in 2021.", "Wegovy", PRODUCT),
    # market indices
    ("The Dow Jones Industrial Average fell 350 points, or 1.1 percent, on Thursday.",
     "Dow Jones Industrial Average", INDEX),
    ("The Nasdaq Composite rose 2 percent, led by technology shares.", "Nasdaq Composite", INDEX),
    # indices moved together, or with adjectives between "the" and the name
    ("The Dow and the S&P 500 both lost 2 percent on Friday.", "S&P 500", INDEX),
    ("The broader market slipped, and the tech-heavy Nasdaq dropped 4 percent.", "Nasdaq", INDEX),
    ("In London, the FTSE 100 closed down 45 points at 7,420.", "FTSE 100", INDEX),
    ("Japan's Nikkei 225 index gained 1.3 percent in thin trading.", "Nikkei 225", INDEX),
    ("The Hang Seng fell 210 points in Hong Kong.", "Hang Seng", INDEX),
    ("The Nasdaq fell 3 percent, its worst day since March.", "Nasdaq", INDEX),
    ("In Tokyo, the Nikkei average dropped 156 points to 9,800.", "Nikkei", INDEX),
    ("Standard & Poor's 500 index rose 12 points to 1,310.", "Standard & Poor's 500", INDEX),
    ("The S&P 500 ended the week 0.4 percent higher.", "S&P 500", INDEX),
    # index names as news writes them, lowercase after the first word
    ("The Dow Jones industrial average sank 508 points, or 5.2 percent, by the close.",
     "Dow Jones industrial average", INDEX),
    ("The Nasdaq composite index shed 4.1 percent as chip stocks slid.", "Nasdaq composite", INDEX),
    ("The FTSE 100 in London gave up 2.3 percent, its third loss in a row.", "FTSE 100", INDEX),
    ("Japan's Nikkei 225 average climbed 1.4 percent after the bank's decision.", "Nikkei 225", INDEX),
    ("The Dow Jones industrial average ended the day at 9,120. The Dow has lost a fifth of its value this year.",
     "Dow", INDEX),
    ("The Russell 2000 gave up 3.2 percent as smaller companies sold off.", "Russell 2000", INDEX),
    ("Dow Jones drops 508 points as bank fears spread\nStocks fell again on Thursday.", "Dow Jones", INDEX),
    ("The Shanghai Composite fell 1.1 percent after the data.", "Shanghai Composite", INDEX),
    ("In Europe the DAX in Frankfurt and the CAC 40 in Paris each gave up about 6 percent.", "CAC 40", INDEX),
    # the move in a clause after the subject's own verb
    ("London's FTSE 100 had its worst day in a decade, dropping 391 points, or 7.9 percent.", "FTSE 100", INDEX),
    # a list of markets without a verb of moving ("with X down 2 percent"), and two makers' names glued by a slash
    ("European shares opened lower, with London's FTSE 100 down 1.8 percent and Germany's DAX off 2 percent.",
     "DAX", INDEX),
    ("European shares opened lower, with London's FTSE 100 down 1.8 percent and Germany's DAX off 2 percent.",
     "FTSE 100", INDEX),
    ("In Sydney, the S&P/ASX 200 gave up 1.2 percent as miners slid.", "S&P/ASX 200", INDEX),
    ("Canada's main index, the S&P/TSX composite, was up 85 points at midday.", "S&P/TSX composite", INDEX),
    # the maker's name alone, where the index's name is the maker's and more, is the firm where it acts
    ("The broader Standard & Poor's 500 index fell 7.6 percent. Shares of the carmaker plunged after Standard & "
     "Poor's said it might cut its credit rating.", "Standard & Poor", ORG),
    ("The broader Standard & Poor's 500 index fell 7.6 percent. Shares of the carmaker plunged after Standard & "
     "Poor's said it might cut its credit rating.", "Standard & Poor's 500", INDEX),
    # a move said with "be": the index takes no verb of moving
    ("Markets in Europe closed mixed: Britain's FTSE 100 was up 0.3 percent, France's CAC 40 fell 0.2 percent.",
     "FTSE 100", INDEX),
    ("By the close, Germany's DAX was down 1.4 percent and the Nikkei was off 0.8 percent.", "DAX", INDEX),
    # an index neither model knows, read as a surname: "the X" moved by a percentage is no person
    ("In Seoul, the Kospi slid 3 percent as foreign investors sold.", "Kospi", INDEX),
    # car models named after their maker, or by a common word, with a product's evidence somewhere in the story
    ("The automaker Pontiac sold 12,000 cars in May. Pontiac will stop building the Pontiac Aztek next year, its "
     "dealers said.",
     "Pontiac Aztek", PRODUCT),
    ("The chief executive drove a hybrid Kestrel from the plant to the state capital.", "Kestrel", PRODUCT),
    ("Pell Motors sold 30,000 trucks in May, and sales of the Pell Ridgeback pickup rose 8 percent.",
     "Pell Ridgeback", PRODUCT),
    ("Carvo sold 80,000 cars last year but will stop building the Carvo Marlow. The Marlow sold poorly after its "
     "second year.", "Marlow", PRODUCT),
    ("Dealers sold 40,000 T-250 pickups in June, twice as many as a year earlier.", "T-250", PRODUCT),
    ("Brandt sold 20,000 cars in June. It said the Brandt Onyx would be built in Ohio, and critics said the Onyx "
     "cost too much.", "Brandt Onyx", PRODUCT),
    # a brand and its model after "sales of the", "owners of the", or owning a part
    ("Halvard said sales fell in May. Sales of the Halvard Kestra dropped 12 percent.", "Halvard Kestra", PRODUCT),
    ("Regulators opened an inquiry after owners of the Corvan Tessel complained about its brakes.", "Corvan Tessel",
     PRODUCT),
    # a coordination shares the made thing's noun, with its own article or without
    ("Halvard said sales of the Kestra and the Ondine rose 5 percent in May.", "Ondine", PRODUCT),
    ("Halvard said sales of the Kestra and the Ondine rose 5 percent in May.", "Kestra", PRODUCT),
    ("Sales of the Corvan Tessel and Halvard Ondine fell sharply in January, dealers said.", "Halvard Ondine",
     PRODUCT),
    # a town's team, or a person, in the same place stays what it is
    ("Owners of the Ashby Rovers met on Monday to pick a new coach, the club said.", "Ashby Rovers", ORG),
    # the same words, where the one-word name is no maker but an agency: no model of it
    ("The CIA said the attack on the CIA Annex began at night. Guards at the Annex fired back.", "CIA Annex", ORG),
    ("The group will stop building the Corvan Lark and the Corvan Tern. Corvan dealers were told on Monday, and "
     "sales of the Lark fell 20 percent.", "Corvan Lark", PRODUCT),
    # a brand run as a division, with dealers of its own, is the firm's unit: an organization
    ("The automaker plans to sell its Stavro brand and close 300 Stavro dealers by next year.", "Stavro", ORG),
    ("The carmaker agreed on Tuesday to sell its Corvan unit to an investor group.", "Corvan", ORG),
    # a firm named by the product it makes stays the firm where it acts
    ("Vantor said it would ship the Vantor Fold in May. Vantor's chief executive called the Fold its best phone.",
     "Vantor", ORG),
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
    # a club named by its city and nickname is no maker and model, though the city is a club's short form
    ("Cleveland lost again, and the Cleveland Hawks fell to 10-14 after a 3-2 loss at home.", "Cleveland Hawks"),
    # a house of parliament is written "the Assembly" too, and stays an organization
    ("He lost his seat in the National Assembly and left the Assembly in May.", "National Assembly"),
    ("The investors bought Dayton Information and Dayton Telecom, units of Dayton Group, for 20 percent less.",
     "Dayton Information"),
    # a poll's average is no index, nor a candidate a poll moves, even in a headline written without articles
    ("The Civic Pulse polling average gives the governor a lead of four points.", "Civic Pulse"),
    ("Brennan gains 25 points in new poll\nThe senator's lead grew over the summer.", "Brennan"),
]


@pytest.mark.parametrize("text, name", NOT_PRODUCTS, ids=[r[1] for r in NOT_PRODUCTS])
def test_names_near_a_product_cue_stay_what_they_are(nlp, text, name):
    types = [e.type for e in extract_entities(nlp(text), all_types=True)
             if e.name == name or any(m.text == name for m in e.mentions)]
    assert types and not {"product", "index"} & set(types)


# Short stories written for this test, of the kinds the products step is for: an automaker's monthly sales, a
# market close, a phone and computer launch. (story, {name: type}); a name absent from the map is not checked.
AUTO_SALES = (
    "Carmakers post mixed June sales\n"
    "DETROIT - Hallbrook Motors said on Wednesday that its U.S. sales fell 18 percent in June, dragged down by weak "
    "demand for large trucks. Sales of the Hallbrook Ranger pickup dropped 31 percent, while the compact Hallbrook "
    "Sparrow gained 9 percent. The Sparrow has been the company's best seller since gas prices rose. Dealers said "
    "buyers were waiting for the Hallbrook Tempo, a plug-in hybrid due next spring. The company plans to sell its "
    "Corvan brand and to close Corvan dealers in 40 states. Analysts expect the Tempo to cost about $35,000. One "
    "reviewer drove a silver Sparrow from Toledo to Chicago and praised its mileage.\n"
)
MARKET_CLOSE = (
    "Stocks slide as bank fears return\n"
    "NEW YORK - Stocks fell sharply on Thursday. The Dow Jones industrial average lost 412 points, or 4.1 percent, to "
    "9,650, and the broader Standard & Poor's 500 index fell 4.4 percent. The Nasdaq composite index dropped 3.9 "
    "percent. The Dow has now lost a fifth of its value since May. In Europe, the FTSE 100 in London closed 2.6 "
    "percent lower and Germany's DAX fell 3 percent, while Japan's Nikkei 225 average slipped 1.8 percent overnight. "
    "Trading on the New York Stock Exchange was heavy, and the exchange said volume reached a record. Shares of "
    "Corlan Bank fell 22 percent after the lender said it would raise more capital.\n"
)
PHONE_LAUNCH = (
    "Vantor unveils its first folding phone\n"
    "SEOUL, Oct. 6, 2020 - Vantor on Tuesday unveiled the Vantor Fold, a phone whose screen bends in half, and said "
    "the Fold would go on sale in November for $1,299. The company also showed the Vantor Book 14, a thin laptop, "
    "and a new version of its Orbit software. Reviewers who tried the Fold praised its hinge but said the battery "
    "drained quickly. Vantor said it expects to ship two million Fold phones by the end of 2020.\n"
)
STORIES = [
    ("auto-sales", AUTO_SALES, {"Hallbrook Motors": ORG, "Hallbrook Ranger": PRODUCT, "Hallbrook Sparrow": PRODUCT,
                                "Sparrow": PRODUCT, "Tempo": PRODUCT, "Corvan": ORG, "Toledo": "place"}),
    ("market-close", MARKET_CLOSE, {"Dow Jones industrial average": INDEX, "Standard & Poor's 500": INDEX,
                                    "Nasdaq composite": INDEX, "Dow": INDEX, "FTSE 100": INDEX, "DAX": INDEX,
                                    "Nikkei 225": INDEX, "New York Stock Exchange": ORG, "Corlan Bank": ORG,
                                    "London": "place", "Japan": "place"}),
    ("phone-launch", PHONE_LAUNCH, {"Vantor": ORG, "Vantor Fold": PRODUCT, "Fold": PRODUCT,
                                    "Vantor Book 14": PRODUCT, "Orbit": PRODUCT}),
]


@pytest.mark.parametrize("text, expected", [s[1:] for s in STORIES], ids=[s[0] for s in STORIES])
def test_stories_give_each_name_its_type(nlp, text, expected):
    types: dict[str, set[str]] = {}
    for e in extract_entities(nlp(text), all_types=True):
        for m in e.mentions:
            types.setdefault(m.text, set()).add(e.type)
    wrong = {name: types.get(name) for name, t in expected.items() if types.get(name) != {t}}
    assert not wrong, wrong
