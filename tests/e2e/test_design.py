"""The design system in a real browser, at a phone's and a laptop's size: unanswered scales look
unanswered, targets are big enough, headings stay in their cards, a desktop's width is used,
dark mode and forced colours work and stay accessible."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
TOOL_PAGE = "/tools/breathing/"


@pytest.fixture(params=list(SIZES))
def sized_page(
    request: pytest.FixtureRequest, browser: Any, transactional_db: None
) -> Iterator[Any]:
    context = browser.new_context(
        viewport=SIZES[request.param], locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def signed_in(sized_page: Any, live_server: Any, login: Any) -> Any:
    make_person("iris")
    login(sized_page, "iris", PASSWORD)
    return sized_page


LOOK = """(span) => { const s = getComputedStyle(span);
  return {background: s.backgroundColor,
          border: [s.borderTopColor, s.borderTopWidth, s.borderTopStyle].join(' '),
          ring: s.boxShadow.includes('0px 0px 0px 4px') || s.outlineStyle !== 'none',
          weight: s.fontWeight}; }"""


def look(page: Any, scale: str, value: str) -> dict[str, Any]:
    span = page.locator(f"{scale} input[value='{value}'] + span")
    return span.evaluate(LOOK)


def test_an_untouched_scale_looks_unanswered_until_a_number_is_chosen(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/today/")
    scale = "#id_anxiety"
    # The form starts on "–" (not answered)…
    assert page.locator(f"{scale} input[value='']").is_checked()
    skip, three, seven = look(page, scale, ""), look(page, scale, "3"), look(page, scale, "7")
    # …which looks like every other unchosen option: same fill, same border, no ring.
    assert skip["background"] == three["background"] == seven["background"]
    assert skip["border"] == three["border"]
    assert not skip["ring"]
    page.locator(f"{scale} label", has_text="7").first.click()
    chosen = look(page, scale, "7")
    assert chosen["background"] != three["background"]
    assert chosen["ring"] and chosen["weight"] == "700"
    # Colour is never the only cue: the chosen number is still written in it.
    assert page.locator(f"{scale} input[value='7'] + span").inner_text() == "7"
    assert look(page, scale, "")["background"] == three["background"]


def test_the_ramp_runs_from_calm_to_intense_and_turns_for_measures_where_higher_is_better(
    signed_in, live_server
):
    page = signed_in
    page.goto(f"{live_server.url}/today/")

    def strip(scale: str, value: str) -> str:
        return page.locator(f"{scale} input[value='{value}'] + span").evaluate(
            "(s) => getComputedStyle(s).boxShadow"
        )

    # Anxiety (higher is worse) and mood (higher is better) share the ramp, end to end reversed.
    assert strip("#id_anxiety", "0") == strip("#id_mood", "10")
    assert strip("#id_anxiety", "10") == strip("#id_mood", "0")
    assert strip("#id_anxiety", "0") != strip("#id_anxiety", "10")


TARGETS = """() => {
  const small = [];
  const seen = new Set();
  const targets = 'a, button, select, textarea, summary, input:not([type=hidden])';
  for (const el of document.querySelectorAll(targets)) {
    let box = el;
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      box = el.closest('label') || (el.labels && el.labels[0]) || el;  // the label is the target
    }
    if (seen.has(box)) continue; seen.add(box);
    const style = getComputedStyle(box);
    if (style.display === 'inline') continue;  // a link inside a sentence: exempt (WCAG 2.5.8)
    if (el.closest('.skip')) continue;  // off screen until focused
    const r = box.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;  // not shown at this size
    const words = (box.innerText || box.name || '').trim().slice(0, 30);
    const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
    const name = `${box.tagName}.${box.className} "${words}" ${size}`;
    // The quick check-in keeps a 0–10 scale on one row of a phone, so its segments are 44 px
    // tall but may be narrower: never under WCAG 2.2's 24 px minimum.
    const wide = box.matches('label.segment') ? 24 : 44;
    if (r.height < 44 || r.width < wide) small.push(name);
  }
  return small;
}"""


@pytest.mark.parametrize("path", ["/today/", TOOL_PAGE])
def test_touch_targets_are_44px_tall_and_wide(signed_in, live_server, path):
    signed_in.goto(f"{live_server.url}{path}")
    assert signed_in.evaluate(TARGETS) == []


def test_a_tool_page_heading_stays_inside_its_card(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}{TOOL_PAGE}")
    shown = [f for f in page.locator("fieldset.question").all() if f.is_visible()]
    assert len(shown) >= 2  # the rating before, and the pattern
    for fieldset in shown:
        card = fieldset.bounding_box()
        legend = fieldset.locator("legend").bounding_box()
        assert card and legend
        assert legend["y"] >= card["y"] + 1, "the heading sits on the card's top border"
        assert (
            legend["x"] >= card["x"] and legend["x"] + legend["width"] <= card["x"] + card["width"]
        )


def test_the_desktop_uses_its_width_and_the_phone_has_no_sideways_scroll(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/today/")
    width = page.viewport_size["width"]
    main = page.locator("main").bounding_box()
    assert main
    if width >= 1280:
        assert main["width"] >= 900
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert page_width <= width
    # The menu is one row: every entry shown at this size sits on the same line.
    tops = page.evaluate(
        "() => [...document.querySelectorAll('.top nav li')].filter(li => li.offsetWidth)"
        ".map(li => li.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, tops
    # On a wide screen with room to spare: a wider fallback font elsewhere still fits one row.
    ends = page.evaluate(
        "() => [...document.querySelectorAll('.top nav li')].filter(li => li.offsetWidth)"
        ".map(li => li.getBoundingClientRect().right)"
    )
    if width >= 1280:
        assert max(ends) <= 0.85 * width, (max(ends), width)


def test_today_lays_the_check_in_beside_the_cards_on_a_desktop(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/today/")
    main = page.locator(".today-grid > .today-main").bounding_box()
    side = page.locator(".today-grid > .today-side").bounding_box()
    assert main and side
    assert page.locator(".today-main form.checkin").count() == 1
    if page.viewport_size["width"] >= 1280:
        # Two columns, side by side from the top, the check-in the wider.
        assert side["x"] >= main["x"] + main["width"] and abs(side["y"] - main["y"]) < 1
        assert main["width"] > side["width"]
    else:
        # One column on a phone: the cards come after the check-in.
        assert side["y"] >= main["y"] + main["height"] and side["x"] == main["x"]


@pytest.mark.parametrize("path", ["/today/", TOOL_PAGE])
def test_dark_mode_changes_the_colours_and_stays_accessible(signed_in, live_server, path):
    page = signed_in
    page.goto(f"{live_server.url}{path}")
    background = "() => getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate(background)
    assert dark != light
    # Dark means dark: the page's background is darker than its text.
    assert page.evaluate(
        """() => { const lum = c => c.match(/\\d+/g).slice(0, 3).reduce((a, b) => a + +b, 0);
        const s = getComputedStyle(document.body);
        return lum(s.backgroundColor) < lum(s.color); }"""
    )
    assert serious(page) == []


def test_forced_colours_show_focus_and_the_chosen_option(signed_in, live_server):
    page = signed_in
    page.emulate_media(forced_colors="active")
    page.goto(f"{live_server.url}/today/")
    scale = "#id_anxiety"
    page.locator(f"{scale} label", has_text="4").first.click()
    page.keyboard.press(
        "ArrowRight"
    )  # a radio group moves by arrow keys: focus is the keyboard's now
    focused = page.locator(f"{scale} input[value='5'] + span")
    assert page.locator(f"{scale} input[value='5']").is_checked()
    outline = focused.evaluate(
        "(s) => [getComputedStyle(s).outlineStyle, parseFloat(getComputedStyle(s).outlineWidth)]"
    )
    assert outline[0] != "none" and outline[1] >= 2
    chosen = look(page, scale, "5")
    other = look(page, scale, "6")
    skip = look(page, scale, "")
    assert chosen["background"] != other["background"] or chosen["border"] != other["border"]
    assert skip["background"] == other["background"] and skip["border"] == other["border"]
