"""Market reports and auto-industry business news: the time expressions of stock, earnings and sales stories.

Each case is a short passage in the style of a wire market wrap or a carmaker's results story, with the TIMEX3
values the TempEval-3 guidelines give its expressions (the value is the period at the expression's own
granularity: "this week" is a week, "the third quarter" a quarter, "the first nine months" a duration).
"""
from __future__ import annotations

import pytest

from newskit.dates.extract import extract_dates

# 2008-10-08 is a Wednesday, 2008-10-11 a Saturday, 2008-11-04 a Tuesday.
CASES = [
    # market wraps: days, weeks and the trading session
    ("Shares in London slid on Monday as banks tumbled.", "2008-10-08", [("Monday", "2008-10-06")]),
    ("The blue-chip index closed 2 percent lower on Friday.", "2008-10-11", [("Friday", "2008-10-10")]),
    ("The index lost 18 percent for the week, its worst since 1933.", "2008-10-11",
     [("the week", "2008-W41"), ("1933", "1933")]),
    ("The benchmark has dropped 21 percent this week.", "2008-10-11", [("this week", "2008-W41")]),
    ("Traders expect the central bank to cut rates again later this week.", "2008-10-08",
     [("later this week", "2008-W41")]),
    ("Crude settled at $88 on Thursday, down from $104 a week earlier.", "2008-10-11",
     [("Thursday", "2008-10-09"), ("a week earlier", "2008-W40")]),
    ("The index closed at its lowest level since 2003.", "2008-10-08", [("2003", "2003")]),
    ("It was the market's lowest close since April 2003.", "2008-10-08", [("April 2003", "2003-04")]),
    ("The exchange halted trading at 4 p.m. EDT.", "2008-10-08", [("4 p.m. EDT", "2008-10-08T16:00")]),
    ("Trading ended at 4 p.m. EDT (2000 GMT).", "2008-10-08",
     [("4 p.m. EDT", "2008-10-08T16:00")]),  # the GMT restatement is neither a second time nor the year 2000
    ("The blast came at about 10:35 a.m. (0735 GMT) on Friday.", "2008-10-11",
     [("at about 10:35 a.m.", "2008-10-10T10:35"), ("Friday", "2008-10-10")]),
    ("European shares resumed trading at 1430 GMT.", "2008-10-08", [("1430 GMT", "2008-10-08T14:30Z")]),
    ("The index has fallen 35 percent year-to-date.", "2008-10-08", [("year-to-date", "2008")]),
    ("Stocks have lost a third of their value so far this year.", "2008-10-08", [("this year", "2008")]),
    ("Earlier in the day, the index had climbed 3 percent.", "2008-10-08", [("Earlier in the day", "2008-10-08")]),
    ("Later in the session the gains evaporated.", "2008-10-08", []),
    ("Shares of the carmaker sank 9 percent in early trading.", "2008-10-08", []),
    ("The bank had announced the previous day that it would raise capital.", "2008-10-08",
     [("the previous day", "2008-10-07")]),
    ("The index ended the week down 18 percent.", "2008-10-11", [("the week", "2008-W41")]),
    ("Stocks slid on Monday after gaining 4 percent on the previous trading day.", "2008-10-13",
     [("Monday", "2008-10-13"), ("the previous trading day", "2008-10-10")]),
    ("Investors are waiting for next month's jobs report.", "2008-10-08", [("next month", "2008-11")]),
    ("Money-market funds have seen heavy withdrawals in recent weeks.", "2008-10-08", [("recent weeks", "PXW")]),
    ("Jobless claims rose to 478,000 last week.", "2008-10-09", [("last week", "2008-W40")]),
    ("The bill was signed into law on Oct. 3.", "2008-10-08", [("Oct. 3", "2008-10-03")]),
    ("House prices have fallen 16 percent over the past 12 months.", "2008-10-08",
     [("the past 12 months", "P12M")]),
    # earnings: quarters, halves, nine months, fiscal years and their year-earlier comparisons
    ("The bank earned $2 billion in the third quarter, down from $3 billion a year earlier.", "2008-10-22",
     [("the third quarter", "2008-Q3"), ("a year earlier", "2007-Q3")]),
    ("Revenue for the first nine months of the year rose 4 percent.", "2008-10-22",
     [("the first nine months", "P9M"), ("the year", "2008")]),
    ("The insurer expects a loss in the fourth quarter of 2008.", "2008-10-22",
     [("the fourth quarter of 2008", "2008-Q4")]),
    ("The retailer expects to return to profit in fiscal 2009.", "2008-10-22", [("fiscal 2009", "2009")]),
    ("Toyota's profit fell 69 percent in the July-September quarter.", "2008-11-06",
     [("the July-September quarter", "2008-Q3")]),
    ("Operating income in the April-June period was 411 billion yen.", "2008-11-06",
     [("the April-June period", "2008-Q2")]),
    ("Sony cut its forecast for the October-December quarter.", "2008-11-06",
     [("the October-December quarter", "2008-Q4")]),
    ("Sales in the second half will be weaker than in the first half.", "2008-10-22",
     [("the second half", "2008-H2"), ("the first half", "2008-H1")]),
    ("The carmaker lost $2.5 billion in the third quarter, compared with a loss of $39 billion in the "
     "year-earlier period.", "2008-11-07", [("the third quarter", "2008-Q3"), ("the year-earlier period", "2007-Q3")]),
    ("It posted a loss in the quarter, its fifth in a row, after a profit in the previous quarter.", "2008-10-22",
     [("the quarter", "2008-Q3"), ("the previous quarter", "2008-Q2")]),
    ("The carmaker warned that its cash would fall below the minimum by the end of the quarter.", "2008-11-07",
     [("the quarter", "2008-Q4")]),
    ("The automaker expects to return to profit in the first quarter.", "2008-10-22",
     [("the first quarter", "2009-Q1")]),
    ("The automaker returned to profit in the first quarter.", "2008-10-22", [("the first quarter", "2008-Q1")]),
    # auto industry: monthly sales, plans and bankruptcy timelines
    ("U.S. light-vehicle sales plunged 32 percent in October.", "2008-11-04", [("October", "2008-10")]),
    ("The automaker's sales dropped 45 percent last month.", "2008-11-04", [("last month", "2008-10")]),
    ("Its October sales fell 30 percent from the year-earlier month.", "2008-11-04",
     [("October", "2008-10"), ("the year-earlier month", "2007-10")]),
    ("The carmaker sold 132,000 vehicles in October, its weakest month since 1991 and 30 percent fewer than in the "
     "same month last year.", "2008-11-04",
     [("October", "2008-10"), ("1991", "1991"), ("the same month last year", "2007-10")]),
    ("Sales dropped 45 percent in October compared with the same month in 2007.", "2008-11-04",
     [("October", "2008-10"), ("the same month in 2007", "2007-10")]),
    ("Dealers sold 40 percent fewer trucks than in the same week a year earlier.", "2008-11-04",
     [("the same week a year earlier", "2007-W45")]),
    ("The market posted the month's biggest gain on Tuesday.", "2008-10-30",
     [("the month", "2008-10"), ("Tuesday", "2008-10-28")]),
    ("The company plans to cut its North American payroll by 2012.", "2008-11-07", [("2012", "2012")]),
    ("The new small car will go on sale in the U.S. next year.", "2008-11-07", [("next year", "2009")]),
    ("The automaker could run out of cash by the end of the year.", "2008-11-07",
     [("the end of the year", "2008")]),
    ("Analysts expect the plant to close by mid-2010.", "2008-11-07", [("mid-2010", "2010")]),
    ("The carmaker filed for bankruptcy protection on June 1 and emerged 40 days later.", "2009-07-11",
     [("June 1", "2009-06-01"), ("40 days later", "2009-07-11")]),
    ("The automaker will receive the first $4 billion of the loans by Dec. 29.", "2008-12-20",
     [("Dec. 29", "2008-12-29")]),
    ("GM said on Friday it had burned through $6.9 billion in the third quarter.", "2008-11-08",
     [("Friday", "2008-11-07"), ("the third quarter", "2008-Q3")]),
    ("The two companies broke off merger talks a day later.", "2008-11-08", [("a day later", "2008-11-09")]),
]


@pytest.mark.parametrize("text,anchor,expected", CASES)
def test_market_and_auto_news(nlp, text, anchor, expected):
    assert [(d.text, d.value) for d in extract_dates(nlp(text), anchor)] == expected


@pytest.mark.parametrize("text,anchor,expected", [
    # a plan stated in the past perfect has been overtaken: its day is behind the report
    ("The offer had been scheduled to expire at midnight Friday but was extended.", "1989-10-30",
     [("midnight Friday", "1989-10-27T24:00")]),
    ("The tender had been due to expire Friday evening.", "1989-10-30", [("Friday evening", "1989-10-27TEV")]),
    # the month just gone is "last month": "last February" written in March is the year before
    ("Two helicopters collided last February.", "1998-03-01", [("last February", "1997-02")]),
    ("The union went on strike last October.", "1999-02-06", [("last October", "1998-10")]),
    # a month named once before a list of days dates each of them
    ("Leaders will meet at the summit on April 24 and 25.", "1999-02-10",
     [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
    ("The talks were held on Nov. 4-5, 2007, in Geneva.", "2008-01-10",
     [("Nov. 4", "2007-11-04"), ("5, 2007", "2007-11-05")]),
    ("The index rose 24 and 25 points in two sessions.", "1999-02-10", []),
    # a past verb puts a month two or more months ahead in the previous year
    ("The operator moved its headquarters to Dallas in December.", "1989-10-27", [("December", "1988-12")]),
])
def test_anchoring_in_past_narrative(nlp, text, anchor, expected):
    assert [(d.text, d.value) for d in extract_dates(nlp(text), anchor)] == expected
