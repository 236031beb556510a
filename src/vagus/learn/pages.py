"""The "How your gut and brain talk" pages: their order, titles, and the tool each leads to.

Each page's words live in ``templates/learn/pages/<slug>.html``; this list is the one place that
says which pages exist, in what order, and which Vagus tool puts each one into practice.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse_lazy
from django.utils.functional import Promise


@dataclass(frozen=True)
class Tool:
    label: str
    path: str | Promise  # the tool's page, from reverse_lazy()
    why: str


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    teaser: str
    tool: Tool

    @property
    def url_name(self) -> str:
        return self.slug.replace("-", "_")

    @property
    def template(self) -> str:
        return f"learn/pages/{self.slug}.html"


# Lazy: this module is read while the URLs are still being loaded.
MEALS = reverse_lazy("diary:meals")
EXPERIMENTS = reverse_lazy("experiments:index")
TOOLS = reverse_lazy("tools:index")
QUESTIONNAIRES = reverse_lazy("questionnaires:index")

PAGES: tuple[Page, ...] = (
    Page(
        "both-ways",
        "Your gut and brain talk both ways",
        "The four main routes between your gut and your brain, with a diagram.",
        Tool(
            "Answer the GAD-7 anxiety questionnaire",
            QUESTIONNAIRES,
            "Seven short questions give you a starting point to compare against later.",
        ),
    ),
    Page(
        "vagus-nerve",
        "The vagus nerve",
        "The long nerve that links your brain and gut, and what breathing can and cannot do.",
        Tool(
            "Try slow breathing",
            TOOLS,
            "Paced breathing, with a rating before and after, so you can see if it helps.",
        ),
    ),
    Page(
        "stress-system",
        "Your gut's own nerves and your stress system",
        "The enteric and autonomic nervous systems, and the HPA axis that releases cortisol.",
        Tool(
            "Try progressive muscle relaxation",
            TOOLS,
            "A guided way to tense and relax your muscles, with ratings before and after.",
        ),
    ),
    Page(
        "microbes",
        "What your gut microbes make",
        "Short-chain fatty acids, serotonin building blocks, GABA, and how microbes send signals.",
        Tool(
            "Log your meals",
            MEALS,
            "Vagus counts fermented foods, fibre-rich foods and the different plants you eat.",
        ),
    ),
    Page(
        "research",
        "What research has found so far",
        "Links between gut microbes, anxiety, IBS and sleep, and why a link is not a cause.",
        Tool(
            "Answer the GAD-7 anxiety questionnaire",
            QUESTIONNAIRES,
            "Track your anxiety over weeks, so you can see your own pattern.",
        ),
    ),
    Page(
        "what-may-help",
        "What may help, and how sure we are",
        "Food, sleep, movement, calming skills and therapy, each with its strength of evidence.",
        Tool(
            "Run a self-experiment",
            EXPERIMENTS,
            "Test one change on yourself, such as a daily fermented food or some breathing.",
        ),
    ),
    Page(
        "test-for-yourself",
        "Finding out what helps you",
        "Why research on groups cannot tell you what works for you, and how a fair test can.",
        Tool(
            "Run a self-experiment",
            EXPERIMENTS,
            "Vagus sets up the periods, picks the order by chance and analyses the result.",
        ),
    ),
)

BY_SLUG: dict[str, Page] = {page.slug: page for page in PAGES}


def neighbours(slug: str) -> tuple[Page | None, Page | None]:
    """The pages before and after this one, for "previous / next" links."""
    index = [page.slug for page in PAGES].index(slug)
    before = PAGES[index - 1] if index > 0 else None
    after = PAGES[index + 1] if index + 1 < len(PAGES) else None
    return before, after
