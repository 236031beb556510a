"""The PHQ/GAD family: GAD-7, GAD-2, PHQ-9, PHQ-8 and PHQ-4.

All five share the Pfizer answer scale (0 "Not at all" to 3 "Nearly every day", LOINC answer
list LL358-3), a two-week recall and a plain sum of the items. Wording below is the published
English wording of the forms.

Terms of use: the PHQ and GAD-7 screeners are © Pfizer Inc., developed by Drs Robert L. Spitzer,
Janet B.W. Williams, Kurt Kroenke and colleagues with an educational grant from Pfizer Inc.; no
permission is required to reproduce, translate, display or distribute them.

LOINC codes are as in the HL7 personal-health-record-format IG (GAD-7) and US Core examples
(PHQ-9). PHQ-8 reuses PHQ-9 items 1–8; a PHQ-8 panel or total LOINC code could not be confirmed,
so both are ``None`` and exports fall back to the project's own code. No GAD-2 total code is
confirmed either. The difficulty question (69722-7) is optional and never scored.
"""

from __future__ import annotations

from .base import AnswerOption, Band, FlagRule, Instrument, Item

PFIZER_TERMS = (
    "Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, "
    "Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. "
    "No permission required to reproduce, translate, display or distribute."
)

RECALL_TWO_WEEKS = "over the last 2 weeks"

FREQUENCY_OPTIONS = (
    AnswerOption(0, "Not at all", "LA6568-5"),
    AnswerOption(1, "Several days", "LA6569-3"),
    AnswerOption(2, "More than half the days", "LA6570-1"),
    AnswerOption(3, "Nearly every day", "LA6571-9"),
)
FREQUENCY_ANSWER_LIST = "LL358-3"

# Several public copies swap the last two codes; LA6575-0 = "Very difficult" and
# LA6574-3 = "Extremely difficult" is what the LOINC-derived FHIR value sets show.
DIFFICULTY = Item(
    0,
    "If you checked off any problems, how difficult have these problems made it for you to do "
    "your work, take care of things at home, or get along with other people?",
    "69722-7",
)
DIFFICULTY_OPTIONS = (
    AnswerOption(0, "Not difficult at all", "LA6572-7"),
    AnswerOption(1, "Somewhat difficult", "LA6573-5"),
    AnswerOption(2, "Very difficult", "LA6575-0"),
    AnswerOption(3, "Extremely difficult", "LA6574-3"),
)

GAD_ITEMS = (
    Item(1, "Feeling nervous, anxious, or on edge", "69725-0"),
    Item(2, "Not being able to stop or control worrying", "68509-9"),
    Item(3, "Worrying too much about different things", "69733-4"),
    Item(4, "Trouble relaxing", "69734-2"),
    Item(5, "Being so restless that it is hard to sit still", "69735-9"),
    Item(6, "Becoming easily annoyed or irritable", "69689-8"),
    Item(7, "Feeling afraid, as if something awful might happen", "69736-7"),
)

PHQ_ITEMS = (
    Item(1, "Little interest or pleasure in doing things", "44250-9"),
    Item(2, "Feeling down, depressed, or hopeless", "44255-8"),
    Item(3, "Trouble falling or staying asleep, or sleeping too much", "44259-0"),
    Item(4, "Feeling tired or having little energy", "44254-1"),
    Item(5, "Poor appetite or overeating", "44251-7"),
    Item(
        6,
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "44258-2",
    ),
    Item(
        7,
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "44252-5",
    ),
    Item(
        8,
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "44253-3",
    ),
    Item(
        9,
        "Thoughts that you would be better off dead or of hurting yourself in some way",
        "44260-8",
    ),
)

GAD_INTRO = "Over the last 2 weeks, how often have you been bothered by the following problems?"
PHQ_INTRO = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)


def _severity_bands(top: int, *, moderately_severe: bool) -> tuple[Band, ...]:
    """The PHQ/GAD severity bands (cut-offs 5, 10, 15 and, for the PHQ, 20)."""
    bands = [
        Band("minimal", 0, 4, "Minimal"),
        Band("mild", 5, 9, "Mild"),
        Band("moderate", 10, 14, "Moderate"),
    ]
    if moderately_severe:
        bands += [
            Band("moderately_severe", 15, 19, "Moderately severe"),
            Band("severe", 20, top, "Severe"),
        ]
    else:
        bands.append(Band("severe", 15, top, "Severe"))
    return tuple(bands)


GAD7 = Instrument(
    code="gad7",
    name="GAD-7",
    title="Generalized Anxiety Disorder 7-item scale",
    intro=GAD_INTRO,
    recall=RECALL_TWO_WEEKS,
    items=GAD_ITEMS,
    answer_options=FREQUENCY_OPTIONS,
    item_min=0,
    item_max=3,
    bands=_severity_bands(21, moderately_severe=False),
    scoring=(
        "Sum of the 7 items (0–3 each), 0–21. Bands: 0–4 minimal, 5–9 mild, 10–14 moderate, "
        "15–21 severe; 10 or more is the usual cut-off for further evaluation."
    ),
    citation=(
        "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized "
        "anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092–1097. "
        "doi:10.1001/archinte.166.10.1092"
    ),
    copyright=PFIZER_TERMS,
    panel_loinc="69737-5",
    total_loinc="70274-6",
    answer_list_loinc=FREQUENCY_ANSWER_LIST,
    schedule_default_days=7,
    meaningful_change=4,
    meaningful_change_source=(
        "Toussaint A, Hüsing P, Gumz A, et al. Sensitivity to change and minimal clinically "
        "important difference of the 7-item Generalized Anxiety Disorder Questionnaire (GAD-7). "
        "J Affect Disord. 2020;265:395–401. doi:10.1016/j.jad.2020.01.032 "
        "(MCID estimated at 4 points)"
    ),
    difficulty=DIFFICULTY,
    difficulty_options=DIFFICULTY_OPTIONS,
)

GAD2 = Instrument(
    code="gad2",
    name="GAD-2",
    title="Generalized Anxiety Disorder 2-item screener",
    intro=GAD_INTRO,
    recall=RECALL_TWO_WEEKS,
    items=GAD_ITEMS[:2],
    answer_options=FREQUENCY_OPTIONS,
    item_min=0,
    item_max=3,
    bands=(Band("negative", 0, 2, "Negative screen"), Band("positive", 3, 6, "Positive screen")),
    scoring="Sum of GAD-7 items 1–2 (0–3 each), 0–6; 3 or more is a positive anxiety screen.",
    citation=(
        "Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary "
        "care: prevalence, impairment, comorbidity, and detection. Ann Intern Med. "
        "2007;146(5):317–325. doi:10.7326/0003-4819-146-5-200703060-00004"
    ),
    copyright=PFIZER_TERMS,
    panel_loinc=None,
    total_loinc=None,
    answer_list_loinc=FREQUENCY_ANSWER_LIST,
    schedule_default_days=None,
    flag_rules=(FlagRule("anxiety_screen_positive", 3),),
)

PHQ9 = Instrument(
    code="phq9",
    name="PHQ-9",
    title="Patient Health Questionnaire 9-item depression scale",
    intro=PHQ_INTRO,
    recall=RECALL_TWO_WEEKS,
    items=PHQ_ITEMS,
    answer_options=FREQUENCY_OPTIONS,
    item_min=0,
    item_max=3,
    bands=_severity_bands(27, moderately_severe=True),
    scoring=(
        "Sum of the 9 items (0–3 each), 0–27. Bands: 0–4 minimal, 5–9 mild, 10–14 moderate, "
        "15–19 moderately severe, 20–27 severe. Any answer above 0 to item 9 needs immediate "
        "safety handling whatever the total (flag self_harm_risk)."
    ),
    citation=(
        "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity "
        "measure. J Gen Intern Med. 2001;16(9):606–613. "
        "doi:10.1046/j.1525-1497.2001.016009606.x"
    ),
    copyright=PFIZER_TERMS,
    panel_loinc="44249-1",
    total_loinc="44261-6",
    answer_list_loinc=FREQUENCY_ANSWER_LIST,
    schedule_default_days=14,
    meaningful_change=5,
    meaningful_change_source=(
        "Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression treatment "
        "outcomes with the Patient Health Questionnaire-9. Med Care. 2004;42(12):1194–1201. "
        "doi:10.1097/00005650-200412000-00006 (MCID for individual change: 5 points)"
    ),
    flag_rules=(FlagRule("self_harm_risk", 1, item=9),),
    difficulty=DIFFICULTY,
    difficulty_options=DIFFICULTY_OPTIONS,
)

PHQ8 = Instrument(
    code="phq8",
    name="PHQ-8",
    title="Patient Health Questionnaire 8-item depression scale",
    intro=PHQ_INTRO,
    recall=RECALL_TWO_WEEKS,
    items=PHQ_ITEMS[:8],
    answer_options=FREQUENCY_OPTIONS,
    item_min=0,
    item_max=3,
    bands=_severity_bands(24, moderately_severe=True),
    scoring=(
        "Sum of PHQ-9 items 1–8 (0–3 each), 0–24. Bands as the PHQ-9: 0–4 minimal, 5–9 mild, "
        "10–14 moderate, 15–19 moderately severe, 20–24 severe. It leaves out the self-harm "
        "item, so it suits settings without clinical follow-up."
    ),
    citation=(
        "Kroenke K, Strine TW, Spitzer RL, Williams JBW, Berry JT, Mokdad AH. The PHQ-8 as a "
        "measure of current depression in the general population. J Affect Disord. "
        "2009;114(1–3):163–173. PMID 18752852"
    ),
    copyright=PFIZER_TERMS,
    panel_loinc=None,
    total_loinc=None,
    answer_list_loinc=FREQUENCY_ANSWER_LIST,
    schedule_default_days=14,
)

PHQ4 = Instrument(
    code="phq4",
    name="PHQ-4",
    title="Patient Health Questionnaire for Depression and Anxiety (4 items)",
    intro=GAD_INTRO,
    recall=RECALL_TWO_WEEKS,
    items=(
        Item(1, GAD_ITEMS[0].text, GAD_ITEMS[0].loinc),
        Item(2, GAD_ITEMS[1].text, GAD_ITEMS[1].loinc),
        Item(3, PHQ_ITEMS[0].text, PHQ_ITEMS[0].loinc),
        Item(4, PHQ_ITEMS[1].text, PHQ_ITEMS[1].loinc),
    ),
    answer_options=FREQUENCY_OPTIONS,
    item_min=0,
    item_max=3,
    bands=(
        Band("normal", 0, 2, "Normal"),
        Band("mild", 3, 5, "Mild"),
        Band("moderate", 6, 8, "Moderate"),
        Band("severe", 9, 12, "Severe"),
    ),
    scoring=(
        "Sum of the 4 items (0–3 each), 0–12: 0–2 normal, 3–5 mild, 6–8 moderate, 9–12 severe "
        "psychological distress. Anxiety subscale = items 1–2 (GAD-2), depression subscale = "
        "items 3–4 (PHQ-2); a subscale of 3 or more is a positive screen."
    ),
    citation=(
        "Kroenke K, Spitzer RL, Williams JBW, Löwe B. An ultra-brief screening scale for anxiety "
        "and depression: the PHQ-4. Psychosomatics. 2009;50(6):613–621."
    ),
    copyright=PFIZER_TERMS,
    panel_loinc="69724-3",
    total_loinc="70272-0",
    answer_list_loinc=FREQUENCY_ANSWER_LIST,
    schedule_default_days=None,
    subscales={"anxiety": (1, 2), "depression": (3, 4)},
    flag_rules=(
        FlagRule("anxiety_screen_positive", 3, subscale="anxiety"),
        FlagRule("depression_screen_positive", 3, subscale="depression"),
    ),
)
