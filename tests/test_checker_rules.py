"""Every checker rule: wording that must trigger it, and wording that must not."""

from __future__ import annotations

import pytest

from composer.checker import RULES, check
from composer.checker.calibration import LAW
from composer.forces import load_directory
from composer.model import AnswerFormat, Options, Part, Request, Requester
from checker_cases_ident import IDENT_CASES

JANE = Requester(name="Jane Smith", email="jane@example.org")
KEEP = object()


def R(*parts, intro=None, fields=None, **options) -> Request:
    """A request from part texts; a tuple (text, [sub texts]) gives a part with sub-parts."""
    built = []
    for item in parts:
        if isinstance(item, Part):
            built.append(item)
        elif isinstance(item, tuple):
            text, subs = item
            built.append(Part(text=text, subparts=[Part(text=s) for s in subs]))
        else:
            built.append(Part(text=item))
    return Request(parts=built, introduction=intro, fields=fields or {}, options=Options(**options))


def fired(rule_id: str, request: Request, *, force: str | None = None, requester=KEEP) -> bool:
    who = JANE if requester is KEEP else requester
    forced = load_directory().get(force) if force else None
    # at the law's own thresholds, so each rule is tested apart from the setting fitted to outcomes
    return any(f.rule == rule_id or rule_id in f.also
               for f in check(request, force=forced, requester=who, calibration=LAW))


def stats_part() -> Part:
    return Part(text="How many people were stopped and searched in 2023?", dataset=True)


def dpia_part() -> Part:
    return Part(text="Please provide a copy of the data protection impact assessment for the system.")


_stats, _dpia = stats_part(), dpia_part()

# (rule, request, keyword arguments for `fired`, must it fire?)
CASES = [
    # -- validity ---------------------------------------------------------------------------
    ("validity.no-name", R("How many stop and searches were made in 2023?"), {"requester": None}, True),
    ("validity.no-name", R("How many stop and searches were made in 2023?"), {"requester": Requester()}, True),
    ("validity.no-name", R("How many stop and searches were made in 2023?"), {}, False),
    ("validity.no-name", R("How many searches in 2023?", intro="Yours faithfully,\n\nJane Smith"),
     {"requester": None}, False),
    ("validity.no-address", R("How many searches in 2023?"), {"requester": Requester(name="Jane Smith")}, True),
    ("validity.no-address", R("How many searches in 2023?"), {}, False),
    ("validity.no-address", R("How many searches in 2023?"),
     {"requester": Requester(name="Jane Smith", postal_address=["1 High Street", "Leeds"])}, False),
    ("validity.address-not-usable", R("How many searches in 2023?"),
     {"requester": Requester(name="Jane Smith", email="@janesmith")}, True),
    ("validity.address-not-usable", R("How many searches in 2023?"), {}, False),
    ("validity.pseudonym", R("How many searches in 2023?"),
     {"requester": Requester(name="Truthseeker99", email="t@example.org")}, True),
    ("validity.pseudonym", R("How many searches in 2023?"),
     {"requester": Requester(name="Anonymous", email="t@example.org")}, True),
    ("validity.pseudonym", R("How many searches in 2023?"), {}, False),
    ("validity.no-parts", R(), {}, True),
    ("validity.no-parts", R("   "), {}, True),
    ("validity.no-parts", R("How many searches in 2023?"), {}, False),
    ("validity.empty-part", R("How many searches in 2023?", " "), {}, True),
    ("validity.empty-part", R("How many searches in 2023?", "Who supplies the system?"), {}, False),
    ("validity.not-foi-body", R("How many referrals did you make in 2023?", intro="Dear National Crime Agency,"),
     {}, True),
    ("validity.not-foi-body", R("How many referrals did you make to the National Crime Agency in 2023?",
                                intro="Dear West Midlands Police,"), {}, False),
    # The bodies outside the Acts are the force directory's (resources/forces.json), by any name they go by.
    ("validity.not-foi-body", R("How many staff work on counter-terrorism?", intro="Dear MI5,"), {}, True),
    ("validity.not-foi-body", R("How many requests did you answer in 2023?", intro="Dear Isle of Man Constabulary,"),
     {}, True),
    ("validity.not-foi-body", R("How many requests did you answer in 2023?", intro="Dear Jersey Police,"), {}, True),
    ("validity.not-foi-body", R("How many crimes were recorded in 2023?", intro="I would like information held by "
                                "the force about crime on the Isle of Man ferry."), {}, False),
    # The Police Federation of England and Wales has been treated as listed in Schedule 1 since the Policing
    # and Crime Act 2017 (s50), and answers requests.
    ("validity.not-foi-body", R("How much did you spend on legal fees in 2023?", intro="Dear Police Federation,"),
     {}, False),
    # -- cost -------------------------------------------------------------------------------
    ("cost.open-scope", R("Please provide all information you hold about facial recognition."), {}, True),
    ("cost.open-scope", R("Please disclose any correspondence about the contract."), {}, True),
    ("cost.open-scope", R("Please provide the full set of results."), {}, True),
    ("cost.open-scope", R(dpia_part()), {}, False),
    ("cost.open-scope", R("Please provide any Data Protection Impact Assessment for the system."), {}, False),
    ("cost.no-period", R("How many people were arrested for drug offences?"), {}, True),
    ("cost.no-period", R("How many people were arrested for drug offences in 2023?"), {}, False),
    ("cost.no-period", R("How many people were arrested for drug offences over the last three years?"), {}, False),
    ("cost.no-period", R("How many drones does the force own?"), {}, False),
    ("cost.no-period", R("How many staff do you have trained to deploy a drone?"), {}, False),
    ("cost.no-period", R(("For the years 2019 to 2023:", ["How many people were arrested?"])), {}, False),
    ("cost.no-period", R("How many people were arrested?", intro="All questions cover 2020 to 2024."), {}, False),
    ("cost.case-records", R("Please give the ethnicity of those arrested as a result of the system in 2023."),
     {}, True),
    ("cost.case-records", R("How many people are on the list in 2024, and whether they have any previous "
                            "convictions?"), {}, True),
    ("cost.case-records", R("Please review each case file and tell me the outcome."), {}, True),
    ("cost.case-records", R("How many people were stopped in 2022, and whether the search resulted in a complaint?"),
     {}, True),
    ("cost.case-records", R("For each incident please disclose the time and the outcome.",
                            intro="Please disclose a log of incidents on 25 December 2018."), {}, True),
    ("cost.case-records", R("How many people were arrested in 2023, broken down by ethnicity?"), {}, False),
    ("cost.case-records", R("Please give the dates those services were used in each case."), {}, False),
    ("cost.long-period", R("How many tasers were used in each year from 2013 to 2022?"), {}, True),
    ("cost.long-period", R("How many tasers were used?", intro="Please give figures for each year since 2005."),
     {}, True),
    ("cost.long-period", R("How many tasers were used in each year from 2019 to 2023?"), {}, False),
    ("cost.durations", R("What was the average time taken to process an application in 2023?"), {}, True),
    ("cost.durations", R("How many applications were processed in 2023?"), {}, False),
    ("cost.unrecorded-attribute", R("How many incidents were reported in 2023 where the complainant was an MP?"),
     {}, True),
    ("cost.unrecorded-attribute", R("How many incidents were reported in 2023 by MPs?"), {}, False),
    ("cost.no-clause", R(*[f"How many arrests were made in {y}?" for y in range(2019, 2024)],
                         cost_limit_clause=False), {}, True),
    ("cost.no-clause", R(*[f"How many arrests were made in {y}?" for y in range(2019, 2024)]), {}, False),
    ("cost.no-clause", R("How many arrests in 2023?", "How many in 2022?", cost_limit_clause=False), {}, False),
    ("cost.no-clause", R(*[f"How many arrests were made in {y}?" for y in range(2019, 2024)],
                         cost_limit_clause=False, cost_limit_wording="If this would exceed the cost limit …"),
     {}, False),
    ("cost.order", R("Please provide all correspondence about the system.", "Does the force use the system?"),
     {}, True),
    ("cost.order", R("Does the force use the system?", "Please provide all correspondence about the system."),
     {}, False),
    ("cost.order", R(Part(text="Please provide all correspondence about the system.", priority=1),
                     Part(text="Does the force use the system?", priority=2)), {}, False),
    # -- personal data ----------------------------------------------------------------------
    ("personal_data.names", R("Please provide the names of the officers who attended."), {}, True),
    ("personal_data.names", R("Please give the names and designations of the board members."), {}, True),
    ("personal_data.names", R("What is the name of the system?"), {}, False),
    ("personal_data.names", R("Please provide the report. The names of any complainants may be redacted."),
     {}, False),
    ("personal_data.individual-records", R("Please provide the full set of results / data / cases."), {}, True),
    ("personal_data.individual-records", R("Please provide individual-level data for 2023."), {}, True),
    ("personal_data.individual-records", R("For the first five complaints each year, please provide details of the "
                                           "complaint."), {}, True),
    ("personal_data.individual-records", R("Please give the number of cases by outcome in 2023."), {}, False),
    # Whether the force keeps such a list is yes or no, and names no one; the list itself is people's records.
    ("personal_data.individual-records", R("Does the force maintain a list of people it considers the most "
                                           "dangerous perpetrators of domestic abuse?"), {}, False),
    ("personal_data.individual-records", R("Please provide the list of people the force considers the most "
                                           "dangerous perpetrators of domestic abuse."), {}, True),
    ("personal_data.named-person", R("Has PC Smith been disciplined?"), {}, True),
    # A chief officer named with the office and asked about what the office does; not about their own matters.
    ("personal_data.named-person", R("Please provide the diary of the Chief Constable, Sir Ian Example, for March "
                                     "2024."), {}, False),
    ("personal_data.named-person", R("What did Commissioner Sir Ian Example say at the board meeting in March "
                                     "2024?"), {}, False),
    # Their official expenses are the office's too: forces publish chief officers' (tests/test_office_holders_money.py).
    ("personal_data.named-person", R("What expenses did Commissioner Sir Ian Example claim in 2023?"), {}, False),
    ("personal_data.named-person", R("Has the Chief Constable, Sir Ian Example, been investigated for misconduct?"),
     {}, True),
    # No office given: a note that a senior official's are published and a junior one's withheld.
    ("personal_data.named-person", R("What expenses did Sir Ian Example claim in 2023?"), {}, True),
    ("personal_data.named-person", R("Has the officer involved in the incident been suspended?"), {}, True),
    ("personal_data.named-person", R("Please provide the report sent by a named Detective Inspector."), {}, True),
    ("personal_data.named-person", R("How many police constables were recruited in 2023?"), {}, False),
    ("personal_data.named-person", R("How many times in 2023 did a taser use leave that person needing treatment?"),
     {}, False),
    ("personal_data.small-counts", R("How many people were stopped in 2023 by age, ethnicity and gender?"), {}, True),
    ("personal_data.small-counts", R("How many people were stopped in 2023 by ethnicity and postcode?"), {}, True),
    ("personal_data.small-counts", R("How many people were stopped in 2023 by ethnicity?"), {}, False),
    ("personal_data.small-counts", R("How many people were stopped in 2023? Please break this down separately "
                                     "(not cross-tabulated) by age, ethnicity and gender."), {}, False),
    # Misconduct hearings a year across the force: counted force by force in the Home Office's
    # police misconduct statistics, so answered; by rank the senior cells are a person or two.
    ("personal_data.staff-matters", R("How many officers faced misconduct hearings in 2022?"), {}, False),
    ("personal_data.staff-matters", R("How many officers faced misconduct hearings in 2022, by rank?"), {}, True),
    ("personal_data.staff-matters", R("How many non-disclosure agreements were made with staff in 2021?"), {}, True),
    ("personal_data.staff-matters", R("How many officers work in the unit?", "Of those, how many have faced "
                                      "disciplinary proceedings since 2020?"), {}, True),
    ("personal_data.staff-matters", R("How many officers were recruited in 2022?"), {}, False),
    ("personal_data.staff-matters", R("How many people were arrested or otherwise dealt with by officers in 2023?"),
     {}, False),
    ("personal_data.own-data", R("Please provide all information you hold about me."), {}, True),
    ("personal_data.own-data", R("Please treat this as a subject access request."), {}, True),
    ("personal_data.own-data", R("Please provide the force's records retention policy."), {}, False),
    # -- exemption --------------------------------------------------------------------------
    ("exemption.subject", R("Does the force use IMSI catchers?"), {}, True),
    ("exemption.subject", R("What are the force's plans for the use of drones in surveillance work?"), {}, True),
    ("exemption.subject", R("How many drones does the force own?"), {}, False),
    # The force's own weapons are capability; certificates held by the public are licensing figures.
    ("exemption.subject", R("How many firearms and how much ammunition does the force hold?"), {}, True),
    ("exemption.subject", R("How many people hold firearms and shotgun certificates in the force area?"), {}, False),
    ("exemption.subject", R("How many firearms were reported stolen in each year from 2020 to 2024?"), {}, False),
    ("exemption.subject", R("Has the force shared the system's outputs with MI5?"), {}, True),
    ("exemption.subject", R("Has the force shared the system's outputs with the local council?"), {}, False),
    ("exemption.subject", R("Please list the dates and locations where facial recognition vans "
                                       "were deployed."), {}, True),
    # A named operation's cost is given; whether it watched or investigated anyone is not.
    ("exemption.one-case", R("What did Operation Trident cost in 2020?"), {}, False),
    ("exemption.one-case", R("Did Operation Trident use cameras to watch the suspects' homes?"), {}, True),
    ("exemption.subject", R("How many times was facial recognition used in 2023?"), {}, False),
    ("exemption.subject", R("Please give the dates those services were used in each case."), {}, False),
    ("exemption.subject", R("What is the status of the officer involved in the incident at "
                                           "Tigers Bay?"), {}, True),
    ("exemption.subject", R("How many persons were interviewed under caution?"), {}, True),
    ("exemption.subject", R("How many persons were interviewed under caution in 2023?"), {}, False),
    ("exemption.subject", R("What is the registration of the police vehicle involved?"), {}, True),
    ("exemption.subject", R("How many investigations were opened in 2023?"), {}, False),
    ("exemption.subject", R("How many officers are currently under investigation for assault?"),
     {}, True),
    ("exemption.subject", R("Of those, how many have been subject to criminal proceedings?"),
     {}, True),
    # Misconduct proceedings are the force's personnel matter, not a criminal investigation (s30).
    ("exemption.subject", R("Of those, how many have been subject to disciplinary proceedings?"),
     {}, False),
    ("exemption.subject", R("How many misconduct investigations were concluded in 2022?"), {}, False),
    # -- clarity ----------------------------------------------------------------------------
    ("clarity.undefined-term", R("Does the force use predictive policing?"), {}, True),
    ("clarity.undefined-term", R("Does the force use any algorithms to score people?"), {}, True),
    ("clarity.undefined-term", R("Does the force use AI?"), {}, True),
    ("clarity.undefined-term", R("Does the force use predictive policing?",
                                 intro="By 'predictive policing' I mean software that forecasts where crime "
                                 "will happen."), {}, False),
    ("clarity.undefined-term", R("Does the force use predictive policing (such as PredPol)?"), {}, False),
    # What the system does, said of it, says which systems are meant.
    ("clarity.undefined-term", R("Has the force used any algorithm or automated system to assess the risk posed "
                                 "by individuals?"), {}, False),
    ("clarity.undefined-term", R("Does the force use AI tools to prioritise emergency calls?"), {}, False),
    ("clarity.undefined-term", R("Does the force use any algorithm, and how is it used to assess risk?"), {}, True),
    ("clarity.undefined-term", R("Does the force use algorithms?"), {}, True),
    # Made by a system the request has named or described: the system says which score is meant.
    ("clarity.undefined-term", R("How many people were given a risk score by the system in 2024?"), {}, False),
    ("clarity.undefined-term", R("How many people were given a risk score in 2024?"), {}, True),
    # A product's own name before the term says which system is meant; a title-cased sentence, a possessive
    # or an ordinary qualifying word does not.
    ("clarity.undefined-term", R("Have officers used the PimEyes facial recognition search engine?"), {}, False),
    ("clarity.undefined-term", R("How many searches did officers run on Clearview AI in 2024?"), {}, False),
    ("clarity.undefined-term", R("Does the force use the NEC NeoFace facial recognition system?"), {}, False),
    ("clarity.undefined-term", R("Does The Force Use Facial Recognition Technology In Any Form?"), {}, True),
    ("clarity.undefined-term", R("How often was the Met's facial recognition used at protests in 2024?"), {}, True),
    ("clarity.undefined-term", R("Has the force used Generative AI to draft witness statements?"), {}, True),
    ("clarity.undefined-term", R("Has the force used predictive policing systems for the purpose of "
                                 "mapping likely crime hotspots?"), {}, False),
    ("clarity.undefined-term", R("Does the force keep a list of people, such as a gang matrix?"), {}, False),
    ("clarity.undefined-term", R("Does the force use artificial intelligence, machine learning or deep learning "
                                 "software (collectively 'AI')? How is AI used?"), {}, False),
    ("clarity.undefined-term", R("Where algorithms are used specifically as part of risk assessments, which "
                                 "variables do they weigh?"), {}, False),
    ("clarity.undefined-term", R("Is predictive policing ever used in a protest context?"), {}, True),
    ("clarity.undefined-term", R("How is the tool used (for example, for facial recognition)?"), {}, False),
    ("clarity.undefined-term", R("How many knife crime incidents were recorded in 2022?"), {}, True),
    ("clarity.undefined-term", R("How many non-crime hate incidents were recorded in 2022?"), {}, False),
    ("clarity.undefined-term", R("How many knife crimes or incidents were recorded in 2022?"), {}, False),
    ("clarity.vague-term", R("How many incidents involved drones in 2023?"), {}, True),
    ("clarity.vague-term", R("How many recorded crimes involved drones in 2023?"), {}, False),
    ("clarity.vague-term", R("How many arrests were made in 2022, broken down by borough?"), {}, True),
    ("clarity.acronym", R("Has the force carried out a CPIA for the system?"), {}, True),
    ("clarity.acronym", R("Has the force carried out a Community Policing Impact Assessment (CPIA)?"), {}, False),
    ("clarity.acronym", R("Has the force carried out a DPIA for the system?"), {}, False),
    ("clarity.acronym", R("PLEASE TELL ME HOW MANY CARS THE FORCE OWNS."), {}, False),
    ("clarity.not-recorded", R("Why did the force buy the system?"), {}, True),
    ("clarity.not-recorded", R("Do you think the system is fair?"), {}, True),
    # Forces answer "how does it work" with the documents that describe it, so it is not flagged.
    ("clarity.not-recorded", R("How does the system work?"), {}, False),
    ("clarity.not-recorded", R("Is it fair to score children?"), {}, True),
    ("clarity.not-recorded", R("Please provide any recorded information that sets out why the force bought "
                               "the system."), {}, False),
    ("clarity.not-recorded", R("How does the system work? Please provide the recorded information that "
                               "describes it."), {}, False),
    ("clarity.compound", R("What is the system called? When was it bought? Who supplies it?"), {}, True),
    ("clarity.compound", R("What is the system called? Please give its version number too."), {}, False),
    # -- format -----------------------------------------------------------------------------
    ("format.no-preference", R(stats_part()), {}, True),
    ("format.no-preference", R(stats_part(), answer_format=AnswerFormat.CSV), {}, False),
    ("format.no-preference", R("How many people were stopped in 2023? Please provide this as a CSV file."),
     {}, False),
    ("format.no-preference", R(dpia_part()), {}, False),
    ("format.csv-not-dataset", R(_dpia, _stats, answer_format=AnswerFormat.CSV, format_parts=[_dpia.id]),
     {}, True),
    ("format.csv-not-dataset", R("Please provide a copy of the policy as a CSV file."), {}, True),
    ("format.csv-not-dataset", R(_dpia, _stats, answer_format=AnswerFormat.CSV, format_parts=[_stats.id]),
     {}, False),
    ("format.closed-format", R("Please provide the figures for 2023 in an Excel spreadsheet."), {}, True),
    ("format.closed-format", R(stats_part(), answer_format=AnswerFormat.SPREADSHEET), {}, True),
    ("format.closed-format", R("Please provide the figures for 2023 as a CSV file."), {}, False),
    # -- jurisdiction -----------------------------------------------------------------------
    ("jurisdiction.wrong-act", R("How many arrests in 2023?", intro="I ask under the Freedom of Information "
                                 "Act 2000."), {"force": "police_scotland"}, True),
    ("jurisdiction.wrong-act", R("How many arrests in 2023?", intro="Dear Police Scotland, I ask under the "
                                 "Freedom of Information Act 2000."), {}, True),
    ("jurisdiction.wrong-act", R("How many arrests in 2023?", intro="I ask under the Freedom of Information "
                                 "Act 2000."), {"force": "wmp"}, False),
    ("jurisdiction.wrong-act", R("How many arrests in 2023?", intro="I ask under the Freedom of Information "
                                 "(Scotland) Act 2002."), {"force": "police_scotland"}, False),
    ("jurisdiction.wrong-cost-limit", R("How many arrests in 2023?", intro="If this exceeds the cost limit of "
                                        "£450, please tell me."), {"force": "police_scotland"}, True),
    ("jurisdiction.wrong-cost-limit", R("How many arrests in 2023?", intro="If this exceeds the cost limit of "
                                        "£450, please tell me."), {"force": "wmp"}, False),
    ("jurisdiction.unfilled-field", R("What is the name of {system_name}?"), {}, True),
    ("jurisdiction.unfilled-field", R("What did [insert system name] cost in 2023?"), {}, True),
    ("jurisdiction.unfilled-field", R("What is the name of {system_name}?", fields={"system_name": "PredPol"}),
     {}, False),
    ("jurisdiction.unfilled-field", R("Does {force_name} use PredPol?"), {}, False),
    ("jurisdiction.kept-elsewhere", R("How many arrests were made in 2023, by age?"),
     {"force": "northern_ireland_policing_board"}, True),
    ("jurisdiction.kept-elsewhere", R("How much did you spend on consultants in 2023?"),
     {"force": "northern_ireland_policing_board"}, False),
    ("jurisdiction.kept-elsewhere", R("How many arrests were made in 2023, by age?"), {"force": "psni"}, False),
    ("jurisdiction.other-force", R("Does Greater Manchester Police use PredPol?"), {"force": "wmp"}, True),
    ("jurisdiction.other-force", R("Does {force_name} use PredPol?"), {"force": "wmp"}, False),
    ("jurisdiction.other-force", R("Does West Midlands Police use PredPol?"), {"force": "wmp"}, False),
    ("jurisdiction.other-force", R("Does Greater Manchester Police use PredPol?"), {}, False),
    # -- tone -------------------------------------------------------------------------------
    ("tone.accusatory", R("Stop covering up your racist algorithm and tell me what it costs."), {}, True),
    ("tone.accusatory", R("Your force is corrupt: how many complaints were made in 2023?"), {}, True),
    ("tone.accusatory", R("Has the system been tested for racial bias?"), {}, False),
    ("tone.accusatory", R("How many complaints did the Anti Corruption Unit receive in 2023?"), {}, False),
    ("tone.threat", R("I will go to the press if you do not answer by Friday."), {}, True),
    ("tone.threat", R("If the answer is late I may ask for an internal review."), {}, False),
]

# -- rules that read the part into what it asks (reading.py) and weigh it against what forces hold
CASES += [
    # Hours against the limit: a detail only written in each record, over years of records.
    ("cost.estimate", R("How many times did officers draw a Taser on a dog in each year from 2018 to 2024?"),
     {}, True),
    ("cost.estimate", R("Please list every burglary reported in 2023 with a short description of what happened."),
     {}, True),
    ("cost.estimate", R("How many stop and searches were carried out in 2023, by ethnicity?"), {}, False),
    # Records the checker cannot place, counted by a circumstance only a reader finds.
    ("cost.estimate", R("How many reports were made in 2023 where the victim was a taxi driver?"), {}, True),
    ("cost.estimate", R("How many reports were made in 2023?"), {}, False),
    ("cost.estimate", R("Please provide a copy of your Taser policy."), {}, False),
    # A breakdown or filter that none of the record's coded fields holds (resources/coded.toml).
    ("cost.unplaced-criterion", R("How many thefts of scaffolding were recorded in each year from 2018 to 2024?"), {}, True),
    ("cost.unplaced-criterion", R("How many thefts of pedal cycles were recorded in each year from 2018 to 2024?"), {}, False),
    # Similar parts added together (Fees Regulations reg 5).
    ("cost.aggregate", R(*[f"Please give brief details of each drone flight in {m} 2023." for m in
                           ("January", "February", "March")]), {}, True),
    ("cost.aggregate", R("Please give brief details of each drone flight in January 2023."), {}, False),
    ("cost.aggregate", R("How many arrests were made in 2023?", "How many officers did you employ on 31 March 2024?"),
     {}, False),
    # Under FOISA every part of one letter counts towards the one limit, whatever records they ask about.
    ("cost.aggregate", R(*[f"Please give brief details of each {what} in January 2023." for what in
                           ("drone flight", "Taser use", "firearms operation", "police dog deployment",
                            "helicopter flight", "police horse deployment")],
                         intro="Under the Freedom of Information (Scotland) Act 2002, please tell me:"), {}, True),
    ("cost.aggregate", R(*[f"Please give brief details of each {what} in January 2023." for what in
                           ("drone flight", "Taser use", "firearms operation", "police dog deployment")],
                         intro="Under the Freedom of Information Act 2000, please tell me:"), {}, False),
    # A request in Welsh: the rules read English, so the request is told that no findings is no clean bill.
    ("format.not-english", R("Faint o swyddogion sydd yn gweithio i'r heddlu ar hyn o bryd?",
                             "A yw'r heddlu wedi defnyddio unrhyw feddalwedd i ragweld troseddau rhwng 2020 a 2024?"),
     {}, True),
    ("format.not-english", R("How many officers did Heddlu Dyfed-Powys employ in 2024, and how many speak Welsh?"),
     {}, False),
    # Routinely published (s21).
    ("exemption.published", R("How many stop and searches did you carry out in 2023, by ethnicity?"), {}, True),
    ("exemption.published", R("How many stop and searches in 2023 led to a complaint about the search?"), {}, False),
    # Only those a tool brought about: the published tables count every arrest or search, not those.
    ("exemption.published", R("How many people were arrested in 2023, by ethnicity?"), {}, True),
    ("exemption.published", R("How many people were arrested in 2023 as a recorded result of the system's use, by "
                              "ethnicity?"), {}, False),
    ("exemption.published", R("How many stop and searches in 2023 followed an alert from the tool?"), {}, False),
    ("exemption.published", R("How many people were stopped and searched in 2023 after being flagged by the "
                              "matrix?"), {}, False),
    # Subjects forces withhold, from doctrine (resources/sensitive.toml).
    ("exemption.subject", R("How many response officers were on duty at Ashford police station on the night "
                            "shift of 5 May 2024?"), {}, True),
    ("exemption.subject", R("Which version of Windows and which antivirus software do your custody PCs run?"), {},
     True),
    ("exemption.subject", R("Please list the invoices for tracking devices bought from the company Trakka Ltd."),
     {}, True),
    ("exemption.subject", R("How many officers did the force employ on 31 March 2024, by rank?"), {}, False),
    ("exemption.subject", R("What was the total amount paid to covert human intelligence sources in 2022/23?"),
     {}, True),  # fires, as a note: yearly totals are usually given
    # Counts small enough to identify people.
    ("personal_data.identifiable", R("How many people were arrested in Little Snoring village in 2023, by age, "
                                     "sex and ethnicity?"), {}, True),
    ("personal_data.identifiable", R("How many misconduct cases against officers ended in dismissal each month "
                                     "in 2023, by rank and ethnicity?"), {}, True),
    ("personal_data.identifiable", R("How many people were arrested in 2023?"), {}, False),
    ("personal_data.identifiable", R("How many crimes were recorded in 2023, by offence type?"), {}, False),
    # Case material about the people in it.
    ("personal_data.case-documents", R("Please send me the investigating officer's report into the fire at "
                                       "the depot."), {}, True),
    ("personal_data.case-documents", R("Please provide copies of the witness statements taken after the crash."),
     {}, True),
    ("personal_data.case-documents", R("How many crime reports were recorded in 2023?"), {}, False),
    ("personal_data.case-documents", R("Please list each category of data the tool uses, such as crime reports "
                                       "and intelligence reports."), {}, False),
    # Whose characteristic, in records that name several people.
    ("clarity.whose", R("How many burglaries were recorded in 2023, broken down by ethnicity?"), {}, True),
    ("clarity.whose", R("How many burglaries were recorded in 2023, by the victim's ethnicity?"), {}, False),
    ("clarity.whose", R("How many people were stopped and searched in 2023, by ethnicity?"), {}, False),
    # Areas the force does not count by.
    ("clarity.areas", R("How many burglaries were recorded in 2023 in each parliamentary constituency?"),
     {"force": "wmp"}, True),
    ("clarity.areas", R("How many burglaries were recorded in 2023 in each London borough?"),
     {"force": "the_met"}, False),
    ("clarity.areas", R("How many burglaries were recorded in 2023 in each of your local policing areas?"),
     {"force": "wmp"}, False),
    # A letter that asks for nothing.
    ("clarity.no-ask", R("I am very worried about speeding on my road, which the police have ignored for years "
                         "despite my letters."), {}, True),
    ("clarity.no-ask", R("I am very worried about speeding on my road.", "How many speeding tickets were issued "
                         "on it in 2023?"), {}, False),
    # So broad a force must ask or refuse: say both.
    ("clarity.broad", R("Please provide all information you hold about facial recognition."), {}, True),
    ("clarity.broad", R("Please provide any correspondence about the new custody suite."), {}, True),
    ("clarity.broad", R("Please provide all emails between the Chief Constable and the PCC in March 2024 about "
                        "the budget."), {}, False),  # named people, one month
    ("clarity.broad", R("Please provide a copy of your facial recognition policy."), {}, False),
    # Figures with no period anywhere in the request.
    ("clarity.no-period", R("How many people were arrested for shoplifting?"), {}, True),
    ("clarity.no-period", R("How many people were arrested for shoplifting?", intro="For 2023:"), {}, False),
    ("clarity.no-period", R("How many drones does the force own?"), {}, False),
    # About someone the requester knows.
    ("personal_data.someone-known", R("Has my neighbour been reported to you for noise?"), {}, True),
    ("personal_data.someone-known", R("How many noise complaints did you receive in 2023?"), {}, False),
    # Pointing at something the force must identify first.
    ("clarity.unidentified", R("How much did the operation shown on the news last week cost?"), {}, False),
    ("clarity.unidentified", R("Please provide the report that was mentioned in the media about custody deaths."),
     {}, True),
    ("clarity.unidentified", R("Is the officer in the video shown on social media still in post?"), {}, True),
    # a place given only as the writer's own: the force cannot know where, or which boundary
    ("clarity.own-place", R("How many burglaries were reported in my area in 2023?"), {}, True),
    ("clarity.own-place", R("How many cars were stolen near my home last year?"), {}, True),
    ("clarity.own-place", R("How many burglaries were reported in my area (Whitstable) in 2023?"), {}, False),
    ("clarity.own-place", R("How many burglaries were reported on our estate in 2023? I live in the CT5 area."), {},
     False),
    ("clarity.own-place", R("What is the force doing in our community to prevent knife crime?"), {}, False),
    ("clarity.unidentified", R("Further to my previous request, please give the figures for 2024."), {}, False),
    # Words that leave the scope to the force's judgement (ICO: a request open to more than one reading).
    ("clarity.unclear-scope", R("Please provide your policy on body-worn video and related documentation."), {}, True),
    ("clarity.unclear-scope", R("Please provide everything about the burglary on 3 May 2024, and other similar "
                                "incidents in the area."), {}, True),
    ("clarity.unclear-scope", R("How many burglaries were recorded in 2024 in the Leeds district?"), {}, False),
    ("clarity.unclear-scope", R("Please provide information relating to stop and search in 2024, by ethnicity."),
     {}, False),
    # Staff special-category data and reasons for leaving (UK GDPR Art 9; s40(2)).
    ("personal_data.staff-matters", R("How many officers left the force in 2024, broken down by reason for leaving "
                                      "and rank?"), {}, True),
    ("personal_data.staff-matters", R("How many applicants for police officer posts in 2024 were there, by "
                                      "religion?"), {}, True),
    ("personal_data.staff-matters", R("How many officers left the force in 2024, by rank?"), {}, False),
    # A report the requester made holds their own details (s40(1)).
    ("personal_data.own-data", R("Please send me any records you have about the report I made about a car "
                                 "parked on the verge."), {}, True),
    ("personal_data.own-data", R("How many reports of cars parked on verges did you receive in 2024?"), {}, False),
    # A letter that asks for documents, however it words the asking, is not a complaint.
    ("clarity.no-ask", R("Please disclose to me, under the Freedom of Information Act, any findings / data / "
                         "reports / reviews by your police force in response to the national review."), {}, False),
    ("clarity.no-ask", R("I am very unhappy with how my neighbour's noise was dealt with by officers."), {}, True),
    # Records located in time and place, about people in sensitive records.
    ("personal_data.identifiable", R("Please list each missing child report in 2023 with its date and postcode."),
     {}, True),
    ("personal_data.identifiable", R("Please list each stop and search in 2023 with its date and location."), {},
     False),
    # A policy or contract in force, or one named operation, carries its own dates; events need a period.
    ("clarity.no-period", R("How much did the force spend on Operation Kestrel?"), {}, False),
    ("clarity.no-period", R("How many officers worked on this investigation?",
                            intro="I would like information about Operation Kestrel."), {}, False),
    ("clarity.no-period", R("Please provide full details of your retention policy for body-worn video footage of "
                            "suspects held by officers."), {}, False),
    ("clarity.no-period", R("How many officers breached the body-worn video policy?"), {}, True),
    ("clarity.no-period", R("Please provide details of each stop and search carried out under the policy."), {},
     True),
    # What is, today (a force answers as at the day it replies), against what happened.
    ("clarity.no-period", R("How many officers are trained to use Taser?"), {}, False),
    ("clarity.no-period", R("How many PCSOs work in the force?"), {}, False),
    ("clarity.no-period", R("How many officers were trained to use Taser?"), {}, True),
    ("clarity.no-period", R("How many complaints has the force received about Taser?"), {}, True),
    ("clarity.no-period", R("How many serving officers have criminal convictions?"), {}, True),
    ("clarity.no-period", R("Please provide the statistics for detentions recorded by your officers, broken down "
                            "by gender."), {}, True),
    ("clarity.no-period", R("Please provide the statistics for detentions recorded by your officers from 01/01/16 "
                            "to 12/02/17, broken down by gender."), {}, False),
    # "Drug-related" says related to what; "and related documentation" does not.
    ("clarity.unclear-scope", R("How many domestic abuse related incidents were recorded in 2023?"), {}, False),
    ("clarity.unclear-scope", R("How many drug-related incidents were recorded in 2023?"), {}, False),
    ("clarity.unclear-scope", R("Please provide the custody policy and any other related papers."), {}, True),
    # Whose characteristic, said in so many words.
    ("clarity.whose", R("How many assaults on police officers were recorded in 2023, broken down by the sex of "
                        "the officer?"), {}, False),
    ("clarity.whose", R("How many assaults were recorded in 2023, broken down by sex?"), {}, True),
    # A letter that names what it wants, however briefly, asks for something.
    ("clarity.no-ask", R("The cost of the new custody suite."), {}, False),
    # "All information held about …" names a subject, not a form: figures? files? emails?
    ("clarity.broad", R("Please provide all information held regarding complaints made against officers in 2024."),
     {}, True),
    ("clarity.broad", R("Please provide all emails between the Chief Constable and the PCC in March 2024 about "
                        "the budget."), {}, False),
    # An outcome in the requester's words, not the scheme's.
    ("clarity.undefined-term", R("How many firearm certificate applications were rejected in 2023?"), {}, True),
    ("clarity.undefined-term", R("How many firearm certificate applications were refused in 2023?"), {}, False),
    ("clarity.undefined-term", R("How many speeding fines were paid where liability was accepted in 2023?"), {},
     False),
    # Calls and reports "in relation to" a subject that is no category the force records.
    ("clarity.category", R("How many calls were made to the force in 2023 that are directly in relation to "
                           "ghosts?"), {}, True),
    ("clarity.category", R("How many calls about burglary did the force receive in 2023?"), {}, False),
    ("clarity.category", R("How many incidents of crime were reported in the town centre in 2023?"), {}, False),
    # Words of art the force reads two ways: whose workforce, how old is historic.
    ("clarity.undefined-term", R("How many staff were on sick leave for stress in 2023?"), {}, True),
    ("clarity.undefined-term", R("How many police staff were on sick leave for stress in 2023?"), {}, False),
    ("clarity.undefined-term", R("How many staff and officers were on sick leave for stress in 2023?"), {}, False),
    ("clarity.undefined-term", R("How many arrests for historic sex abuse were made in 2023?"), {}, True),
    ("clarity.undefined-term", R("How many arrests for sexual offences were made in 2023?"), {}, False),
    # A hate crime strand is a kind of crime, and "people proceeded against" says whose.
    ("clarity.whose", R("How many disability hate crimes were recorded in 2023?"), {}, False),
    ("clarity.whose", R("How many people were proceeded against for burglary in 2023, broken down by gender?"), {},
     False),
    # Vexatiousness: only what a letter shows (ICO s14 guidance; Dransfield).
    ("tone.alleges", R("When was the knife sent for testing? It is my view that officers may have perverted the "
                       "course of justice in this case."), {}, True),
    ("tone.alleges", R("How many officers were investigated for perverting the course of justice in 2023?"), {},
     False),
    ("tone.alleges", R("How many officers who have fabricated evidence were dismissed in 2023?"), {}, False),
    ("tone.burden", R("Please provide all documents relating to plans for a new firing range, including the "
                      "business case."), {}, True),
    ("tone.burden", R("Please provide all documents relating to plans for a new firing range created between "
                      "January 2023 and March 2024."), {}, False),
    ("tone.burden", R("Please provide all emails between the Chief Constable and the Police and Crime "
                      "Commissioner about the firing range."), {}, False),
    ("tone.repeated", R("For the third time I ask: how many speed checks were made on my road in 2023?"), {}, True),
    ("tone.repeated", R("I am resubmitting my previous request: how many speed checks were made in 2023?"), {},
     True),
    ("tone.repeated", R("Similar to last year, please give the number of calls about drones in 2024."), {}, False),
    ("tone.history", R("How many speed checks were made on my road in 2023?",
                       intro="As you are well aware, you have repeatedly ignored my complaints."), {}, True),
    ("tone.history", R("Further to my previous request, please give the figures for 2024."), {}, False),
    ("tone.history", R("When was the watch sent for testing?", intro="As Anytown and District Police is well "
                       "aware, I have pursued this matter for some years."), {}, True),
    # Counted by a category forces do not use.
    ("clarity.category", R("How many incidents of spiking were reported in 2023?"), {}, True),
    ("clarity.category", R("How many incidents of burglary were reported in 2023?"), {}, False),
    ("clarity.category", R("How many cases of upskirting (by which I mean the offence under the Voyeurism "
                           "(Offences) Act 2019) were recorded in 2023?"), {}, False),
    # A group of the force's own units described by example or by a label, with figures for each member.
    ("clarity.own-category", R("Please list the specialised squads (for example mounted, marine and air support) "
                               "and the overtime spent by each squad in 2022."), {}, True),
    ("clarity.own-category", R("How many specialist units does the force have (e.g. dogs, marine, mounted)?",
                               "For each unit, how many vehicles does it hold?"), {}, True),
    ("clarity.own-category", R("For every frontline team, how many body-worn cameras were issued in 2021?"), {}, True),
    ("clarity.own-category", R("How many investigation teams handle knife crime, and how many officers are in "
                               "each of them?"), {}, True),
    ("clarity.own-category", R("For each of the following specialist units: dog section, mounted branch and "
                               "marine unit, how many horses were bought in 2020?"), {}, False),
    ("clarity.own-category", R("For each team, such as response and neighbourhood, how many drones were used "
                               "in 2022?"), {}, False),
    ("clarity.own-category", R("How many specialist units are there (e.g. dogs, marine)?",
                               "Is the equipment bought centrally or by each unit?"), {}, False),
    ("clarity.own-category", R("What was the spend on overtime broken down by department for 2019?"), {}, False),
    ("clarity.own-category", R("How many frontline officers were there in each team on 1 March 2024?"), {}, True),
    ("clarity.own-category", R("How many frontline officers did the force have on 1 March 2024?"), {}, False),
    # Money and staff are kept by financial year: "the last N years" about them is a note, a warning
    # when the request also uses both kinds of year.
    ("clarity.year-basis", R("How much has the force spent on horse feed in each of the last five years?"), {}, True),
    ("clarity.year-basis", R("How many drone pilots did the force recruit each year since 2018?"), {}, True),
    ("clarity.year-basis", R("How much has the force spent on horse feed in each of the last five financial "
                             "years?"), {}, False),
    ("clarity.year-basis", R("How many bicycles were stolen in each of the last five years?"), {}, False),
    # Something the letter points at but never describes.
    ("clarity.outside-referent", R("Please provide all reports about the incident I reported to you."), {}, True),
    ("clarity.outside-referent", R("How many times has the system mentioned been used since 2020?"), {}, True),
    ("clarity.outside-referent", R("Please provide the notes of the meeting we discussed."), {}, True),
    ("clarity.outside-referent", R("As discussed, please send the number of horses bought in 2021."), {}, True),
    ("clarity.outside-referent", R("In 2021 the force bought a speed camera van. How much did the van "
                                   "mentioned cost?"), {}, False),
    ("clarity.outside-referent", R("Please provide all reports about the burglary I reported to you on 3 May "
                                   "2021."), {}, False),
    ("clarity.outside-referent", R("The inspector mentioned that a new boat was bought. How much did it cost?"),
     {}, False),
    ("clarity.outside-referent", R("How many kayaks were stolen in 2020?",
                                   "How many of the kayaks mentioned in part 1 were recovered?"), {}, False),
    ("clarity.outside-referent", R("Officers said they would publish it: how much did the Marine Review "
                                   "mentioned by the Chief Constable cost?"), {}, False),
    ("clarity.year-basis", R("Please give the spend on drones for the financial year 2021/22.",
                             "What was the budget for the cycle unit in each of the last four years?"), {}, False),
    # One identifiable person's conduct or status: neither confirm nor deny (s40(5)).
    # A handful of office-holders in one area: a yes or no about them is about each of them.
    ("personal_data.identifies-one", R("Are any of the shotgun certificates you issued held by MPs whose "
                                       "constituency is in your area?"), {}, True),
    ("personal_data.identifies-one", R("How many shotgun certificates did you issue in 2024?"), {}, False),
    ("personal_data.identifies-one", R("Has PC Hartley been suspended following the complaint I made?"), {}, True),
    ("personal_data.identifies-one", R("Is the officer involved in the crash on the A38 still under "
                                       "investigation?"), {}, True),
    ("personal_data.identifies-one", R("How many officers were suspended in 2023?"), {}, False),
]


ALGORITHMIC = "Does the force use a risk scoring tool, by which I mean software that scores people?"
for rule_id, covering in [
    ("completeness.workings", "Please list each category of data the tool uses."),
    ("completeness.assessments", "Please provide the DPIA for the tool."),
    ("completeness.bias-testing", "Please provide any testing for bias carried out under s149."),
    ("completeness.usage-data", "How many people did it score in 2023, by ethnicity?"),
]:
    CASES.append((rule_id, R(ALGORITHMIC), {}, True))
    CASES.append((rule_id, R(ALGORITHMIC, covering), {}, False))
    CASES.append((rule_id, R("How many cars does the force own?"), {}, False))


CASES += IDENT_CASES


@pytest.mark.parametrize(("rule_id", "request_", "kwargs", "expected"), CASES,
                         ids=[f"{c[0]}-{'fires' if c[3] else 'quiet'}-{i}" for i, c in enumerate(CASES)])
def test_rule(rule_id, request_, kwargs, expected):
    assert fired(rule_id, request_, **kwargs) is expected


def test_every_rule_has_a_case_that_fires_and_one_that_does_not():
    fires = {c[0] for c in CASES if c[3]}
    quiet = {c[0] for c in CASES if not c[3]}
    ids = {r.id for r in RULES}
    assert ids - fires == set()
    assert ids - quiet == set()
    assert (fires | quiet) - ids == set(), "a case names a rule that does not exist"


def test_bank_questions_ask_cleanly():
    """The question bank's own wording, every module under one umbrella, draws no warning."""
    from composer.bank import build_request, load_bank

    bank = load_bank()
    ids = [m.id for m in bank.modules if not m.umbrella and m.questions]
    request = build_request([("use_individual_risk", ids)], answer_format="csv")
    findings = check(request, force=load_directory().get("wmp"), requester=JANE)
    assert [(f.rule, request.number_of(f.part_id)) for f in findings if f.severity != "info"] == []


@pytest.mark.parametrize(("text", "severity"), [
    ("Do you think the system is fair?", "warning"),  # a view: no record holds it
    ("In your opinion, is stop and search effective?", "warning"),
    ("Why did the force buy the system?", "info"),  # a reason: often in a business case or decision log
    ("Can you explain why the appendix to the policy is not published?", "info"),
])
def test_a_view_warns_and_a_reason_is_a_note(text, severity):
    found = [f for f in check(R(text), requester=JANE) if f.rule == "clarity.not-recorded"]
    assert [f.severity for f in found] == [severity]


def _year_basis(request: Request) -> list:
    return [f for f in check(request, requester=JANE)
            if f.rule == "clarity.year-basis" or "clarity.year-basis" in f.also]


def test_year_basis_warns_only_where_the_request_uses_both_kinds_of_year():
    alone = _year_basis(R("What was the budget for the boat unit in each of the last four years?"))
    assert [f.severity for f in alone] == ["info"]
    mixed = _year_basis(R("Please give the number of boat thefts for the calendar years 2019 to 2022.",
                          "What was the spend on life jackets for the financial year 2021/22?",
                          "What was the budget for the boat unit in each of the last four years?"))
    assert [f.severity for f in mixed] == ["warning"]
    assert "both calendar and financial years" in mixed[0].message + " ".join(mixed[0].reasoning)


def test_a_conversation_the_letter_relies_on_is_a_note_and_an_undescribed_thing_a_warning():
    talked = [f for f in check(R("Following our phone call, please send the cost of life jackets in 2021."),
                               requester=JANE) if f.rule == "clarity.outside-referent"]
    assert [f.severity for f in talked] == ["info"]
    pointed = [f for f in check(R("Please send the cost of the boat you mentioned to me on the phone."),
                                requester=JANE) if f.rule == "clarity.outside-referent"]
    assert [f.severity for f in pointed] == ["warning"] and "the boat you mentioned" in pointed[0].message


def test_two_consecutive_years_are_a_note_unless_the_kind_of_year_is_said():
    def basis(text: str) -> list[str]:
        return [f.severity for f in check(R(text), requester=JANE)
                if f.rule == "clarity.year-basis" or "clarity.year-basis" in f.also]
    assert basis("How many canoes were reported stolen in 2021-2022?") == ["info"]
    assert basis("How many canoes were reported stolen in the financial year 2021-2022?") == []
    assert basis("How many canoes were reported stolen in 2018-2022?") == []
