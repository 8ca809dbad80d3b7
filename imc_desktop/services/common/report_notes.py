"""What each report is for, in one line, and the module it belongs to: the reports dialog
groups the reports by module and says this under each one's title."""

from __future__ import annotations

from imc_desktop.services.common.reports import ReportDefinition

MODULES = ("organizations", "staff", "events", "attestation", "literature", "equipment",
           "network", "requests",
           "methodist")
"""The modules in the order of the main window's tabs."""

DESCRIPTIONS: dict[str, str] = {
    "organizations": "Список ОО района с типом, адресом, руководителем и контактами.",
    "staff-by-organization": "Педагоги ОО или всего района с выбранными столбцами.",
    "courses": "Кто и какие КПК прошёл за период, с часами и документами.",
    "kpk-due": "Педагоги, у которых срок КПК наступает в выбранном году.",
    "staff-stats": "Стаж, возраст, образование и категории педагогов по ОО на дату.",
    "events-plan": "План мероприятий ИМЦ на месяц или квартал с грифом «УТВЕРЖДАЮ».",
    "events-attendance": "Лист для подписей участников мероприятия.",
    "events-protocol": "Итоги конкурса: участники, результаты, номинации, баллы.",
    "events-summary": "Проведённые мероприятия за период и число участников по ОО.",
    "events-register": "Все выданные сертификаты и дипломы за год с номерами.",
    "attestation-plan": "Когда каждому педагогу предстоит аттестация, по годам.",
    "attestation-due": "Категории и сроки СЗД, истекающие в период, и уже просроченные.",
    "category-share": "Доля педагогов с высшей и первой категорией по ОО, с диаграммой.",
    "szd-submission": "Представление работодателя на аттестацию на СЗД (заполнить в Word).",
    "literature-waybill": "Накладная или акт по документу выдачи, возврата, передачи.",
    "literature-summary-book": "Поступление, выбытие и итоги движения фонда за период.",
    "literature-provision": "Обеспеченность обучающихся учебниками по ОО, классам, предметам.",
    "literature-exchange": "Излишки и нехватка учебников и предлагаемые передачи между ОО.",
    "equipment-card": "Инвентарная карточка учёта предмета по форме 0504031.",
    "equipment-transfer-act": "Акт о приёме-передаче оборудования по форме 0504101.",
    "equipment-write-off-act": "Акт о списании оборудования по форме 0504104.",
    "inventory-count-list": "Инвентаризационная опись по форме 0504087.",
    "inventory-discrepancies": "Ведомость расхождений по результатам инвентаризации (0504092).",
    "informatisation": "Компьютеры и другое оборудование ОО на дату, их средний возраст.",
    "network-order": "Проект приказа о методической сети на учебный год с приложением.",
    "network-plan": "План заседаний объединения на учебный год с грифом «УТВЕРЖДАЮ».",
    "network-protocol": "Протокол заседания: присутствовавшие, повестка, решения и сроки.",
    "network-annual": "Работа объединения за год: заседания, посещаемость по ОО, решения.",
    "network-summary": "Все объединения года и охват педагогов района по предметам.",
    "mentoring": "Пары наставничества по ОО и закрепляемость молодых специалистов.",
    "requests-journal": "Входящие запросы и исходящие ответы и сборы данных за период.",
    "collection-summary": "Ответы всех ОО на сбор данных одной таблицей, итоги, кто не ответил.",
    "methodist-consultations": "Консультации за период по методистам или вопросам, с итогами.",
    "methodist-visit": "Справка по итогам посещения урока или ОО (черновик в Word).",
    "methodist-month": "План и его выполнение, консультации, посещения, мероприятия за месяц.",
    "methodist-year": "То же за учебный год: что запланировано и сделано методистом.",
    "methodist-analysis": "Анализ работы ИМЦ за учебный год по данным всех модулей, "
                          "с прошлым годом рядом.",
}


def module_of(definition: ReportDefinition) -> str:
    """The module a report belongs to: the service package that registered it."""
    parts = definition.build.__module__.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["imc_desktop", "services"] else ""


def description(definition: ReportDefinition) -> str:
    return DESCRIPTIONS.get(definition.name, "")
