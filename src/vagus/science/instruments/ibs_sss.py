"""IBS-SSS, the irritable bowel severity scoring system (Francis, Morris & Whorwell 1997).

Licence: the IBS-SSS questionnaire is licensed through the Rome Foundation (romeonline.org), and
its licence bars alteration. Vagus therefore ships none of its questions or wording. A person
who completes a licensed copy enters its five part scores (0–100 each) or the total (0–500)
given by a clinician; our labels are our own ("part N, as recorded on your licensed form").

Everyday gut symptoms in the diary are our own unbranded measures and are never called IBS-SSS.

Scoring (from the paper, not the form): five parts of 0–100 are summed to 0–500. In order they
cover pain severity; pain frequency (days with pain out of the last 10, times 10); distension
severity; dissatisfaction with bowel habit; interference with life in general. Under 75 counts
as remission, 75–174 mild, 175–299 moderate, 300 or more severe; a fall of 50 or more reliably
indicates improvement. The original form uses 100 mm lines, so part scores may be fractions.
"""

from __future__ import annotations

from .base import Band, Instrument, Item

FRANCIS_1997 = (
    "Francis CY, Morris J, Whorwell PJ. The irritable bowel severity scoring system: a simple "
    "method of monitoring irritable bowel syndrome and its progress. Aliment Pharmacol Ther. "
    "1997;11(2):395–402. doi:10.1046/j.1365-2036.1997.142318000.x"
)

IBS_SSS = Instrument(
    code="ibs_sss",
    name="IBS-SSS",
    title="IBS severity scoring system (scores from your licensed form)",
    intro=(
        "Enter the five part scores exactly as recorded on your licensed IBS-SSS form (0–100 "
        "each), or the total score (0–500) a clinician gave you."
    ),
    recall="over the last 10 days",
    items=tuple(
        Item(number, f"Part {number}, as recorded on your licensed form (0–100)")
        for number in range(1, 6)
    ),
    answer_options=(),
    item_min=0,
    item_max=100,
    integer_answers=False,
    accepts_total_only=True,
    wording_included=False,
    bands=(
        Band("remission", 0, 74, "Remission"),
        Band("mild", 75, 174, "Mild"),
        Band("moderate", 175, 299, "Moderate"),
        Band("severe", 300, 500, "Severe"),
    ),
    scoring=(
        "Sum of five part scores (0–100 each), 0–500: part 1 pain severity; part 2 days with "
        "pain out of the last 10, times 10; part 3 distension severity; part 4 dissatisfaction "
        "with bowel habit; part 5 interference with life. Under 75 remission, 75–174 mild, "
        "175–299 moderate, 300 or more severe. A single answer is read as the total."
    ),
    citation=FRANCIS_1997,
    copyright=(
        "The IBS-SSS questionnaire is licensed through the Rome Foundation (romeonline.org). "
        "Vagus does not include its questions or wording: use a licensed copy and enter its "
        "scores here."
    ),
    panel_loinc=None,
    total_loinc=None,
    answer_list_loinc=None,
    schedule_default_days=28,
    meaningful_change=50,
    meaningful_change_source=(FRANCIS_1997 + " (a change of 50 reliably indicated improvement)"),
)
