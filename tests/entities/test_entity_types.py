"""Regression guard for entity types on short news sentences: one-word companies, clubs, agencies, parties,
ministries, courts, newspapers and cities, the names a recognizer trained on one year of wire news has not seen.

Each row is a sentence written for this test, the name to look for and the type it must get. A row the pipeline
does not get right yet is marked xfail with the reason, never skipped; every class must also clear its floor.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from newskit.entities.extract import extract_entities

ORG, PLACE, PERSON = "organization", "place", "person"

# (class, sentence, name, expected type)
ROWS = [
    # companies named by one word
    ("company", "Chrysler said on Tuesday it would idle two plants for a week.", "Chrysler", ORG),
    ("company", "Shares of Stellantis fell 4 percent after the automaker cut its forecast.", "Stellantis", ORG),
    ("company", "Fiat will build the new hatchback in Poland, the company said.", "Fiat", ORG),
    ("company", "Peugeot recalled 30,000 vans because of a faulty brake hose.", "Peugeot", ORG),
    ("company", "Tesla delivered fewer cars than analysts expected in the third quarter.", "Tesla", ORG),
    ("company", "Nvidia reported record revenue from chips used in data centres.", "Nvidia", ORG),
    ("company", "Volvo said it would stop selling diesel models in Europe.", "Volvo", ORG),
    ("company", "Foxconn plans to hire 50,000 seasonal workers at its largest factory.", "Foxconn", ORG),
    ("company", "Ryanair cancelled dozens of flights as air traffic controllers walked out.", "Ryanair", ORG),
    ("company", "Siemens won a contract to supply trains to the regional operator.", "Siemens", ORG),
    ("company", "Unilever raised prices again to offset higher costs for palm oil.", "Unilever", ORG),
    ("company", "Carmaker Renault said its electric models now make up a third of sales.", "Renault", ORG),
    ("company", "Chipmaker Qualcomm agreed to buy a smaller rival for $2 billion.", "Qualcomm", ORG),
    ("company", "Analysts expect Nestle to report slower growth in coffee sales.", "Nestle", ORG),
    ("company", "Brannock Robotics raised $30 million from venture investors.", "Brannock Robotics", ORG),
    ("company", "Quillon Therapeutics said its drug cut relapses by a third.", "Quillon Therapeutics", ORG),
    ("company", "Toyota recalled 1.2 million vehicles over a faulty airbag sensor.", "Toyota", ORG),
    ("company", "Hyundai and Kia will share a battery plant in Georgia.", "Hyundai", ORG),
    ("company", "Stellantis will invest $1 billion in its plant in Windsor, Ontario.", "Stellantis", ORG),
    ("company", "Workers at Boeing voted to end a seven-week strike.", "Boeing", ORG),
    ("company", "Deutsche Bank said it would cut 3,000 jobs in its investment arm.", "Deutsche Bank", ORG),
    ("company", "The order will see new jets delivered to four carriers - Air China, Hainan Airlines, Sichuan "
                "Airlines and Xiamen Airlines.", "Air China", ORG),
    ("company", "Marchetti reported higher profits on Tuesday. Marchetti SpA chairman Luca Neri said demand was "
                "strong.", "Marchetti", ORG),
    ("company", "Gruber declined to comment on the talks. Gruber AG employs 3,000 people in Bavaria.", "Gruber", ORG),
    ("company", "Shares of Nvidia rose 4% after the results beat forecasts.", "Nvidia", ORG),
    ("company", "The fund sold its stake in Zolvanta to a rival on Friday.", "Zolvanta", ORG),
    # firms an apposition, a takeover or "which" names, whatever both models read the words as
    ("company", "Uzina Pitesti, the Romanian plant that Renault runs, will add a night shift.", "Uzina Pitesti", ORG),
    ("company", "Greenfield Waste, the contractor that collects rubbish for the council, won a new deal.",
     "Greenfield Waste", ORG),
    ("company", "Harrowby Transit, the town's bus operator, said it would cut two routes.", "Harrowby Transit", ORG),
    ("company", "Cerberus, the private equity firm, said it would not put more money into the carmaker.", "Cerberus",
     ORG),
    ("company", "Magna said it was in talks to buy the German carmaker.", "Magna", ORG),
    ("company", "Pegatron said it would move some assembly lines out of China.", "Pegatron", ORG),
    ("company", "Wistron said it would open a factory in Texas.", "Wistron", ORG),
    ("company", "The fund acquired Brightwater Logistics in a deal worth $400 million.", "Brightwater Logistics", ORG),
    ("company", "Lordstown Motors, the electric truck startup, said it had bought the plant.", "Lordstown Motors", ORG),
    ("company", "Delphi, the parts supplier spun off from the carmaker, warned of plant closures.", "Delphi", ORG),
    # a firm's unit named after it ("Zappit Go") that only the recognizer reads as a person lends no person evidence
    ("company", "Zappit said on Monday it would close 40 offices. Its delivery arm Zappit Go will be sold.", "Zappit",
     ORG),
    ("company", "Nissan, which had held talks with the carmaker, said it had ended them.", "Nissan", ORG),
    # lenders in a bank failure: what regulators seize, a rival takes over, a sale goes to
    ("lender", "Riverbend Savings, a Nevada thrift with $2 billion in deposits, was closed by regulators.",
     "Riverbend Savings", ORG),
    ("lender", "Santander agreed to buy Sovereign, the Philadelphia bank, for $1.9 billion.", "Sovereign", ORG),
    ("lender", "Merrill Lynch was sold to Bank of America in September.", "Merrill Lynch", ORG),
    ("lender", "Northern Rock, the mortgage lender rescued last year, will cut 800 jobs.", "Northern Rock", ORG),
    ("lender", "Castlegate Mutual, the Leeds building society, was taken over by a larger rival.", "Castlegate Mutual",
     ORG),
    ("lender", "The failed lender's deposits were sold to Hollister Federal, a Georgia savings bank.",
     "Hollister Federal", ORG),
    ("lender", "Regulators seized Pinecrest Federal, which had lost heavily on construction loans.",
     "Pinecrest Federal", ORG),
    ("lender", "The state bank completed its takeover of Alder Trust on Monday.", "Alder Trust", ORG),
    # sports clubs
    ("club", "Aston Villa beat Chelsea 2-1 on Saturday to go top of the table.", "Aston Villa", ORG),
    ("club", "Everton were held 1-1 by Fulham at Goodison Park.", "Fulham", ORG),
    ("club", "Stoke drew 0-0 with Wigan in a dull game.", "Wigan", ORG),
    ("club", "Crystal Palace lost 3-1 to Wolves on Tuesday night.", "Crystal Palace", ORG),
    ("club", "Bournemouth came from behind to beat the visitors 2-1 on Saturday.", "Bournemouth", ORG),
    ("club", "Arsenal signed the Brazilian winger on a four-year contract.", "Arsenal", ORG),
    ("club", "Juventus sacked their coach after a third straight defeat.", "Juventus", ORG),
    ("club", "The Yankees beat the Red Sox 5-3 in extra innings.", "Yankees", ORG),
    ("club", "Ajax confirmed that the striker had suffered a knee injury.", "Ajax", ORG),
    ("club", "Barcelona said the midfielder would miss the rest of the season.", "Barcelona", ORG),
    ("club", "Aston Villa extended the manager's contract until 2028.", "Aston Villa", ORG),
    ("club", "Napoli were held to a draw by a side fighting relegation.", "Napoli", ORG),
    ("club", "Porto coach Ines Barrow said her players had run out of energy.", "Porto", ORG),
    ("club", "Lyon owner Marc Vellard said the club would not sell its striker.", "Lyon", ORG),
    ("club", "Dominique Barel will coach struggling first division side Lorient, the club said.", "Lorient", ORG),
    ("club", "England captain Harry Kane missed a penalty in the shoot-out.", "England", PLACE),
    # agencies and public bodies
    ("agency", "NASA postponed the launch because of high winds at the pad.", "NASA", ORG),
    ("agency", "Interpol issued a red notice for the former banker.", "Interpol", ORG),
    ("agency", "Europol said the gang had laundered money through shell companies.", "Europol", ORG),
    ("agency", "The Pentagon said the drills would continue through the weekend.", "Pentagon", ORG),
    ("agency", "Frontex reported a rise in crossings on the central Mediterranean route.", "Frontex", ORG),
    ("agency", "The FBI arrested the suspect at his home in the suburbs.", "FBI", ORG),
    ("agency", "Ofcom fined the broadcaster for breaching impartiality rules.", "Ofcom", ORG),
    ("agency", "The World Bank cut its forecast for global growth.", "World Bank", ORG),
    ("agency", "Network Rail said engineers would work through the weekend.", "Network Rail", ORG),
    # political parties
    ("party", "Labour promised to freeze energy bills if it wins the election.", "Labour", ORG),
    ("party", "Fidesz kept its two-thirds majority in parliament.", "Fidesz", ORG),
    ("party", "The Republicans blocked the spending bill in the Senate.", "Republicans", ORG),
    ("party", "Syriza lost ground to the conservatives in the latest poll.", "Syriza", ORG),
    ("party", "Podemos said it would not join a coalition government.", "Podemos", ORG),
    # ministries and governments by their seat
    ("ministry", "The Kremlin said the talks had been useful but gave no details.", "Kremlin", ORG),
    ("ministry", "Kremlin spokesperson Ivan Sorokin declined to comment on the report.", "Kremlin", ORG),
    ("ministry", "The White House said the president would sign the bill on Friday.", "White House", ORG),
    ("ministry", "The Treasury said it would issue more long-dated bonds.", "Treasury", ORG),
    ("ministry", "The Bundesbank warned that inflation would stay high next year.", "Bundesbank", ORG),
    ("ministry", "Downing Street said the prime minister had full confidence in her.", "Downing Street", ORG),
    ("ministry", "The Elysee said the president would travel to Berlin.", "Elysee", ORG),
    ("ministry", "A small fire broke out in the Kremlin on Monday night.", "Kremlin", PLACE),
    ("ministry", "The two leaders met in the White House on Friday.", "White House", PLACE),
    ("ministry", "Moscow said the sanctions would not change its course.", "Moscow", PLACE),
    # courts
    ("court", "The Bundesverfassungsgericht struck down the surveillance law.", "Bundesverfassungsgericht", ORG),
    ("court", "The Supreme Court agreed to hear the case next term.", "Supreme Court", ORG),
    ("court", "Eurojust helped prosecutors in six countries coordinate the raids.", "Eurojust", ORG),
    # newspapers and broadcasters
    ("newspaper", "The story was first reported by Haaretz on Sunday.", "Haaretz", ORG),
    ("newspaper", "According to Bloomberg, the bank is weighing job cuts.", "Bloomberg", ORG),
    ("newspaper", "Reuters could not independently verify the footage.", "Reuters", ORG),
    ("newspaper", "Le Monde published the leaked emails in full.", "Le Monde", ORG),
    ("newspaper", "The Guardian said it had seen a draft of the report.", "Guardian", ORG),
    ("newspaper", "Asahi reported that the cabinet would approve the plan this week.", "Asahi", ORG),
    ("newspaper", "The Telegraph reported that ministers had rejected the plan.", "Telegraph", ORG),
    # cities and places named by one word
    ("city", "Police in Edmonton said the two men had been arrested without incident.", "Edmonton", PLACE),
    ("city", "Montreal will host the summit next spring, organisers said.", "Montreal", PLACE),
    ("city", "Floods cut off several villages north of Lahore.", "Lahore", PLACE),
    ("city", "Residents of Mariupol queued for water for a third day.", "Mariupol", PLACE),
    ("city", "Trains between Leeds and York were cancelled after a landslip.", "Leeds", PLACE),
    ("city", "The company will open a second plant in Chattanooga, Tennessee.", "Chattanooga", PLACE),
    ("city", "Temperatures in Phoenix passed 45 degrees for the fifth day.", "Phoenix", PLACE),
    ("city", "The mayor of Rotterdam said the port would reopen on Monday.", "Rotterdam", PLACE),
    ("city", "Washington warned Beijing against any move on the island.", "Washington", PLACE),
    ("city", "Fighting continued near Kharkiv through the night.", "Kharkiv", PLACE),
    ("city", "Ontario will raise the minimum wage in October.", "Ontario", PLACE),
    ("city", "Snow closed schools across Kentucky on Thursday.", "Kentucky", PLACE),
    ("city", "Floodwater reached the centre of Valencia overnight.", "Valencia", PLACE),
    ("city", "He grew up in Edmonton before moving to Calgary.", "Calgary", PLACE),
    ("city", "Officials in Detroit said the plant would reopen in March.", "Detroit", PLACE),
    ("city", "Settlers in the West Bank protested against the court's decision.", "West Bank", PLACE),
    # a place named after a person: both models read a place, and a given name alone does not make it a person
    ("city", "The tournament at Roland Garros, which starts in May, will admit some fans.", "Roland Garros", PLACE),
    ("city", "Two injured defenders will miss England's opening qualifier. England play Malta on Sunday.", "England",
     PLACE),
    # sides in a score line or a standings row: clubs named by their town, whatever the town is elsewhere
    ("results", "Results of league games on Saturday:\nHalifax 2 Wrexham 1\nStockport 0 Barnsley 3", "Wrexham", ORG),
    ("results", "Results of league games on Saturday:\nHalifax 2 Wrexham 1\nStockport 0 Barnsley 3", "Stockport",
     ORG),
    ("results", "Standings after Saturday's games:\nBarnsley 5 4 1 0 13\nStockport 5 3 1 1 10", "Barnsley", ORG),
    ("results", "Standings after the weekend:\nPORTLAND 74 59 .556 -\nSACRAMENTO 70 63 .526 4", "SACRAMENTO", ORG),
    ("results", "Late goals decided the derby.\nBournemouth 2 Aston Villa 1", "Aston Villa", ORG),
    # a cricket scorecard names players: batting lines, bowling analyses
    ("results", "Scoreboard of the one-day match on Sunday:\nKent\nT. Marsh c Okonkwo b Pellegrini 41\n"
                "D. Rourke lbw b Pellegrini 7\nS. Ferris not out 22\nBowling: Pellegrini 10-1-38-2, Okonkwo 8-0-41-0",
     "Pellegrini", PERSON),
    ("results", "Leading scores after three rounds:\nTiger Woods 68 70 66\nRory McIlroy 70 69 68", "Rory McIlroy",
     PERSON),
    # people, so the rules above do not cost them
    ("person", "Mikel Arteta praised his players after the match.", "Mikel Arteta", PERSON),
    ("person", "Raheem Sterling scored twice in the second half.", "Raheem Sterling", PERSON),
    ("person", "Angela Merkel met the French president in Paris. Merkel said the talks went well.", "Angela Merkel",
     PERSON),
    ("person", "Mr. Okafor, who founded the firm in 2009, said he would step down.", "Okafor", PERSON),
    ("person", "Miss Adebayo said she would appeal. Adebayo lost the first hearing in May.", "Adebayo", PERSON),
    ("person", "Chief executive Mary Barra said the company would hire 1,000 engineers.", "Mary Barra", PERSON),
    ("person", "Prime Minister Jacinda Ardern announced the new rules on Monday.", "Jacinda Ardern", PERSON),
    ("person", "Tomasz Wrobel, the union's leader, said the deal was fair.", "Tomasz Wrobel", PERSON),
    ("person", "Coach Ines Barrow said her players had run out of energy.", "Ines Barrow", PERSON),
    ("person", "Macron is due to comment on it after the summit.", "Macron", PERSON),
    ("person", "Sunak declined to discuss it with reporters.", "Sunak", PERSON),
    ("person", "Prosecutors reopened the Jean Lacroix case after new evidence emerged.", "Jean Lacroix", PERSON),
    ("person", "Investigators said the Peter Hallam case had been closed in 2019.", "Peter Hallam", PERSON),
    ("person", "Gettelfinger, 64, told reporters the union would fight any cut.", "Gettelfinger", PERSON),
    ("person", "Halvorsen, a 34-year-old nurse, was among the injured.", "Halvorsen", PERSON),
    ("person", "Nadia Petrova beat Elena Ruiz 6-3 6-4 in the final.", "Elena Ruiz", PERSON),
    ("person", "Chelsea sold Drogba to a Chinese club for $15 million.", "Drogba", PERSON),
    ("person", "Tim Cook, the chief executive of Apple, said it would open a store in Mumbai.", "Tim Cook", PERSON),
    ("person", "Mary Okafor, the lender's chief executive, said it would cut jobs.", "Mary Okafor", PERSON),
    ("person", "Weber will visit Hamburg next week, his office said.", "Weber", PERSON),
    ("person", "Justice Mara Ellison wrote the dissent, joined by two colleagues.", "Mara Ellison", PERSON),
    # a word for what the person does, capitalized only because it opens the sentence, is no part of the name
    ("person", "Schools will stay closed until March.\nEpidemiologist Ana Lopes said the second wave had not peaked.",
     "Ana Lopes", PERSON),
    ("person", "The club signed two players on Friday.\nWinger Tomas Brandt joined from a second-division side.",
     "Tomas Brandt", PERSON),
    # business news of a crisis: a firm's chairman, lenders coordinated, a family name written alone, a job
    ("company", "Foxconn chairman Terry Gou said the group would build a plant in Vietnam.", "Foxconn", ORG),
    ("company", "Fannie Mae and Freddie Mac were placed under federal control on Sunday.", "Fannie Mae", ORG),
    ("person", "The Fed's Ben Bernanke told senators that lending had frozen. Bernanke said more help was coming.",
     "Ben Bernanke", PERSON),
    ("person", "Jackson, the union's lawyer, said the retirees would appeal the ruling.", "Jackson", PERSON),
    ("person", "Halloran, a bond strategist, said yields would keep falling.", "Halloran", PERSON),
    ("person", 'Roger Penske made the highest offer. "The brand still has loyal buyers," Penske told reporters.',
     "Penske", PERSON),
    # the auto crisis and the markets: a plant's town, ", who" after a family name alone, the province of a premier
    ("city", "Workers at the Janesville plant were told the line would stop in December.", "Janesville", PLACE),
    ("city", "The carmaker said its Ellesmere Port plant would build the new van.", "Ellesmere Port", PLACE),
    ("person", "The plan was drawn up by Dunleavy, who took over the carmaker in March.", "Dunleavy", PERSON),
    ("city", "The strike halted GM's Lordstown plant for a week.", "Lordstown", PLACE),
    ("city", "Ontario Premier Kathleen Wynne met union leaders on Monday.", "Ontario", PLACE),
    # "its" after a nearer subject is that subject's, no evidence that the family name before it is a firm's
    ("person", "Nakamura said the company would post its first loss in a decade.", "Nakamura", PERSON),
    ("person", "Sorensen told analysts that the airline would shrink its fleet.", "Sorensen", PERSON),
    # a person's apposition ("the founder of", "the head of") and nothing of a firm or a place: a person
    ("person", "Ruiz, the founder of the fund, said returns would recover.", "Ruiz", PERSON),
    # a sentence where neither model found any name still gets the names its words call names
    ("company", "Analysts at Barclays doubted that regulators would approve the purchase.", "Barclays", ORG),
    # an acronym the base model calls an organization needs no cue
    ("company", "Investors were told on Monday that GM would repay the loans early.", "GM", ORG),
]

# Rows the pipeline does not get right yet: (sentence prefix) -> reason.
KNOWN = {
    "Foxconn plans": "both models call it a place and the only cue is a later 'its'",
    "Analysts expect Nestle": "both models call it a person and the sentence has no cue against it",
    "Bournemouth came": "neither model finds the name",
    "Fidesz kept": "neither model finds the name",
    "The Republicans": "both models read the party's members (NORP, CoNLL-2003 MISC), as CoNLL annotates them",
    "Syriza lost": "neither model finds the name",
    "Residents of Mariupol": "both models call it an organization and 'of' is no locative cue",
    "Trains between Leeds": "both models read the football club, and 'between' is no locative cue",
    "Sunak declined": "the recognizer calls the one-word name an organization and nothing in the sentence is a "
                      "person's",
    "Aston Villa extended": "both models call the two-word club a person and the sentence has no cue against it",
    "Fannie Mae and": "a given name opens it, the recognizer calls it a place and the sentence has no firm's cue",
    "Mikel Arteta": "the recognizer finds only 'Arteta' (an organization) and the base model misses the name, so "
                    "the given name never joins the span",
}

# Names both layers misread, which the article's words type: (sentence, name, type).
MISREAD = [
    # a space after the particle's apostrophe: the recognizer took the rest of the family name for a place
    ("Michael O' Leary, the airline's chief executive, said fares would fall.", "Michael O' Leary", PERSON),
    # a works named by its town, no person
    ("Boeing unveiled the plane at its Everett Factory on Sunday.", "Everett Factory", PLACE),
    # a firm shortened to its first word, as no person is; and a firm's first word alone
    ("He joined Morrow Grant in 2001. Morrow makes jet engines in Ohio.", "Morrow Grant", ORG),
    ("Airlines bought planes from Douglas Aircraft for decades. Douglas built the DC-3 in Santa Monica.", "Douglas",
     ORG),
    # an apposition closing the sentence that the parse hangs on the verb ("group" the object of "agreed")
    ("Halvek Bank agreed to buy most of Aldermoor, the Belgian-Dutch banking group.", "Aldermoor", ORG),
]


# Towns a fixture joins ("X host Y") are the clubs, two towns do not host each other; a country or a city whose
# possessive follows stays a place. In a story that gives a game's score, a side that loses in prose needs none.
# A family name the story gives alone, with no full name: its person cues are a verb of saying that people use
# and bodies rarely ("told reporters") and the next sentence's "he"; a firm telling or adding stays the firm. A bank
# taken over is a firm, whatever both models read its name as; the town a stock exchange is in is no firm.
SHORT_NAMES = [
    ("Tottenham host Brighton on Sunday, with both clubs chasing a European place.", "Brighton", ORG),
    ("Tottenham host Brighton on Sunday, with both clubs chasing a European place.", "Tottenham", ORG),
    ("Arsenal travel to Wolves on Saturday while Chelsea visit Burnley.", "Burnley", ORG),
    ("China will host Japan for talks in Beijing next month.", "China", PLACE),
    ("The president will visit Paris next week and host Berlin's mayor.", "Paris", PLACE),
    ("Real Madrid beat Sevilla 2-0 on Sunday. Atletico lost to Getafe.", "Getafe", ORG),
    ("Ford will cut 2,000 more jobs, the automaker said. Mulally told reporters the company had enough cash.",
     "Mulally", PERSON),
    ("Renault said its profit fell by half. Ghosn told analysts the carmaker would not close plants in France.",
     "Ghosn", PERSON),
    ("Toyota recalled 500,000 vans on Friday. Toyoda spoke at a news conference in Nagoya. He promised a full "
     "review of the company's checks.", "Toyoda", PERSON),
    ("Ford told dealers on Monday that it would cut prices on its trucks.", "Ford", ORG),
    ("Nissan added a third shift at its plant in Tennessee.", "Nissan", ORG),
    ("Glitnir was taken over by the state on Monday, a week before its rival.", "Glitnir", ORG),
    ("Landsbanki was taken over by the Icelandic government on Tuesday.", "Landsbanki", ORG),
    ("Shares fell on the Frankfurt stock exchange after the bank warned.", "Frankfurt", PLACE),
    # a party's leader or lawmakers name the party, also where it opens the sentence; a state's are the state's
    ("Labour leader Keir Starmer said the party would cut energy bills.", "Labour", ORG),
    ("Texas lawmakers voted to cut property taxes on Monday.", "Texas", PLACE),
    # a possessive of what only a firm has ("savers", "shares", "chief executive"); a known place's stays a place
    ("Landsbanki's British savers were told their money was safe.", "Landsbanki", ORG),
    ("Iceland's creditors met in London on Monday.", "Iceland", PLACE),
]

# A league the recognizer calls MISC is no place, whatever the base model reads in it.
LEAGUES = [
    ("Hertha Berlin drew 1-1 at home. The Bundesliga breaks for the winter after next weekend.", "Bundesliga", None),
]


@pytest.mark.parametrize("text, name, expected", SHORT_NAMES, ids=[f"{r[1]}-{r[0][:12]}" for r in SHORT_NAMES])
def test_short_names_get_their_type_from_the_story(nlp, text, name, expected):
    assert _type_of(nlp, text, name) == expected


@pytest.mark.parametrize("text, name, expected", LEAGUES, ids=[r[1] for r in LEAGUES])
def test_a_league_is_no_place(nlp, text, name, expected):
    assert _type_of(nlp, text, name) == expected


@pytest.mark.parametrize("text, name, expected", MISREAD, ids=[r[1] for r in MISREAD])
def test_misread_names_get_their_type(nlp, text, name, expected):
    assert _type_of(nlp, text, name) == expected


# Share of rows each class must pass (the xfail rows count as failures).
FLOOR = {"company": 0.85, "club": 0.75, "agency": 0.8, "party": 0.4, "ministry": 0.8, "court": 0.6,
         "newspaper": 0.8, "city": 0.8, "person": 0.5, "results": 0.8, "lender": 0.8}

# A maker's name with a model designation is one product, not the maker as an organization: (sentence, product).
PRODUCTS = [
    ("The airline will retire its last Boeing 757 jets by the end of the year.", "Boeing 757"),
    ("Two Airbus A321 planes were grounded after an engine inspection.", "Airbus A321"),
    ("The navy plans to buy another squadron of F-35 fighters.", "F-35"),
    ("The carrier ordered 40 more Embraer E195 aircraft for regional routes.", "Embraer E195"),
]

# A name that only qualifies the noun after it names a kind of thing, a people or an index, not an organization.
MODIFIERS = [
    ("The Dow Jones industrial average fell 300 points on Friday.", "Dow Jones"),
    ("The airline will lease six Airbus jets for its summer routes.", "Airbus"),
    ("The Nasdaq composite index rose 1 percent.", "Nasdaq"),
]

# Sentence openings and page furniture that are no entities at all.
JUNK = [
    ("Commuters faced long delays on Monday after a signal failure.", "Commuters"),
    ("Farmers said planting had started two weeks late.", "Farmers"),
    ("Councillors voted to close the library on Sundays.", "Councillors"),
    ("Councillors in Harrowby voted 7-4 to raise property taxes.", "Councillors"),
    ("Here is what we know about the outage so far.", "Here"),
    ("Tell us what you think in the comments below.", "Tell"),
    ("Posted 9:41 AM\nThe bridge will close for repairs next month.", "Posted"),
    ("Updated 5:12 PM CDT\nThe storm moved east overnight.", "Updated"),
    ("The ferry left at 06:15 GMT and docked two hours late.", "GMT"),
    ("Churches expect their largest crowds of the year on Easter Sunday.", "Easter"),
    ("Retailers hope Black Friday will lift a weak quarter.", "Black"),
    # a term of common nouns spelled out before its short form, and the short form
    ("The builder won a contract for Engineering, Procurement and Construction (EPC) work at the refinery.",
     "Procurement and Construction"),
    ("The builder won a contract for Engineering, Procurement and Construction (EPC) work at the refinery.", "EPC"),
    # an office word alone, beside the person who holds it or of none
    ("The bank kept rates on hold until at least 2024.\nFed Chair Jerome Powell said the outlook was uncertain.",
     "Chair"),
    ("Pedro proclaimed independence in 1822 and became the first Emperor of Brazil in December.", "Emperor"),
]


def _type_of(nlp, text: str, name: str) -> str | None:
    ents = extract_entities(nlp(text))
    for e in ents:  # the name itself, or a place qualified by its state ("Chattanooga, Tennessee")
        if e.name == name or name in e.aliases or any(m.text == name or m.text.startswith(name + ", ")
                                                      for m in e.mentions):
            return e.type
    return None


def _params():
    out = []
    for row in ROWS:
        reason = next((r for prefix, r in KNOWN.items() if row[1].startswith(prefix)), None)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(*row, marks=marks, id=f"{row[0]}-{row[2]}"))
    return out


@pytest.mark.parametrize("kind, text, name, expected", _params())
def test_one_word_names_get_their_type(nlp, kind, text, name, expected):
    assert _type_of(nlp, text, name) == expected


def test_every_class_clears_its_floor(nlp):
    passed, total = defaultdict(int), defaultdict(int)
    for kind, text, name, expected in ROWS:
        total[kind] += 1
        passed[kind] += _type_of(nlp, text, name) == expected
    assert len(ROWS) >= 60
    low = {k: f"{passed[k]}/{total[k]}" for k in total if passed[k] / total[k] < FLOOR[k]}
    assert not low, f"classes below their floor: {low}"


@pytest.mark.parametrize("text, name", PRODUCTS)
def test_a_maker_and_its_model_designation_are_one_product(nlp, text, name):
    ents = extract_entities(nlp(text), all_types=True)
    assert [e.type for e in ents if any(m.text == name for m in e.mentions)] == ["product"]
    assert not [e.name for e in ents if e.type == ORG]


@pytest.mark.parametrize("text, name", MODIFIERS, ids=[n for _, n in MODIFIERS])
def test_a_name_qualifying_a_noun_is_no_organization(nlp, text, name):
    assert _type_of(nlp, text, name) is None


def test_the_same_name_acting_is_an_organization(nlp):
    assert _type_of(nlp, "Airbus said deliveries would rise next year.", "Airbus") == ORG


@pytest.mark.parametrize("text, word", JUNK, ids=[w for _, w in JUNK])
def test_capitalized_common_words_are_no_entities(nlp, text, word):
    assert _type_of(nlp, text, word) is None


def test_a_plural_common_noun_is_never_a_person(nlp):
    doc = nlp("Engineers worked through the night. Later, Engineers and Volunteers cleared the track.")
    assert not [e.name for e in extract_entities(doc) if e.type == PERSON]


# firms whose names read like a person's ("Barrick Gold", "Rio Tinto"), typed by what the article does with them:
# a move of its price as a stock moves, a list a plural firm's noun heads, "it" bought by another name; people a
# poll moves, by points or by percent, or listed with other people, stay people
_GIVEN = "a given name opening the firm's name outweighs its list with a firm"
FIRMS_LIKE_PEOPLE = [
    ("Goldcorp Mining rose 3 percent and Barrick Gold jumped 8 percent on Thursday.", "Barrick Gold", ORG),
    ("Traders sold mining companies Rio Tinto and Anglo American as copper fell.", "Rio Tinto", ORG),
    ("Wells Fargo climbed 6 percent and Morgan Stanley slipped 2 percent on Friday.", "Wells Fargo", ORG),
    ("JPMorgan Chase fell 5 percent after the bank set aside more money for bad loans.", "JPMorgan Chase", ORG),
    pytest.param("Fannie Mae and Freddie Mac, the two mortgage giants, lost more ground on Monday.", "Fannie Mae",
                 ORG, marks=pytest.mark.xfail(reason=_GIVEN, strict=True), id="Fannie Mae"),
    pytest.param("Investors moved savings to Charles Schwab and Fidelity as stocks fell.", "Charles Schwab", ORG,
                 marks=pytest.mark.xfail(reason=_GIVEN, strict=True), id="Charles Schwab"),
    ("Bear Stearns nearly failed in March until JPMorgan Chase bought it.", "Bear Stearns", ORG),
    ("Sarah Miller waited in March while Tom Jones bought it.", "Sarah Miller", PERSON),
    ("The Pentagon chose a supplier on Monday. Lockheed Martin, Boeing's rival, won the contract for the jets.",
     "Lockheed Martin", ORG),
    ("Hillary Clinton gained 5 points in the latest poll, and Donald Trump lost 2.", "Hillary Clinton", PERSON),
    ("Clinton rose 3 percent in the poll while Trump fell 2 percent.", "Clinton", PERSON),
    ("Sarah Palin and John McCain spoke to supporters in Ohio on Saturday.", "Sarah Palin", PERSON),
    ("Warren Buffett rose early and read the papers, as he has done for decades.", "Warren Buffett", PERSON),
]


@pytest.mark.parametrize("text, name, expected", [r if hasattr(r, "marks") else pytest.param(*r, id=r[1])
                                                  for r in FIRMS_LIKE_PEOPLE])
def test_a_firm_named_like_a_person_is_typed_by_what_it_does(nlp, text, name, expected):
    assert _type_of(nlp, text, name) == expected
