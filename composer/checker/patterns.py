"""Wording patterns shared by the cost rules and the cost-limit ordering.

All patterns run on lower-cased text and are compiled once, here, at import.
"""

from __future__ import annotations

import re

_DOCS = (
    r"information|info|correspondence|communications?|comms|emails?|e-mails?|records|documents?|"
    r"documentation|material|materials|data|files|notes|messages|papers|paperwork|memos?|"
    r"reports|texts|letters|findings|results|details"
)

OPEN_SCOPE = re.compile(
    r"\b(?:all|any|every)\s+(?:(?:of\s+)?(?:the|your)\s+)?(?:(?:other|related|relevant|associated|internal|"
    r"external|written|electronic|recorded|such)\s+)?(?:" + _DOCS + r")\b"
    r"(?!\s+(?:protection|sharing|processing|impact|subjects?|controllers?|retention|quality))"
    r"|\b(?:the\s+)?full\s+set\s+of\b"
    r"|\beverything\s+(?:held|you\s+hold|that\s+is\s+held|relating|related|about|on|regarding)\b"
    r"|\bwhatever\s+(?:information|records|documents)\b"
)

STATISTICS = re.compile(
    r"\bhow\s+many\b|\bhow\s+much\b|\bnumbers?\s+of\b|\bfigures?\b|\bstatistic|\bbreak\s?down\b|"
    r"\bbreak\s+(?:this|these|it|them|that)\s+down\b|\bbroken\s+down\b|\btotals?\b|"
    r"\bdata\s+(?:on|about|showing|for|relating|regarding)\b|\bper\s+(?:year|month|annum|week)\b|"
    r"\bproportion\s+of\b|\bpercentage\s+of\b|\baverage\b|\bcount\s+of\b|\bdemographics?\b"
)

# Things that happen (and so pile up over time), as opposed to a count of what exists now.
EVENTS = re.compile(
    r"\b(?:arrest(?:s|ed)?|stop(?:s|ped)?|search(?:es|ed)|incidents?|crimes?|offences?|reported|"
    r"recorded|complaints?|applications?|referrals?|referred|requests?|charged?|charges|"
    r"prosecut\w*|convict\w*|cautions?|cautioned|deploy\w*|used|uses|calls?|cases|investigations?|"
    r"warrants?|fines?|payments?|paid|spent|spend|spending|interactions?|flagged|identified|"
    r"issued|made|received|seized|tasered|detained|dismissed|suspended)\b"
)

PERIOD = re.compile(
    r"\{period_(?:start|end)\}|\b(?:19|20)\d\d\b|\b(?:19|20)\d\d/\d\d\b|\bsince\b|\bbetween\b|\bfrom\s+\w+.{0,40}?\b(?:to|until|till)\b|"
    r"\b(?:last|past|previous|preceding|recent)\s+(?:\w+\s+){0,2}(?:years?|months?|weeks?|days?|decade|quarters?)\b|"
    r"\b(?:this|current|last|previous)\s+(?:calendar\s+|financial\s+)?(?:year|month|quarter)\b|"
    r"\bto\s+date\b|\bas\s+(?:at|of)\b|\bcurrently\b|\bat\s+present\b|\bpresently\b|\bnow\b|"
    r"\bfinancial\s+years?\b|\bcalendar\s+years?\b|\btime\s?-?frame\b|\bperiod\b|\bdate\s+range\b|"
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
)

# "Of these", "of those", "in Q1": a part that borrows the period of the one before.
REFERS_BACK = re.compile(
    r"\b(?:of\s+(?:these|those|them)|these\s+\w+|referenced\s+in|mentioned\s+(?:in|above)|above|"
    r"(?:in|from|to)\s+(?:q(?:uestion)?\s*\d+|part\s+\d+))\b"
)

DEMOGRAPHICS = re.compile(
    r"\b(?:ages?|race|racial|ethnicity|ethnic(?:\s+origin)?|gender|sex|religion|religious|disabilit(?:y|ies)|"
    r"nationality|sexual\s+orientation|demographics?)\b"
)

# How people came to be counted: via a system's output, which no force records in a field.
BECAUSE_OF = re.compile(
    r"\bas\s+a\s+(?:direct\s+)?result\s+of\b|\bresult(?:ing|ed)\s+from\b|\bbecause\s+of\b|"
    r"\b(?:identified|flagged|selected|targeted|prompted|triggered|generated|highlighted)\s+(?:by|through|using|via)\b|"
    r"\bon\s+the\s+basis\s+of\s+(?:the|its|this|a)\b|\bfollowing\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"(?:score|prediction|alert|flag|output|assessment)\b"
)

# Facts about each person that sit in separate records and must be looked up one by one.
PER_PERSON_LOOKUP = re.compile(
    r"\bwhether\s+(?:they|each|the\s+(?:person|individual|suspect|offender)s?|these\s+\w+|those\s+\w+)\s+"
    r"(?:has|have|had|was|were)\b"
    r"|\b(?:previous|prior)\s+(?:criminal\s+record|convictions?|offending)\b"
)

# Reading the files themselves.
CASE_BY_CASE = re.compile(
    r"\b(?:review|read|check|examine|go\s+through|look\s+at)\s+(?:each|every|all|the\s+individual)\s+"
    r"(?:case|record|file|report|crime|incident|log)s?\b"
    r"|\bmanual(?:ly)?\s+(?:search|review|check|trawl|read)\w*\b"
    r"|(?<!in )(?<!for )\b(?:each|every)\s+(?:individual\s+)?(?:case|record|file|application|referral|incident|complaint|"
    r"investigation|report)\b(?!\s+(?:types?|categor(?:y|ies)|years?|months?|quarters?|areas?|districts?|"
    r"divisions?|forces?|stations?|wards?|boroughs?))"
    r"|\bcase\s+files?\b|\bcase\s+notes\b"
)

# Trawling mailboxes: emails and correspondence are held person by person, not in one place.
CORRESPONDENCE = re.compile(
    r"\b(?:correspondence|communications?|emails?|e-mails?|messages|texts|letters|memos?|whatsapp)\b"
)

YES_NO = re.compile(
    r"^\s*(?:\d+[a-z]?[.)]\s*)?(?:have|has|had|is|are|was|were|does|do|did|will|can|could\s+you\s+confirm|"
    r"please\s+confirm|confirm\s+whether|has\s+there)\b"
)
SIMPLE_FACT = re.compile(
    r"\bwhat\s+is\s+the\s+(?:name|title|cost|date|price|value)\b|\bwhen\s+(?:was|were|did)\b|"
    r"\bname\s+of\s+the\s+(?:system|tool|software|supplier|company|vendor|product|programme|program)\b|"
    r"\blist\s+(?:all|each|every|the)\s+(?:\w+\s+)?(?:types?|categories|kinds?)\b|"
    r"\bwho\s+(?:supplies|supplied|provides|provided|developed|built|makes)\b"
)
COPY_OF_DOCUMENT = re.compile(
    r"\b(?:copy|copies)\s+of\b|\bplease\s+(?:provide|disclose|send)\s+(?:the|your|any)\s+"
    r"(?:\w+\s+){0,3}(?:assessments?|dpias?|policy|policies|guidance|contracts?|procedures?|reports?|minutes)\b"
)

# The requester has already dealt with small counts: separate totals, "5 or fewer" accepted.
SMALL_COUNTS_HANDLED = re.compile(
    r"\bnot\s+cross[\s-]*tabulated\b|\bseparately\b|\b(?:5|five)\s+or\s+(?:fewer|less)\b|"
    r"\bfewer\s+than\s+(?:5|five|6|six)\b|\bsuppress\w*|\brounded\b"
)
