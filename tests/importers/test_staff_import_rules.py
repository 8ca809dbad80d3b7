"""What the staff import reads from a row: education and whether it is pedagogical, sex."""

from __future__ import annotations

import pytest

from imc_desktop.services.staff.importing import check_staff_row, row_card

NAME = {"last_name": "Алиев", "first_name": "Рашид", "organization": "org-1",
        "position": "учитель"}


@pytest.mark.parametrize(("cell", "level", "pedagogical"), [
    ("высшее", "высшее", False),
    ("Высшее", "высшее", False),
    ("высшее педагогическое", "высшее", True),
    ("Высшее (педагогическое)", "высшее", True),
    ("высшее пед.", "высшее", True),
    ("высшее непедагогическое", "высшее", False),
    ("высшее не педагогическое", "высшее", False),
    ("высшее профессиональное", "высшее", False),
    ("СПО", "среднее профессиональное", False),
    ("среднее профессиональное педагогическое", "среднее профессиональное", True),
    ("среднее специальное, непедагогическое", "среднее профессиональное", False),
])
def test_the_education_cell_says_whether_it_is_pedagogical(cell: str, level: str,
                                                           pedagogical: bool) -> None:
    (education,) = row_card({**NAME, "middle_name": "Ильич", "education": cell}).educations
    assert (education.level, education.is_pedagogical) == (level, pedagogical)


@pytest.mark.parametrize(("middle", "cell", "sex"), [
    ("Ильич", "", "м"),
    ("Петрович", "", "м"),
    ("Петровна", "", "ж"),
    ("Ильинична", "", "ж"),
    ("Мамед оглы", "", "м"),
    ("Мамедоглы", "", "м"),
    ("Мамед-оглы", "", "м"),
    ("Гасан кызы", "", "ж"),
    ("Гасан гызы", "", "ж"),
    ("Гасанкызы", "", "ж"),
    ("Гасан кызы", "м", "м"),
    ("", "ж", "ж"),
    ("", "Мужской", "м"),
])
def test_sex_comes_from_the_cell_or_from_a_telling_patronymic(middle: str, cell: str,
                                                              sex: str) -> None:
    card = row_card({**NAME, "middle_name": middle, "sex": cell})
    assert card.sex == sex
    assert "sex" not in check_staff_row({**NAME, "middle_name": middle, "sex": cell})


@pytest.mark.parametrize(("middle", "fragment"), [
    ("", "отчества нет"),
    ("Джон", "по отчеству «Джон»"),
    ("Кызылбаев", "по отчеству «Кызылбаев»"),
])
def test_sex_is_not_guessed_from_a_missing_or_untelling_patronymic(middle: str,
                                                                   fragment: str) -> None:
    problems = check_staff_row({**NAME, "middle_name": middle})
    assert fragment in problems["sex"]
    assert "укажите «м» или «ж»" in problems["sex"]
