"""Read the free-text due dates that Health and Wellbeing Boards write into a structured form.

Boards write deadlines as "Apr-14", "by May 2013", "2014/15", "Sept 2013 (Academic year)" or
"To be delivered between April to June 2013". The wording is kept as written; alongside it
`parse_due` gives the period meant (start, end = the deadline), how precise the wording is, and
whether the work is ongoing, recurring or still to be agreed.

Conventions, chosen so the result is never a date the wording does not support:

* Numeric dates are UK order, day/month/year ("31/03/2014", "31.3.14").
* Two-digit years pivot at 70: 00-69 are 2000-2069, 70-99 are 1970-1999. Four-digit years are
  read only from 1900 to 2099: other four-digit numbers are not taken for years.
* UK financial year: 1 April to 31 March (the government and NHS accounting year). "2014/15",
  "2014/2015", "FY 2014/15" and "financial year 2014-15" are the year 2014-04-01..2015-03-31.
  "2014-15" (hyphen, two-digit second year one after the first) is also a financial year,
  because boards write financial years that way ("the next financial year 2014-15").
  "2008/10" (slash, years apart) is a run of financial years, 2008-04-01..2010-03-31.
  "2007-10", "2008 - 2013", "2012 to 2015" and "2014-2015" are calendar-year ranges.
  Year pairs more than 30 years apart, or running backwards, are not read.
* Quarters follow their year: "Q3 2014/15" is financial (Q1 = April-June, so Q3 is
  October-December 2014); "Q1 2014" is calendar (January-March 2014).
* Academic year: 1 September to 31 July (the school year in England without the summer
  holiday). "Sept 2013 (Academic year)" and "academic year 2013/14" are 2013-09-01..2014-07-31;
  a month from August to December starts that year's academic year, January to July belongs to
  the one that started the September before.
* early / mid / late (also "start of", "beginning of", "middle of", "end of"): within a month the
  1st-10th, 11th-20th and 21st-last day; a longer period is cut into thirds, by whole months
  when its length in months divides by three ("End 2008" is September-December 2008), otherwise
  by days. The precision stays that of the period named. Day dates and ranges are not narrowed.
* "June or September 2008" and "March/April 2014": the later month, since it is the deadline.
* Seasons are the meteorological ones ("Spring 2014" is March-May, "Winter 2014/15" is
  December-February); "Autumn term 2013" is the school term. "H1 2015/16" is April-September
  2015 (a financial half), "H2 2015" July-December. "start January 2008 for one year" runs to
  January 2009. All of these are ranges.
* Two or more dates in one cell ("Mar-14 and Sep-14", one per line): due at the latest, from
  the earliest start; the earlier ones are kept in ``earlier`` (the importer makes them
  milestones). Only list separators may stand between them, and never "or".
* "from April 2013", "April 2013 onwards", "2008 and onwards": start set, no end, ongoing.
* A two-digit year after a space is read only after an abbreviated month name ("Mar 14",
  "Sept 13", "May 14"): after a full name, as in "March 31", the number is more likely a day.
  A hyphen, slash or apostrophe always marks a year ("June-14").

Honesty rule: once a matcher has read a period, the rest of the text must hold no other
date-like token (a digit, a month name, a quarter, "FY", "financial", "academic"). Otherwise the
wording is ambiguous ("31 Feb 2014", "Q5 2014", "phase 2 by March 2014") and nothing is read.

The work is shared out: model (the DueDate given back and the periods read), tokens (month
names, year patterns), one module of matchers per kind of wording (days, months, years,
academic, quarters, spans), flags (early/mid/late, open ends, ongoing, to be agreed, recurring) and
parse, which tries the matchers in order and applies the honesty rule.
"""

from wellboard.core.dates.model import DueDate, Precision, month_end
from wellboard.core.dates.parse import parse_due, parse_month_year

__all__ = ["DueDate", "Precision", "month_end", "parse_due", "parse_month_year"]
