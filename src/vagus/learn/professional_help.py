"""Getting professional help: routes to a therapist or doctor, by country. Data only.

Kept like the crisis contacts (``vagus.questionnaires.crisis``, docs/safety.md hazard H6):
each route names its official source page and the date it was checked, only long-established
public routes are listed, and every country also has the family doctor route. Review with the
crisis contacts, at least every six months, and update ``CHECKED``. Online therapy is named
as an option of its own kind, never a company.

Countries are the crisis page's (``crisis.COUNTRIES``), so the page follows the same choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Compared with stored copies of each source page (the programmes' own pages or government
# pages about them), not the live sites: an operator should still open each link.
CHECKED = date(2026, 12, 2)

# The usual signs that it is worth seeing someone (generalised anxiety as NHS and NICE
# describe it, and low mood); plain words, no diagnosis.
SIGNS = (
    "Worry that is hard to control, most days, for weeks",
    "Racing thoughts, or feeling on edge and unable to relax",
    "Trouble concentrating, or your mind going blank",
    "Sleep that is hard to get or does not refresh you",
    "Tense muscles, a churning stomach, or gut trouble that flares with stress",
    "Low mood or losing interest in things you usually enjoy",
    "Avoiding places, people or tasks because of anxiety",
    "Any of this getting in the way of work, study, family or friends",
)

WHAT_TO_BRING = (
    "The one-page report from Vagus (Questionnaires → Report, or Settings): your questionnaire "
    "totals, diary week by week, what you tried and any safety answers, for the weeks you choose.",
    "A few words about what you want help with, and what you hope will change.",
    "Any medicines you take, as the packets say (Vagus never advises on them).",
)


@dataclass(frozen=True)
class Route:
    name: str
    how: str  # who it is for and how to start, in a sentence or two
    source: str  # the official page it was checked against
    checked: date = CHECKED


@dataclass(frozen=True)
class Routes:
    code: str  # as in crisis.COUNTRIES
    name: str
    routes: tuple[Route, ...]


ROUTES: dict[str, Routes] = {
    r.code: r
    for r in (
        Routes(
            "GB",
            "the United Kingdom",
            (
                Route(
                    "NHS Talking Therapies (England)",
                    "Free talking therapy for anxiety and depression for adults registered with "
                    "a GP in England. You can refer yourself online, without seeing your GP.",
                    "https://www.england.nhs.uk/mental-health/adults/nhs-talking-therapies/",
                ),
                Route(
                    "Your GP (all of the UK)",
                    "In Scotland, Wales and Northern Ireland talking therapy usually starts with "
                    "your GP, who can refer you; in England a GP can refer you too.",
                    "https://www.nhs.uk/mental-health/social-care-and-your-rights/"
                    "how-to-access-mental-health-services/",
                ),
            ),
        ),
        Routes(
            "IE",
            "Ireland",
            (
                Route(
                    "Your GP",
                    "Your GP can assess how you are and refer you. Adults with a medical card "
                    "can be referred to the HSE's free Counselling in Primary Care service.",
                    "https://www2.hse.ie/mental-health/services-support/about/",
                ),
            ),
        ),
        Routes(
            "US",
            "the United States",
            (
                Route(
                    "Your primary care doctor or health plan",
                    "A primary care doctor can check how you are and refer you; if you have "
                    "health insurance, your insurer lists the therapists it covers.",
                    "https://www.samhsa.gov/find-help/national-helpline",
                ),
                Route(
                    "SAMHSA's National Helpline, 1-800-662-4357",
                    "Free, confidential, every day and night: referrals to local treatment and "
                    "support, in English and Spanish, also for people without insurance.",
                    "https://www.samhsa.gov/find-help/national-helpline",
                ),
                Route(
                    "988 Suicide & Crisis Lifeline",
                    "Call or text 988 in a crisis or for any emotional distress.",
                    "https://988lifeline.org/",
                ),
            ),
        ),
        Routes(
            "CA",
            "Canada",
            (
                Route(
                    "Your family doctor or nurse practitioner",
                    "They can assess how you are and refer you to publicly funded mental health "
                    "services in your province or territory.",
                    "https://mentalhealthcommission.ca/news-releases/7720-a-new-resource-to-help-"
                    "family-physicians-support-individuals-with-mental-health-and-substance-use-"
                    "problems/",
                ),
                Route(
                    "988 Suicide Crisis Helpline",
                    "Call or text 988 in a crisis, day or night.",
                    "https://988.ca/",
                ),
            ),
        ),
        Routes(
            "AU",
            "Australia",
            (
                Route(
                    "Your GP and a Mental Health Treatment Plan",
                    "A GP can make a plan with you and refer you to a psychologist with Medicare "
                    "rebates (Better Access).",
                    "https://www.servicesaustralia.gov.au/individuals/subjects/whats-covered-medicare/"
                    "mental-health-care-and-medicare",
                ),
                Route(
                    "Medicare Mental Health (formerly Head to Health), 1800 595 212",
                    "A free phone service that helps you find the right mental health support "
                    "near you, no referral needed.",
                    "https://www.headtohealth.gov.au/",
                ),
            ),
        ),
        Routes(
            "NZ",
            "New Zealand",
            (
                Route(
                    "Your GP or health centre",
                    "Many practices have free mental wellbeing support (Access and Choice) with a "
                    "health improvement practitioner or coach, often without a wait.",
                    "https://wellbeingsupport.health.nz/no-referral-process",
                ),
                Route(
                    "Need to talk? 1737",
                    "Free call or text 1737, any time, to talk with a trained counsellor.",
                    "https://1737.org.nz/",
                ),
            ),
        ),
        Routes(
            "INTL",
            "anywhere",
            (
                Route(
                    "A family doctor or local health service",
                    "Wherever you live, a family doctor or community health centre is usually "
                    "the first step, and can tell you what your country offers.",
                    "https://www.who.int/news-room/fact-sheets/detail/anxiety-disorders",
                ),
            ),
        ),
    )
}

ONLINE_THERAPY = (
    "Therapy by video, phone or messaging is an option in many countries, from public services "
    "and from private ones. Vagus does not recommend any company. Before you start, check that "
    "the therapist is registered or licensed where you live, what it costs, how your data is "
    "kept, and what they do in an emergency."
)
