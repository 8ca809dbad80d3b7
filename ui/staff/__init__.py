"""The «Кадры» tab: the district's pedagogues, their card, courses for a cohort."""
