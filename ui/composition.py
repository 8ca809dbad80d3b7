"""What one module lends another, put together in one place for the main window.

The module packages under ui/ do not import each other: the pedagogue's card shows the
attestation and the events pages it is given here, and the ОО card edits the pupils by grade
with the editor of the literature module it is given here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from imc_desktop.services.staff.records import PersonCard
from imc_desktop.services.staff.rules import main_job
from ui.attestation.card_page import AttestationPage, AttestationPageContext
from ui.events.card_page import ParticipationPage
from ui.literature.grade_pupils import edit_grade_pupils
from ui.network.card_page import AssociationsPage
from ui.organizations.dialog import GradesEditor
from ui.staff.card import CardContext, CardPage, PersonDialog
from ui.widgets.people import PersonChoice


def participation_page(dialog: PersonDialog, _card: PersonCard, context: CardContext
                       ) -> tuple[QWidget, str]:
    """The events the pedagogue took part in."""
    return (ParticipationPage(context.participation, dialog),
            QCoreApplication.translate("PersonDialog", "Participation in events"))


def attestation_page(dialog: PersonDialog, card: PersonCard, context: CardContext
                     ) -> tuple[QWidget, str]:
    """The pedagogue's attestation; a decision saved there updates the card's category."""
    job = main_job(card.employments)
    person = PersonChoice(card.id, card.full_name, job.organization_id if job else "",
                          job.position if job else "") if card.id else None
    page = AttestationPage(AttestationPageContext(
        person, context.attestation, context.rules, context.organizations, context.today), dialog)
    page.statusChanged.connect(dialog.category_changed)
    return page, QCoreApplication.translate("PersonDialog", "Attestation")


def associations_page(dialog: PersonDialog, card: PersonCard, _context: CardContext
                      ) -> tuple[QWidget, str]:
    """The associations of the methodological network the pedagogue is a member of."""
    from imc_desktop.services.network.records import person_associations

    rows = person_associations(card.id) if card.id else []
    return (AssociationsPage(rows, dialog),
            QCoreApplication.translate("PersonDialog", "Associations"))


def journal_page(dialog: PersonDialog, card: PersonCard, _context: CardContext
                 ) -> tuple[QWidget, str]:
    """The consultations the pedagogue was given and his lessons that were observed."""
    from imc_desktop.services.methodist.records import person_journal
    from ui.methodist.card_page import JournalPage

    consultations, visits = person_journal(card.id) if card.id else ([], [])
    return (JournalPage(consultations, visits, dialog),
            QCoreApplication.translate("PersonDialog", "Consultations and visits"))


STAFF_CARD_PAGES: tuple[CardPage, ...] = (participation_page, associations_page,
                                          journal_page, attestation_page)
GRADES_EDITOR: GradesEditor = edit_grade_pupils
