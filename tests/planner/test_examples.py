"""The example gallery is up to date and covers the people the rules were written for."""

from __future__ import annotations

from planner.examples import GALLERY_FILE, example_people, gallery_markdown


def test_the_gallery_file_is_up_to_date(library):
    written = GALLERY_FILE.read_text(encoding="utf-8")
    assert written == gallery_markdown(library), (
        "docs/example-plans.md is out of date: run `python -m planner examples`"
    )


def test_the_gallery_has_at_least_25_people_of_many_kinds(library):
    people = [p for _, p in example_people(library)]
    assert len(people) >= 25
    barriers = {b for p in people for b in p.barriers}
    assert {"recent_crisis", "money_worries", "housing_problems", "alcohol_or_drugs"} <= barriers
    assert {1, 2, 3, 4, 5} == {p.stage for p in people}
    assert {"england", "scotland", "wales", "northern_ireland"} == {p.nation for p in people}
