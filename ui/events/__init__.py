"""The «Мероприятия» tab: the calendar (month, week, list), participants and documents."""
