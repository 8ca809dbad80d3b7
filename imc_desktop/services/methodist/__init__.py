"""The methodist's journal: consultations, visits to ОО, lesson observations, month plans."""
