"""Must and must-not sentences for the identifiability and neither-confirm-nor-deny rules, written
for these tests (never taken from a real request). tests/test_checker_rules.py runs them with the
other rules' cases: (rule, request, keyword arguments for `fired`, must it fire?)."""

from __future__ import annotations

from composer.model import Part, Request


def ask(*parts, intro: str | None = None) -> Request:
    """A request from part texts; a tuple (text, [sub texts]) gives a part with sub-parts."""
    built = [Part(text=p[0], subparts=[Part(text=s) for s in p[1]]) if isinstance(p, tuple) else Part(text=p)
             for p in parts]
    return Request(parts=built, introduction=intro)


IDENT_CASES = [
    # -- one incident, address, vehicle or day: whether anything is held reveals it -----------------
    ("exemption.one-case", ask("What do the cameras fixed to the lamp posts on Mercer Street record?"), {}, True),
    ("exemption.one-case", ask("Has the car with the number plate KT19 WXZ been flagged on ANPR?"), {}, True),
    ("exemption.one-case", ask("Were any arrests made at a specified address in Leith in June 2022?"), {}, True),
    ("exemption.one-case", ask(("Please tell me about the house below.", ["Was anyone arrested there?"]),
                               intro="My questions are about 14 Orchard Lane, Hexham NE46 3PQ."), {}, True),
    ("exemption.one-case", ask("Were the officers who entered the property investigated afterwards?"), {}, True),
    ("exemption.one-case", ask("Are the average speed cameras on the B1234 switched on?"), {}, True),
    ("exemption.one-case", ask("Please give me the details of a specific complaint I believe was made about "
                               "my neighbour last year."), {}, True),
    ("exemption.one-case", ask("Please list the specific offence(s) recorded in each complaint."), {}, False),
    ("exemption.one-case", ask("Why do your officers patrol <Named Estate> every night?"), {}, True),
    ("exemption.one-case", ask("How many foot patrols did the force carry out in 2023?"), {}, False),
    ("exemption.one-case", ask("How many times have officers been called to 9 Beech Grove since 2021?"), {}, True),
    ("exemption.one-case", ask("Did the force investigate Harbour Skips Ltd for fly-tipping in 2022?"), {}, True),
    ("exemption.one-case", ask("How much did the force pay Harbour Skips Ltd for waste collection in 2022?"), {},
     False),
    ("exemption.one-case", ask("Why did officers raid the flat at 3 Mill Row last week?"), {}, True),
    ("exemption.one-case", ask("Why were officers patrolling outside Oakfield Academy every night last week?"), {},
     True),
    ("exemption.one-case", ask("How many times were police called to incidents at Oakfield Academy between "
                               "2021 and 2023, and what was the nature of each?"), {}, False),
    # The same subjects asked across the force, or figures about a public event or a named operation.
    ("exemption.one-case", ask("How many cameras does the force operate across its whole area?"), {}, False),
    ("exemption.one-case", ask("How many arrests were made on Mercer Street in 2023?"), {}, False),
    ("exemption.one-case", ask("How many crimes were recorded on Mercer Street in 2023?"), {}, False),
    ("exemption.one-case", ask("How many arrests were made at 12 Mercer Street in 2023?"), {}, True),
    ("exemption.one-case", ask("How many people were arrested at the protest on 4 June 2023?"), {}, False),
    ("exemption.one-case", ask("How many officers were injured at the football match on 2 May 2022?"), {}, False),
    ("exemption.one-case", ask("How much did Operation Larkspur cost and how many staff worked on it?"), {}, False),
    ("exemption.one-case", ask("How many arrests did the force make between 1 April 2022 and 31 March 2023?"),
     {}, False),
    # -- one identifiable person -------------------------------------------------------------------
    ("personal_data.identifies-one", ask("Please list any disciplinary action taken against [Redacted] in 2019."),
     {}, True),
    ("personal_data.identifies-one", ask("Please send all recorded information you hold about a specified "
                                         "(deceased) person."), {}, True),
    ("personal_data.identifies-one", ask("How long has the officer who signed the letter to me been serving?"),
     {}, True),
    ("personal_data.identifies-one", ask(("Are the vans with these registration numbers insured by the force?",
                                          ["AB12 CDE", "FG34 HIJ"])), {}, True),
    ("personal_data.identifies-one", ask("Please send the judgment in the injunction proceedings the force "
                                         "brought against a member of the public in 2021."), {}, True),
    ("personal_data.identifies-one", ask("Please send the panel's decision in the misconduct hearing of PC A and "
                                         "PC B."), {}, True),
    ("personal_data.identifies-one", ask("Please send the hearing summary.",
                                         intro="About the misconduct finding against [name redacted]:"), {}, True),
    ("personal_data.identifies-one", ask("How many officers have served for more than 30 years?"), {}, False),
    ("personal_data.identifies-one", ask("How many misconduct hearings did the force hold in 2023?"), {}, False),
    ("personal_data.identifies-one", ask("On what dates did the defendant in claim B12XY345 pay the costs ordered?"),
     {}, True),
    ("personal_data.identifies-one", ask("Please list the collar numbers of the officers in the traffic unit."),
     {}, False),
    ("personal_data.identifies-one", ask("Was the woman arrested at the bus station on Friday charged?"), {}, True),
    ("personal_data.identifies-one", ask("Has the cyclist who hit my son been prosecuted?"), {}, True),
    ("personal_data.identifies-one", ask("Has Councillor Hartley been interviewed by the police?"), {}, True),
    ("personal_data.identifies-one", ask("Who is the person who decides firearms licence appeals?"), {}, False),
    ("personal_data.identifies-one", ask("For each robbery recorded in 2023, was the suspect charged?"), {}, False),
    ("personal_data.identifies-one", ask("For each complaint upheld in 2023, what was the rank of the officer who "
                                         "dealt with it?"), {}, False),
    # A chief constable's pay is published; whether they were investigated is not.
    ("personal_data.identifies-one", ask("What is the salary of the chief constable?"), {}, False),
    ("personal_data.identifies-one", ask("Has the chief constable been investigated for misconduct?"), {}, True),
    ("personal_data.identifies-one", ask("Please list the registration numbers of the force's marked cars."),
     {}, False),
    ("personal_data.names", ask("If anyone was prosecuted for the offence, please name them."), {}, True),
    ("personal_data.names", ask("How many people were prosecuted for the offence in 2023?"), {}, False),
    # -- the population a part names sets the size of each cell (a few homicides, many thefts) ------
    ("personal_data.identifiable", ask("How many homicides were recorded in 2023, by age, sex and ethnicity of "
                                       "the victim?"), {}, True),
    ("personal_data.identifiable", ask("How many thefts were recorded in 2023, by age and sex of the victim?"),
     {}, False),
    # -- few people at the senior ranks -------------------------------------------------------------
    ("personal_data.senior-ranks", ask("Please break down the force's officers by rank and ethnicity."), {}, True),
    ("personal_data.senior-ranks", ask("What bonuses and benefits did the chief officers receive in 2023?"),
     {}, True),
    ("personal_data.senior-ranks", ask("How many officers received a written warning in 2022? Please give "
                                       "this by rank."), {}, True),
    ("personal_data.senior-ranks", ask(("How many serving officers have been given:", [
        "a final written warning? Please break this down by rank."])), {}, True),
    ("personal_data.senior-ranks", ask("How many transgender officers does the force employ, by rank?"), {}, True),
    ("personal_data.senior-ranks", ask("How many officers did the force have at each rank on 31 March 2024?"),
     {}, False),
    ("personal_data.senior-ranks", ask("Please break down officers by rank and ethnicity; counts of five or "
                                       "fewer may be shown as '5 or fewer'."), {}, False),
    ("personal_data.senior-ranks", ask("How many vehicles of each type does the force own?"), {}, False),
    ("personal_data.senior-ranks", ask("What were the salaries of the chief officers in 2023?"), {}, False),
    # -- several facts about each person, one row each (the motivated intruder) ---------------------
    ("personal_data.record-level", ask("For each arrest in 2023, please give the date, the age of the person "
                                       "and the offence."), {}, True),
    ("personal_data.record-level", ask("For each incident at a school in 2022 please give:", "The type of weapon",
                                       "The age and gender of the offender", "The name of the school"), {}, True),
    ("personal_data.record-level", ask("How many people were arrested in 2023, by age, gender and ethnicity?"),
     {}, False),
    ("personal_data.record-level", ask("For each year from 2019 to 2023, how many people were stopped and "
                                       "searched, by ethnicity and outcome?"), {}, False),
    # -- someone the requester knows, in their words or a summary's ----------------------------------
    ("personal_data.someone-known", ask("Please send all the information you hold about his late brother."),
     {}, True),
    ("personal_data.someone-known", ask("How many officers were assaulted by a family member of a suspect in "
                                        "2023?"), {}, False),
    # -- the requester's own arrest: their own data, neither confirmed nor denied under FOI ---------
    ("personal_data.own-data", ask("Please send the custody record from when I was wrongly arrested in 2021."),
     {}, True),
    ("personal_data.own-data", ask("How many people were wrongly arrested in 2021?"), {}, False),
    ("personal_data.own-data", ask("Who reported me to the police last month?"), {}, True),
    ("personal_data.own-data", ask("How many people reported me-too style harassment at work in 2023?"), {}, False),
    ("personal_data.case-documents", ask("Please send a copy of your policy on the use of body worn video."), {},
     False),
    ("personal_data.case-documents", ask("Please send a copy of the body worn video footage of the arrest."), {},
     True),
    # -- not about people: "for each of these" about dogs; the public counted, not the officers -----
    ("personal_data.individual-records", ask("How many police horses retired in 2020?",
                                             "For each of these, what was the reason?"), {}, False),
    ("personal_data.individual-records", ask("How many officers were dismissed in 2020?",
                                             "For each of these, what was the reason?"), {}, True),
    ("personal_data.individual-records", ask("How many allegations of assault were made against officers in "
                                             "2022?", "In each allegation, what was the officer's rank?"), {}, True),
    ("personal_data.staff-matters", ask("How many detentions did your officers record in 2022 by religion?"),
     {}, False),
    # -- law enforcement: cyber attacks on the force, not cyber crime against the public ------------
    ("exemption.subject", ask("How many cyber attacks on your force's systems were detected in 2023?"), {}, True),
    ("exemption.subject", ask("How many cyber security crimes against residents were recorded in 2023?"),
     {}, False),
    # -- deployment by time of day and dates of surveillance use ------------------------------------
    ("exemption.subject", ask("How many traffic officers are on patrol at different times of day?"), {}, True),
    ("exemption.subject", ask("Please list the dates of the force's use of drones at demonstrations in 2022."),
     {}, True),
    ("exemption.subject", ask("How many traffic officers did the force employ in each year from 2019 to 2023?"),
     {}, False),
    # -- the protection of MPs and other public figures ---------------------------------------------
    ("exemption.subject", ask("How many reports of threats to the safety of MPs did you receive in 2023?"),
     {}, True),
    ("exemption.subject", ask("How many reports of threats did the MPS receive in 2023?"), {}, False),
    ("exemption.subject", ask("How many officers guard the Prime Minister on a visit to the county?"), {}, True),
    ("exemption.subject", ask("Who is the force's Data Protection Officer?"), {}, False),
    ("exemption.subject", ask("How many royal protection officers are based in the county?"), {}, True),
    ("exemption.subject", ask("How many authorised firearms officers did the force have in 2023?"), {}, False),
    # -- one past incident told in prose, pinned to a place or a day -------------------------------
    ("personal_data.one-incident", ask("Please provide any information you hold on the incident in question.",
                                       intro="I am writing about the stabbing outside the Royal Oak pub on "
                                       "Friday 3rd May 2024."), {}, True),
    ("personal_data.one-incident", ask("Please send everything you hold about the fatal collision on Marsh Lane "
                                       "on 12 August 2021."), {}, True),
    ("personal_data.one-incident", ask("What information do you hold on the fire at the Red Lion pub last "
                                       "November?"), {}, True),
    ("personal_data.one-incident", ask("Please tell me what happened during the disturbance at Riverside Leisure "
                                       "Centre on 9/7/2023."), {}, True),
    ("personal_data.one-incident", ask("How many incidents were recorded at the Royal Oak pub between 1 January "
                                       "2022 and 31 December 2023?"), {}, False),
    ("personal_data.one-incident", ask("Please send me the press release issued after the crash on the A40 on "
                                       "3 February 2024."), {}, False),
    ("personal_data.one-incident", ask("Please provide information about an assault at the Crown Inn, Ledbury on "
                                       "14 May 2022."), {}, True),
    ("personal_data.one-incident", ask("What do officers do when an assault at Queen's Hospital is reported?"), {},
     False),
    ("personal_data.one-incident", ask("How many bicycle thefts were reported at Central Station in 2023?"), {}, False),
    ("personal_data.one-incident", ask("What is the policy when the fire service attends a road traffic "
                                       "collision?"), {}, False),
    ("personal_data.one-incident", ask("What guidance applies after an assault on an officer at a station?"), {},
     False),
    # -- several named officers or staff ------------------------------------------------------------
    ("personal_data.identifies-one", ask("Please provide the disciplinary records of four named officers."), {},
     True),
    ("personal_data.identifies-one", ask("Please send me the personnel files of the two named sergeants mentioned "
                                         "in my earlier letter."), {}, True),
    ("personal_data.identifies-one", ask("Please provide the service records of the officers named above."), {},
     True),
    ("personal_data.identifies-one", ask("How many officers were named in misconduct outcomes published in 2023?"),
     {}, False),
    # -- dealings with makers of covert tools -------------------------------------------------------
    ("exemption.subject", ask("Please disclose all correspondence with the companies NSO Group and Candiru."), {},
     True),
    ("exemption.subject", ask("Please provide minutes of any meetings with companies that sell mobile phone "
                              "extraction tools."), {}, True),
    ("exemption.subject", ask("Please send copies of contracts with the firm that provides your covert cameras."),
     {}, True),
    ("exemption.subject", ask("Please list your contracts with companies that supply speed cameras."), {}, False),
    ("exemption.subject", ask("Please send any correspondence with the company that maintains your vehicle fleet."),
     {}, False),
    # -- everything that came of one person's complaint or report -----------------------------------
    ("personal_data.one-complaint", ask("All records arising from a report she had made to you about her "
                                        "landlord."), {}, True),
    ("personal_data.one-complaint", ask("Please provide all information relating to Mr Okafor's complaint about "
                                        "the parking enforcement team."), {}, True),
    ("personal_data.one-complaint", ask("Please provide all records relating to complaints about noisy "
                                        "motorbikes in 2023."), {}, False),
    ("personal_data.one-complaint", ask("Please provide the Chief Constable's report to the Police and Crime "
                                        "Panel in March 2024."), {}, False),
    ("personal_data.one-complaint", ask("What is the procedure for records created from a complaint a member of "
                                        "the public made?"), {}, False),
    # -- session 9: personal data and exemptions read from doctrine -------------------------------
    # Several people the requester names are as identifiable as one.
    ("personal_data.named-person", ask("Please send the training records of the three named sergeants at "
                                       "Eastgate station."), {}, True),
    ("personal_data.named-person", ask("How many officers were named in the force's published misconduct "
                                       "outcomes in 2023?"), {}, False),
    # The right of access invoked, a notice served on the requester, or their own access request.
    ("personal_data.own-data", ask("Please send the camera photographs for the notice of intended prosecution "
                                   "I received last week."), {}, True),
    ("personal_data.own-data", ask("Please treat this under section 7 of the Data Protection Act 1998.",
                                   "What calibration checks were made on the camera in 2023?"), {}, True),
    ("personal_data.own-data", ask("When will my request (SAR/0412) be completed?"), {}, True),
    ("personal_data.own-data", ask("How many subject access requests did the force receive in each year from "
                                   "2021 to 2023?"), {}, False),
    ("personal_data.own-data", ask("How many fixed penalty notices were issued for speeding in 2023?"), {}, False),
    # "Individual" before a thing is each of those things, not a person.
    ("personal_data.individual-records", ask("How many bicycles were reported stolen, for each individual "
                                             "year from 2021 to 2023?"), {}, False),
    ("personal_data.individual-records", ask("For each individual arrested, please give the offence and outcome."),
     {}, True),
    # Correspondence names the people who wrote it and those it mentions.
    ("personal_data.correspondence", ask("Please provide copies of any emails between the force and the "
                                         "council about the street party on 3 June 2024."), {}, True),
    ("personal_data.correspondence", ask("How many emails did the force's press office receive in 2023?"), {},
     False),
    ("personal_data.correspondence", ask("Please send me the template letter the force sends to victims of "
                                         "burglary."), {}, False),
    # Details of each colleague in a conduct matter, one row each.
    ("personal_data.staff-case-details", ask("How many officers were dismissed after a misconduct hearing in 2023?",
                                             ("For those officers, please give:", ["The rank of each officer",
                                                                                   "The allegation proven"])),
     {}, True),
    ("personal_data.staff-case-details", ask("For each of these, please state the rank of the officer and whether "
                                             "the misconduct allegation was proven.",
                                             intro="My questions are about officers investigated for misuse of "
                                             "police systems in 2022."), {}, True),
    ("personal_data.staff-case-details", ask("How many officers were dismissed after a misconduct hearing in 2023, "
                                             "in total?"), {}, False),
    ("personal_data.staff-case-details", ask("For each rank, how many officers did the force employ on 31 March "
                                             "2024?"), {}, False),
    # Counter-terrorism safeguarding, the homes of protected people, the security bodies in the plural.
    ("exemption.subject", ask("How many people were referred to the Channel panel in 2023 over concerns about "
                              "environmental extremism?"), {}, True),
    ("exemption.subject", ask("What security is provided at the Prime Minister's constituency home?"), {}, True),
    ("exemption.subject", ask("How many planned attacks were stopped by the security services in your area?"), {},
     True),
    # The force's own drones or facial recognition: overt use answered, covert use neither confirmed nor denied.
    ("exemption.subject", ask("How many drones does the force own, and how many drone flights were made in 2023?"),
     {}, True),
    ("exemption.subject", ask("Which facial recognition software is used by the force?"), {}, True),
    # Commercial face-search services: forces were advised nationally to neither confirm nor deny their use.
    ("exemption.subject", ask("Have any officers used PimEyes to identify a suspect since 2022?"), {}, True),
    ("exemption.subject", ask("How many times did staff search faces on an online face search engine in 2024?"),
     {}, True),
    ("exemption.subject", ask("Does the force hold any contract with Clearview AI?"), {}, True),
    ("exemption.subject", ask("How many face masks did the force buy in 2021?"), {}, False),
    # Where ANPR cameras stand is withheld under s24(1) and s31(1); how many there are is given.
    ("exemption.subject", ask("Please list every ANPR camera location in the force area."), {}, True),
    ("exemption.subject", ask("Where is each ANPR camera located?"), {}, True),
    ("exemption.subject", ask("How many ANPR cameras does the force operate?"), {}, False),
    # Synthetic opioids: figures were withdrawn on national advice, so a note.
    ("exemption.subject", ask("How many crimes involving nitazenes did the force record in 2024?"), {}, True),
    ("exemption.subject", ask("How many crimes involving heroin did the force record in 2024?"), {}, False),
    ("exemption.subject", ask("How many incidents involving drones flown near the airport were reported to the "
                              "force in 2023?"), {}, False),
    # Whether any of the few chief officers has a record: even "none" is about each of them (s40(5B)).
    ("personal_data.senior-ranks", ask("Has the Chief Constable or any Assistant Chief Constable ever received a "
                                       "caution or a criminal conviction?"), {}, True),
    ("personal_data.senior-ranks", ask("What is the salary of the Chief Constable?"), {}, False),
    # The requester in the third person, as a Commissioner's summary puts it.
    ("personal_data.own-data", ask("Information about the fixed penalty notice the applicant was issued for "
                                   "speeding on the A6."), {}, True),
    ("personal_data.someone-known", ask("The case file on the complainant's late father's death in 1979."), {},
     True),
    ("personal_data.someone-known", ask("How many complainants were told the outcome of their complaint in 2023?"),
     {}, False),
    # "Hacking" the force or the public suffered is a crime or an IT security matter, not a covert police method.
    ("exemption.subject", ask("How many data breaches did the force report to the ICO in 2023, including online "
                              "hacking?"), {}, False),
    ("exemption.subject", ask("Does the force use hacking tools to get into suspects' phones?"), {}, True),
    # A letter a chief officer wrote carries a name that is already public.
    ("personal_data.correspondence", ask("Please provide a copy of the letter the Chief Constable sent to all "
                                         "officers about the new uniform in March 2024."), {}, False),
    # An operation still to come (s31(1)(a)/(b)); figures after the event are given.
    ("exemption.subject", ask("On which dates next month will the force execute drugs warrants in Rhyl?"), {},
     True),
    ("exemption.subject", ask("How many drugs warrants did the force execute in each month of 2023?"), {}, False),
    ("exemption.subject", ask("Does the force plan to change how its control room operations are staffed next "
                              "year?"), {}, False),
    # Who is watched, or where informants are, narrowed to one town; force-wide yearly totals are given.
    ("exemption.subject", ask("Which flats on the Riverside estate are under police surveillance?"), {}, True),
    # An officer by collar number is one person.
    ("personal_data.named-person", ask("Was PC 2817 disciplined after the complaint I made?"), {}, True),
    ("personal_data.named-person", ask("How many PCSOs did the force employ in 2023?"), {}, False),
    # Any people the part asks to be named.
    ("personal_data.names", ask("Please name the suspects arrested after the fight on Mill Road last week."), {}, True),
    ("personal_data.names", ask("Please name the companies that supply your patrol cars."), {}, False),
    # Children, school by school: a school is a small community.
    ("personal_data.children-by-school", ask("How many pupils were found carrying knives in 2023?",
                                             "Please name each school and give the age of each pupil."), {}, True),
    ("personal_data.children-by-school", ask("How many times were officers called to each school in the town in "
                                             "2023?"), {}, False),
    ("personal_data.children-by-school", ask("How many children were reported missing in 2023, by age?"), {},
     False),
    # Where people live: an address or full postcode in records about people, asked for as the answer.
    ("personal_data.addresses", ask("Please list every address the force raided in 2023."), {}, True),
    ("personal_data.addresses", ask("Please provide the postcodes of everyone arrested for burglary in 2023."), {},
     True),
    ("personal_data.addresses", ask("Please list the addresses of registered sex offenders living in Ashford."), {},
     True),
    ("personal_data.addresses", ask("For each house searched under a drugs warrant in 2023, give the house number "
                                    "and street."), {}, True),
    ("personal_data.addresses", ask("How many burglaries were recorded in 2023, by postcode district?"), {}, False),
    ("personal_data.addresses", ask("Please list the addresses of the police stations with front counters open to "
                                    "the public."), {}, False),
    ("personal_data.addresses", ask("Please list the streets where stop and searches took place in 2023."), {}, False),
    ("personal_data.addresses", ask("Please send the answer to the email address I have given, about the arrests "
                                    "made in 2023."), {}, False),
    ("personal_data.addresses", ask("What is the force doing to address repeat burglaries of homes?"), {}, False),
    ("personal_data.addresses", ask("How many warrants were executed at addresses in 2023? I do not want the "
                                    "addresses themselves."), {}, False),
    # A bare name as the subject of a yes-or-no question is one person; an organisation's name is not.
    ("personal_data.identifies-one", ask("Is Dana Whitlow of 4 Ferry Lane on the sex offenders register?"), {}, True),
    ("personal_data.identifies-one", ask("Has Corin Ashby ever been arrested for fraud?"), {}, True),
    ("personal_data.identifies-one", ask("Has Kent Police ever used live facial recognition?"), {}, False),
    ("personal_data.identifies-one", ask("Has Scotland Yard ever been inspected on its custody suites?"), {}, False),
    # One named body or business the police are asked to have investigated or hold intelligence about.
    ("exemption.one-case", ask("Has the force ever investigated the charity Brightpath Futures?"), {}, True),
    ("exemption.one-case", ask("Has the force received intelligence that the Red Fox pub in Stowe is used for "
                               "selling drugs?"), {}, True),
    ("exemption.one-case", ask("How many times has the force investigated Brightpath Futures for fraud since 2020?"),
     {}, True),
    ("exemption.one-case", ask("Please send all reports on the Violence Harm Assessment written in 2023."), {}, False),
    ("exemption.one-case", ask("Has the force investigated any complaints about the Violence Harm Assessment?"), {},
     False),
    ("exemption.one-case", ask("Did the force receive information about Prevent referral numbers from the Home "
                               "Office?"), {}, False),
]
