<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActionForm</name>
    <message>
        <source>Fill this in.</source>
        <translation>Заполните поле.</translation>
    </message>
</context>
<context>
    <name>ActsPage</name>
    <message>
        <source>Acts</source>
        <translation>Акты</translation>
    </message>
    <message>
        <source>Show the act</source>
        <translation>Показать акт</translation>
    </message>
    <message>
        <source>Confirm the write-off</source>
        <translation>Утвердить списание</translation>
    </message>
    <message>
        <source>Withdraw the write-off act</source>
        <translation>Отозвать акт о списании</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Акт</translation>
    </message>
    <message>
        <source>An act is drawn up from the items: select them on «Items» and move or write them off.</source>
        <translation>Акт составляется из списка оборудования: выделите предметы на вкладке «Оборудование» и переместите или спишите их.</translation>
    </message>
    <message>
        <source>Basis (order)…</source>
        <translation>Основание (приказ)…</translation>
    </message>
    <message>
        <source>The number and date of the order the act is drawn up by, printed on the act as «Основание»</source>
        <translation>Номер и дата приказа, по которому составлен акт; печатается в акте как «Основание»</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Единиц</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Утверждён</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Basis (order)</source>
        <translation>Основание (приказ)</translation>
    </message>
    <message>
        <source>Choose an act.</source>
        <translation>Выберите акт.</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>Списание</translation>
    </message>
    <message>
        <source>Choose a write-off act that is not confirmed yet.</source>
        <translation>Выберите неутверждённый акт о списании.</translation>
    </message>
    <message>
        <source>Confirm act No. %1? Its %2 item(s) become written off.</source>
        <translation>Утвердить акт № %1? Оборудование по акту (%2 ед.) станет списанным.</translation>
    </message>
    <message>
        <source>Only a write-off act that is not confirmed can be withdrawn.</source>
        <translation>Отозвать можно только неутверждённый акт о списании.</translation>
    </message>
    <message numerus="yes">
        <source>Withdraw %n act(s)? The items get their former status back.</source>
        <translation>
            <numerusform>Отозвать %n акт? Оборудованию вернётся прежнее состояние.</numerusform>
            <numerusform>Отозвать %n акта? Оборудованию вернётся прежнее состояние.</numerusform>
            <numerusform>Отозвать %n актов? Оборудованию вернётся прежнее состояние.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdmissionDialog</name>
    <message>
        <source>Workstation admission</source>
        <translation>Допуск рабочих мест</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Допустить</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Workstations waiting for admission:</source>
        <translation>Рабочие места, ожидающие допуска:</translation>
    </message>
    <message>
        <source>This computer is admitted to the synchronisation (its code: %1). Admit a new workstation only when the code shown on it is the code in this list.</source>
        <translation>Этот компьютер допущен к синхронизации (его код: %1). Допускайте новое рабочее место, только если код, показанный на нём, совпадает с кодом в этом списке.</translation>
    </message>
    <message>
        <source>This computer is waiting for admission. Its verification code: %1. On a computer already admitted, a methodist compares this code with the one listed there and admits this one.</source>
        <translation>Этот компьютер ожидает допуска. Его код проверки: %1. На компьютере, уже допущенном к синхронизации, методист сравнивает этот код с кодом в списке и допускает этот компьютер.</translation>
    </message>
    <message>
        <source>Refuse the workstation «%1»? Its changes will not be applied on any computer.</source>
        <translation>Отклонить рабочее место «%1»? Его изменения не будут применены ни на одном компьютере.</translation>
    </message>
    <message>
        <source>Type the verification code shown on the workstation «%1» (it must be the code in the list):</source>
        <translation>Введите код проверки, показанный на рабочем месте «%1» (он должен совпасть с кодом в списке):</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>IMC Desktop</source>
        <translation>ИМЦ — рабочее место методиста</translation>
    </message>
    <message>
        <source>No backup of this database was found. Restore it from a copy you keep elsewhere (File → Restore from backup) or ask your administrator.</source>
        <translation>Резервная копия этой базы не найдена. Восстановите её из копии, которую вы храните отдельно (Файл → Восстановить из копии), или обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The database %1 is being changed by an imc-desktop command (a sync, a restore or an import). Try again when it has finished.</source>
        <translation>Базу %1 сейчас меняет команда imc-desktop (синхронизация, восстановление или импорт). Повторите, когда она закончит.</translation>
    </message>
    <message>
        <source>No right to write in the folder %1: the program needs it to open the database. Check the rights or choose another data folder.</source>
        <translation>Нет прав на запись в папку %1: без них программа не может открыть базу данных. Проверьте права или выберите другую папку данных.</translation>
    </message>
    <message>
        <source>Cannot create a file beside the database in %1 (the disk may be full or unreachable). Nothing was changed.</source>
        <translation>Не удалось создать файл рядом с базой данных в папке %1 (диск заполнен или недоступен). Ничего не изменено.</translation>
    </message>
    <message>
        <source>The database file cannot be opened: %1</source>
        <translation>Файл базы данных не открывается: %1</translation>
    </message>
    <message>
        <source>The database %1 is already open in another window of the program.</source>
        <translation>База данных %1 уже открыта в другом окне программы.</translation>
    </message>
    <message>
        <source>Filling the demo database…</source>
        <translation>Заполнение демонстрационной базы…</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Save your values over them? (No keeps the other values; reopen the card to see them.)</source>
        <translation>Записать ваши значения поверх них? («Нет» оставит чужие значения; откройте карточку снова, чтобы их увидеть.)</translation>
    </message>
</context>
<context>
    <name>AssociationCardDialog</name>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Plan for the year…</source>
        <translation>План работы…</translation>
    </message>
    <message>
        <source>Year&apos;s report…</source>
        <translation>Отчёт за год…</translation>
    </message>
    <message>
        <source>Add members…</source>
        <translation>Добавить участников…</translation>
    </message>
    <message>
        <source>Left today</source>
        <translation>Выбыл сегодня</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Исключить</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Plan a meeting…</source>
        <translation>Запланировать заседание…</translation>
    </message>
    <message>
        <source>Take in a calendar event…</source>
        <translation>Взять из календаря…</translation>
    </message>
    <message>
        <source>Open, protocol…</source>
        <translation>Открыть, протокол…</translation>
    </message>
    <message>
        <source>Print the protocol…</source>
        <translation>Печать протокола…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Plan and protocols</source>
        <translation>План и протоколы</translation>
    </message>
    <message>
        <source>Add a decision…</source>
        <translation>Добавить решение…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>Выполнено сегодня</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Вступил</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Выбыл</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Event status</source>
        <translation>Статус мероприятия</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Присутствовали</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>№ %1</translation>
    </message>
    <message>
        <source>written</source>
        <translation>есть</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation>Руководитель: %1</translation>
    </message>
    <message>
        <source>Curator: %1</source>
        <translation>Куратор: %1</translation>
    </message>
    <message>
        <source>Theme of the year: %1</source>
        <translation>Тема года: %1</translation>
    </message>
    <message>
        <source>Select a meeting of the plan first.</source>
        <translation>Сначала выберите заседание в плане.</translation>
    </message>
    <message>
        <source>Association not saved</source>
        <translation>Объединение не сохранено</translation>
    </message>
    <message>
        <source>Members not added</source>
        <translation>Участники не добавлены</translation>
    </message>
    <message>
        <source>Already members</source>
        <translation>Уже участники</translation>
    </message>
    <message>
        <source>Already members of the association, not added again:</source>
        <translation>Уже состоят в объединении, повторно не добавлены:</translation>
    </message>
    <message>
        <source>Member not changed</source>
        <translation>Участник не изменён</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Исключить участников</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from the association? (To keep the history, mark them as left instead.)</source>
        <translation>
            <numerusform>Исключить %n участника из объединения? (Чтобы сохранить историю, лучше отметьте выбытие.)</numerusform>
            <numerusform>Исключить %n участников из объединения? (Чтобы сохранить историю, лучше отметьте выбытие.)</numerusform>
            <numerusform>Исключить %n участников из объединения? (Чтобы сохранить историю, лучше отметьте выбытие.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Members not removed</source>
        <translation>Участники не исключены</translation>
    </message>
    <message>
        <source>Meeting not planned</source>
        <translation>Заседание не запланировано</translation>
    </message>
    <message>
        <source>Event not taken in</source>
        <translation>Мероприятие не взято в план</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Нет мероприятий</translation>
    </message>
    <message>
        <source>The calendar has no «заседание РМО» of this academic year that is not in a plan yet.</source>
        <translation>В календаре нет заседаний РМО этого учебного года, ещё не включённых в план.</translation>
    </message>
    <message>
        <source>Take in an event</source>
        <translation>Взять мероприятие из календаря</translation>
    </message>
    <message>
        <source>Meeting of the calendar:</source>
        <translation>Заседание из календаря:</translation>
    </message>
    <message>
        <source>Meeting not saved</source>
        <translation>Заседание не сохранено</translation>
    </message>
    <message>
        <source>Delete meetings</source>
        <translation>Удалить заседания</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n meeting(s) from the plan with their protocols and decisions? Their events stay in the calendar.</source>
        <translation>
            <numerusform>Удалить %n заседание из плана вместе с протоколом и решениями? Мероприятие останется в календаре.</numerusform>
            <numerusform>Удалить %n заседания из плана вместе с протоколами и решениями? Мероприятия останутся в календаре.</numerusform>
            <numerusform>Удалить %n заседаний из плана вместе с протоколами и решениями? Мероприятия останутся в календаре.</numerusform>
        </translation>
    </message>
    <message>
        <source>Meetings not deleted</source>
        <translation>Заседания не удалены</translation>
    </message>
    <message>
        <source>No meetings</source>
        <translation>Нет заседаний</translation>
    </message>
    <message>
        <source>Plan a meeting first: a decision belongs to a meeting.</source>
        <translation>Сначала запланируйте заседание: решение принимается на заседании.</translation>
    </message>
    <message>
        <source>Decision not saved</source>
        <translation>Решение не сохранено</translation>
    </message>
    <message>
        <source>Decisions not marked</source>
        <translation>Решения не отмечены</translation>
    </message>
    <message>
        <source>Delete decisions</source>
        <translation>Удалить решения</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n decision(s)?</source>
        <translation>
            <numerusform>Удалить %n решение?</numerusform>
            <numerusform>Удалить %n решения?</numerusform>
            <numerusform>Удалить %n решений?</numerusform>
        </translation>
    </message>
    <message>
        <source>Decisions not deleted</source>
        <translation>Решения не удалены</translation>
    </message>
</context>
<context>
    <name>AssociationDialog</name>
    <message>
        <source>New association</source>
        <translation>Новое объединение</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Subject or direction</source>
        <translation>Предмет или направление</translation>
    </message>
    <message>
        <source>Level of education</source>
        <translation>Уровень образования</translation>
    </message>
    <message>
        <source>Academic year (its first year)</source>
        <translation>Учебный год (год начала)</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Curator (a methodist of the IMC)</source>
        <translation>Куратор (методист ИМЦ)</translation>
    </message>
    <message>
        <source>Theme of the year</source>
        <translation>Тема года</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
</context>
<context>
    <name>AssociationsPage</name>
    <message>
        <source>Academic year</source>
        <translation>Учебный год</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Вступил</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Выбыл</translation>
    </message>
    <message>
        <source>Members are added on the «Methodological network» tab.</source>
        <translation>Участники добавляются на вкладке «Методическая сеть».</translation>
    </message>
</context>
<context>
    <name>AttestationDialog</name>
    <message>
        <source>Attestation record</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>New attestation record</source>
        <translation>Новая запись об аттестации</translation>
    </message>
    <message>
        <source>Pedagogue</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>Дата заявления</translation>
    </message>
    <message>
        <source>Attestation start</source>
        <translation>Начало аттестации</translation>
    </message>
    <message>
        <source>The date the commission set: the attestation lasts at most 60 days from it</source>
        <translation>Дата, установленная комиссией: аттестация длится не более 60 дней с неё</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Способ подачи</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>Order No.</source>
        <translation>Приказ №</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Дата приказа</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Кем издан</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>empty: by the rules</source>
        <translation>пусто — по правилам</translation>
    </message>
    <message>
        <source>Simplified procedure</source>
        <translation>Упрощённая процедура</translation>
    </message>
    <message>
        <source>Basis (award, title)</source>
        <translation>Основание (награда, звание)</translation>
    </message>
    <message>
        <source>Save the record anyway?</source>
        <translation>Всё равно сохранить запись?</translation>
    </message>
    <message>
        <source>Attestation record not saved</source>
        <translation>Запись об аттестации не сохранена</translation>
    </message>
</context>
<context>
    <name>AttestationPage</name>
    <message>
        <source>Save the card to keep the pedagogue&apos;s attestation.</source>
        <translation>Сохраните карточку, чтобы вести аттестацию педагога.</translation>
    </message>
    <message>
        <source>Attestation records</source>
        <translation>Записи об аттестации</translation>
    </message>
    <message>
        <source>Leave periods that postpone the SZD</source>
        <translation>Периоды, откладывающие аттестацию на СЗД</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>Дата заявления</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>Order No.</source>
        <translation>Приказ №</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Category: none</source>
        <translation>Категория: нет</translation>
    </message>
    <message>
        <source>Category: %1, valid until %2</source>
        <translation>Категория: %1, действует до %2</translation>
    </message>
    <message>
        <source>Category: %1, without a term</source>
        <translation>Категория: %1, бессрочно</translation>
    </message>
    <message>
        <source>Next date: %1 (%2)</source>
        <translation>Следующий срок: %1 (%2)</translation>
    </message>
    <message>
        <source>Next date: none (%2)</source>
        <translation>Следующий срок: нет (%2)</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>Delete attestation record</source>
        <translation>Удаление записи об аттестации</translation>
    </message>
    <message>
        <source>Delete the record «%1»? It is deleted when the card is saved.</source>
        <translation>Удалить запись «%1»? Она будет удалена при сохранении карточки.</translation>
    </message>
    <message>
        <source>Delete leave period</source>
        <translation>Удаление периода</translation>
    </message>
    <message>
        <source>Delete the period «%1»?</source>
        <translation>Удалить период «%1»?</translation>
    </message>
</context>
<context>
    <name>AttestationTab</name>
    <message>
        <source>Attestation</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Заявления</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>Дата заявления</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Attestation start</source>
        <translation>Начало аттестации</translation>
    </message>
    <message>
        <source>Consider by</source>
        <translation>Рассмотреть до</translation>
    </message>
    <message>
        <source>Attestation by</source>
        <translation>Аттестация до</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>Новое заявление…</translation>
    </message>
    <message>
        <source>Record the decision…</source>
        <translation>Принять решение…</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>Order No.</source>
        <translation>Приказ №</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Дата приказа</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>Упрощённая</translation>
    </message>
    <message>
        <source>Attestation history</source>
        <translation>История аттестации</translation>
    </message>
    <message>
        <source>The record is not found: perhaps it was deleted.</source>
        <translation>Запись не найдена: возможно, её удалили.</translation>
    </message>
    <message>
        <source>Delete attestation records</source>
        <translation>Удаление записей об аттестации</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n attestation record(s)?</source>
        <translation>
            <numerusform>Удалить %n запись об аттестации?</numerusform>
            <numerusform>Удалить %n записи об аттестации?</numerusform>
            <numerusform>Удалить %n записей об аттестации?</numerusform>
        </translation>
    </message>
    <message>
        <source>Attestation record not deleted</source>
        <translation>Запись об аттестации не удалена</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Лиц</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>AwardForm</name>
    <message>
        <source>Award</source>
        <translation>Награда</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Awarded on</source>
        <translation>Дата награждения</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
</context>
<context>
    <name>BalancesPage</name>
    <message>
        <source>All holders</source>
        <translation>Все держатели</translation>
    </message>
    <message>
        <source>Past «use until» only</source>
        <translation>Только с истёкшим «использовать до»</translation>
    </message>
    <message>
        <source>Literature balances</source>
        <translation>Остатки литературы</translation>
    </message>
    <message>
        <source>The balances are counted from the documents: receive, transfer or write off copies on «Documents».</source>
        <translation>Остатки складываются из документов: приход, передачу или списание оформляют на вкладке «Документы».</translation>
    </message>
    <message>
        <source>On</source>
        <translation>На</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Держатель</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Классы</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Экз.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>FPU status</source>
        <translation>Статус ФПУ</translation>
    </message>
    <message>
        <source>Use until</source>
        <translation>Использовать до</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
</context>
<context>
    <name>BasisDialog</name>
    <message>
        <source>Basis of act No. %1</source>
        <translation>Основание акта № %1</translation>
    </message>
</context>
<context>
    <name>BulkForm</name>
    <message>
        <source>Add in bulk</source>
        <translation>Добавить группой</translation>
    </message>
    <message>
        <source>any organization</source>
        <translation>любая ОО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
</context>
<context>
    <name>CardColumns</name>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Kind of job</source>
        <translation>Вид занятости</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Ставка</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Предметы</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Принят</translation>
    </message>
    <message>
        <source>Appointed</source>
        <translation>Назначен</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Уволен</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Pedagogical</source>
        <translation>Педагогическое</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Учебное заведение</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Speciality</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Квалификация</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Лет</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Месяцев</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>На дату</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Кто проводил</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часов</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Length of service</source>
        <translation>Стаж</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Курсы</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>Награды</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Журнал изменений</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Category date</source>
        <translation>Дата категории</translation>
    </message>
    <message>
        <source>Academic degree</source>
        <translation>Учёная степень</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Literature catalogue</source>
        <translation>Каталог литературы</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>Все предметы</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>Все классы</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>%1 класс</translation>
    </message>
    <message>
        <source>Any FPU status</source>
        <translation>Любой статус ФПУ</translation>
    </message>
    <message>
        <source>Import the federal list (FPU)…</source>
        <translation>Импорт ФПУ из Excel…</translation>
    </message>
    <message>
        <source>Import titles and balances…</source>
        <translation>Импорт изданий и остатков…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Классы</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <source>FPU No.</source>
        <translation>№ ФПУ</translation>
    </message>
    <message>
        <source>FPU status</source>
        <translation>Статус ФПУ</translation>
    </message>
    <message>
        <source>Use until</source>
        <translation>Использовать до</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Title not saved</source>
        <translation>Издание не сохранено</translation>
    </message>
    <message>
        <source>Delete titles</source>
        <translation>Удаление изданий</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n title(s)?</source>
        <translation>
            <numerusform>Удалить %n издание?</numerusform>
            <numerusform>Удалить %n издания?</numerusform>
            <numerusform>Удалить %n изданий?</numerusform>
        </translation>
    </message>
    <message>
        <source>Title not deleted</source>
        <translation>Издание не удалено</translation>
    </message>
</context>
<context>
    <name>ChangeLogPage</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Было → стало</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Изменений пока нет.</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>Type a number, for example 1 or 0,5.</source>
        <translation>Введите число, например 1 или 0,5.</translation>
    </message>
</context>
<context>
    <name>ChildTablePage</name>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>CohortCourseDialog</name>
    <message numerus="yes">
        <source>Courses for %n pedagogue(s)</source>
        <translation>
            <numerusform>Курсы для %n педагога</numerusform>
            <numerusform>Курсы для %n педагогов</numerusform>
            <numerusform>Курсы для %n педагогов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> и ещё %n</numerusform>
            <numerusform> и ещё %n</numerusform>
            <numerusform> и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The course is added to the card of each: %1</source>
        <translation>Курсы будут добавлены в карточку каждого: %1</translation>
    </message>
</context>
<context>
    <name>CollectionCard</name>
    <message>
        <source>Data collection: %1</source>
        <translation>Сбор данных: %1</translation>
    </message>
    <message>
        <source>Answers of the ОО</source>
        <translation>Ответы ОО</translation>
    </message>
    <message>
        <source>Only the ОО that have not answered</source>
        <translation>Только не ответившие ОО</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Prepare blanks…</source>
        <translation>Подготовить бланки…</translation>
    </message>
    <message>
        <source>Read answers…</source>
        <translation>Загрузить ответы…</translation>
    </message>
    <message>
        <source>Read a folder…</source>
        <translation>Загрузить из папки…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Return for rework…</source>
        <translation>Вернуть на доработку…</translation>
    </message>
    <message>
        <source>Reminder…</source>
        <translation>Напоминание…</translation>
    </message>
    <message>
        <source>Summary…</source>
        <translation>Сводная…</translation>
    </message>
    <message>
        <source>Drop the returned .xlsx files on this window to read them.</source>
        <translation>Перетащите присланные файлы .xlsx в это окно, чтобы загрузить их.</translation>
    </message>
    <message>
        <source>ОО</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — просрочено</translation>
    </message>
    <message>
        <source> — due soon</source>
        <translation> — срок скоро</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Deadline: %2%3. Table: %4, template version %5. Answered: %6 of %7.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Срок: %2%3. Таблица: %4, версия шаблона %5. Ответили: %6 из %7.</translation>
    </message>
    <message>
        <source>Folder for the blanks</source>
        <translation>Папка для бланков</translation>
    </message>
    <message>
        <source>Preparing the blanks…</source>
        <translation>Подготовка бланков…</translation>
    </message>
    <message>
        <source>Blanks</source>
        <translation>Бланки</translation>
    </message>
    <message>
        <source>Files prepared: %1
Folder: %2</source>
        <translation>Подготовлено файлов: %1
Папка: %2</translation>
    </message>
    <message>
        <source>Returned files</source>
        <translation>Присланные файлы</translation>
    </message>
    <message>
        <source>Folder with the returned files</source>
        <translation>Папка с присланными файлами</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>No .xlsx files were chosen.</source>
        <translation>Не выбрано ни одного файла .xlsx.</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Загрузка ответов…</translation>
    </message>
    <message>
        <source>Files taken: %1 of %2.</source>
        <translation>Принято файлов: %1 из %2.</translation>
    </message>
    <message>
        <source>Not taken (nothing from them was written):</source>
        <translation>Не приняты (из них ничего не записано):</translation>
    </message>
    <message>
        <source>Answers read</source>
        <translation>Ответы загружены</translation>
    </message>
    <message>
        <source>Select received answers to accept.</source>
        <translation>Выделите полученные ответы, которые нужно принять.</translation>
    </message>
    <message>
        <source>Return for rework</source>
        <translation>Вернуть на доработку</translation>
    </message>
    <message>
        <source>What must the ОО correct?</source>
        <translation>Что ОО должна исправить?</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Every ОО has answered.</source>
        <translation>Ответили все ОО.</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Сохранить сводную</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводная</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <source>Data collection from the schools</source>
        <translation>Сбор данных от ОО</translation>
    </message>
    <message>
        <source>(no request)</source>
        <translation>(без запроса)</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Добавить столбец</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>In answer to</source>
        <translation>По запросу</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Type of ОО</source>
        <translation>Тип ОО</translation>
    </message>
    <message>
        <source>Chosen ОО</source>
        <translation>Выбранные ОО</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <source>Pre-fill with</source>
        <translation>Заполнить списком</translation>
    </message>
    <message>
        <source>Template columns</source>
        <translation>Столбцы шаблона</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
</context>
<context>
    <name>ColumnChooserDialog</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Tick the columns to show; drag them to change their order.</source>
        <translation>Отметьте столбцы, которые нужно показывать; перетащите их, чтобы изменить порядок.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Конфликты синхронизации</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Restore the other value</source>
        <translation>Восстановить другое значение</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>Оставленное значение</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Другое значение</translation>
    </message>
    <message>
        <source>Kept from</source>
        <translation>Оставлено с места</translation>
    </message>
    <message>
        <source>Kept, when</source>
        <translation>Оставлено, когда</translation>
    </message>
    <message>
        <source>Other from</source>
        <translation>Другое с места</translation>
    </message>
    <message>
        <source>Other, when</source>
        <translation>Другое, когда</translation>
    </message>
    <message>
        <source>Select a conflict first.</source>
        <translation>Сначала выберите конфликт.</translation>
    </message>
    <message>
        <source>Restore the other value of the field «%1» of the record «%2» (%3)?</source>
        <translation>Восстановить другое значение поля «%1» записи «%2» (%3)?</translation>
    </message>
    <message>
        <source>Restore the other value in the selected conflicts (%1)?</source>
        <translation>Восстановить другое значение в выбранных конфликтах (%1)?</translation>
    </message>
    <message>
        <source>The kept value is replaced on every workstation after the next sync. A deleted record comes back together with its deleted linked records.</source>
        <translation>Оставленное значение будет заменено на всех рабочих местах после следующей синхронизации. Удалённая запись вернётся вместе со связанными с ней удалёнными записями.</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>Pedagogue&apos;s name, or whom in words</source>
        <translation>ФИО педагога или кому — словами</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Участников</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минут</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New (Esc)</source>
        <translation>Новая запись (Esc)</translation>
    </message>
    <message>
        <source>Date: type it as dd.mm.yyyy.</source>
        <translation>Дата: введите как дд.мм.гггг.</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>Новая консультация</translation>
    </message>
    <message>
        <source>Changing the consultation of %1 (Esc: a new one)</source>
        <translation>Изменение консультации от %1 (Esc — новая)</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Consultation</source>
        <translation>Консультация</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультации</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Участников</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минут</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Delete consultations</source>
        <translation>Удаление консультаций</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n consultation(s)?</source>
        <translation>
            <numerusform>Удалить %n консультацию?</numerusform>
            <numerusform>Удалить %n консультации?</numerusform>
            <numerusform>Удалить %n консультаций?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountingPage</name>
    <message>
        <source>Inventory counts</source>
        <translation>Инвентаризации</translation>
    </message>
    <message>
        <source>Start a count…</source>
        <translation>Начать инвентаризацию…</translation>
    </message>
    <message>
        <source>Inventory list</source>
        <translation>Опись</translation>
    </message>
    <message>
        <source>Discrepancy list</source>
        <translation>Ведомость расхождений</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начата</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Окончена</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>По учёту</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>В наличии</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Недостача</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Излишки</translation>
    </message>
    <message>
        <source>Inventory count</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Choose a count in the list.</source>
        <translation>Выберите инвентаризацию в списке.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n count(s) with their lines?</source>
        <translation>
            <numerusform>Удалить %n инвентаризацию со всеми строками?</numerusform>
            <numerusform>Удалить %n инвентаризации со всеми строками?</numerusform>
            <numerusform>Удалить %n инвентаризаций со всеми строками?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseForm</name>
    <message>
        <source>Course</source>
        <translation>Курсы</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>ПК: qualification course; ПП: professional retraining</source>
        <translation>ПК — повышение квалификации; ПП — профессиональная переподготовка</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Организация, проводившая курсы</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часов</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Регистрационный номер</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <source>Shorter than the usual %1 hours: allowed, but check the document.</source>
        <translation>Меньше обычных %1 ч: допустимо, но проверьте документ.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Unexpected error. What was saved before it is not lost; the operation that failed may not have been completed.</source>
        <translation>Непредвиденная ошибка. Сохранённое до неё не потеряно; действие, во время которого она произошла, могло не завершиться.</translation>
    </message>
    <message>
        <source>The details are in the file %1: send it to your administrator.</source>
        <translation>Подробности записаны в файл %1: отправьте его администратору.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Today&apos;s backup copy was not made (%1). The data are not affected. Check the free space and the rights of the folder %2.</source>
        <translation>Сегодняшняя резервная копия не сделана (%1). Данные не затронуты. Проверьте свободное место и права на папку %2.</translation>
    </message>
    <message>
        <source>No backup copy today: see the message</source>
        <translation>Резервной копии за сегодня нет: см. сообщение</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <source>Choose on the calendar</source>
        <translation>Выбрать в календаре</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>Attestation deadlines</source>
        <translation>Сроки аттестации</translation>
    </message>
    <message>
        <source>The deadlines are counted from the attestation history: open a line to file an application, or add one on «Applications».</source>
        <translation>Сроки рассчитываются по истории аттестации: откройте строку, чтобы записать заявление, или добавьте его на вкладке «Заявления».</translation>
    </message>
    <message>
        <source>The deadlines are counted from the attestation history; they go when a decision is recorded.</source>
        <translation>Сроки рассчитываются по истории аттестации и уходят, когда записано решение.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>File an application…</source>
        <translation>Создать заявление…</translation>
    </message>
    <message>
        <source>Mark a leave…</source>
        <translation>Отметить отпуск…</translation>
    </message>
    <message>
        <source>A leave period of the pedagogue of the selected line (maternity, parental leave, sickness): it postpones the SZD</source>
        <translation>Период отпуска педагога выделенной строки (по беременности и родам, по уходу за ребёнком, болезнь): он откладывает аттестацию на СЗД</translation>
    </message>
    <message>
        <source>Summary by organization</source>
        <translation>Сводка по ОО</translation>
    </message>
    <message>
        <source>How many lines each organization has, overdue and within 30 days</source>
        <translation>Сколько строк у каждой ОО, из них просрочено и в ближайшие 30 дней</translation>
    </message>
    <message>
        <source>In all</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>≤ 30 days</source>
        <translation>≤ 30 дн.</translation>
    </message>
    <message>
        <source>Double-click an organization to show its lines</source>
        <translation>Двойной щелчок по ОО показывает только её строки</translation>
    </message>
    <message>
        <source>Leave period</source>
        <translation>Период отпуска или болезни</translation>
    </message>
    <message>
        <source>Select a pedagogue&apos;s line first.</source>
        <translation>Сначала выделите строку педагога.</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message>
        <source>own period</source>
        <translation>свой период</translation>
    </message>
    <message>
        <source>Show what falls due up to this date</source>
        <translation>Показать сроки до этой даты</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>Все ОО</translation>
    </message>
    <message>
        <source>Categories and SZD</source>
        <translation>Категории и СЗД</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>SZD</source>
        <translation>СЗД</translation>
    </message>
    <message>
        <source>All positions</source>
        <translation>Все должности</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнено</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>The document is posted: it cannot be changed. To correct it, unpost it first («Unpost»), or make a new document.</source>
        <translation>Документ проведён и не меняется. Чтобы исправить его, сначала отмените проведение («Отменить проведение») или оформите новый документ.</translation>
    </message>
    <message>
        <source>assigned on saving</source>
        <translation>присваивается при сохранении</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Supplier&apos;s waybill No.</source>
        <translation>№ накладной поставщика</translation>
    </message>
    <message>
        <source>Supplier&apos;s waybill date</source>
        <translation>Дата накладной поставщика</translation>
    </message>
    <message>
        <source>Reason for write-off</source>
        <translation>Причина списания</translation>
    </message>
    <message>
        <source>Write-off act No.</source>
        <translation>№ акта списания</translation>
    </message>
    <message>
        <source>Return by (temporary transfer)</source>
        <translation>Вернуть до (временная передача)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Title, author or ISBN — Enter adds a line</source>
        <translation>Название, автор или ISBN — Enter добавляет строку</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Провести</translation>
    </message>
    <message>
        <source>Unpost</source>
        <translation>Отменить проведение</translation>
    </message>
    <message>
        <source>Bring back…</source>
        <translation>Оформить возврат…</translation>
    </message>
    <message>
        <source>Make a draft that brings this temporary transfer back</source>
        <translation>Создать черновик возврата этой временной передачи</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the draft (Ctrl+S)</source>
        <translation>Сохранить черновик (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and post the document (Ctrl+Enter)</source>
        <translation>Сохранить и провести документ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>проведён</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>Total: %1 copies, %2 roubles</source>
        <translation>Итого: %1 экз. на сумму %2 руб.</translation>
    </message>
    <message>
        <source>Not a date: «%1». Type it as dd.mm.yyyy.</source>
        <translation>Это не дата: «%1». Введите дату в виде дд.мм.гггг.</translation>
    </message>
    <message>
        <source>Title not found</source>
        <translation>Издание не найдено</translation>
    </message>
    <message>
        <source>No single title matches «%1». Type more of the title or the full ISBN.</source>
        <translation>Под «%1» не подходит ровно одно издание. Введите название подробнее или ISBN полностью.</translation>
    </message>
    <message>
        <source>Document not saved</source>
        <translation>Документ не сохранён</translation>
    </message>
    <message>
        <source>Document not posted</source>
        <translation>Документ не проведён</translation>
    </message>
    <message>
        <source>Excluded textbooks</source>
        <translation>Исключённые учебники</translation>
    </message>
    <message>
        <source>These titles are excluded from the federal list of textbooks or past their last day of use:

%1

Post the document anyway?</source>
        <translation>Эти издания исключены из федерального перечня учебников или их срок использования истёк:

%1

Всё равно провести документ?</translation>
    </message>
    <message>
        <source>Unpost document</source>
        <translation>Отмена проведения</translation>
    </message>
    <message>
        <source>Unpost the document? Its copies will no longer count in the balances.</source>
        <translation>Отменить проведение документа? Его экземпляры перестанут учитываться в остатках.</translation>
    </message>
    <message>
        <source>Document not unposted</source>
        <translation>Проведение не отменено</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The document has unsaved changes. Save the draft?</source>
        <translation>В документе есть несохранённые изменения. Сохранить черновик?</translation>
    </message>
</context>
<context>
    <name>DocumentsMenu</name>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Certificates (PDF)…</source>
        <translation>Сертификаты (PDF)…</translation>
    </message>
    <message>
        <source>Diplomas (PDF)…</source>
        <translation>Дипломы (PDF)…</translation>
    </message>
    <message>
        <source>Attendance sheet (Word)…</source>
        <translation>Явочный лист (Word)…</translation>
    </message>
    <message>
        <source>Contest results protocol (Word)…</source>
        <translation>Протокол итогов конкурса (Word)…</translation>
    </message>
    <message>
        <source>Plans and reports…</source>
        <translation>Планы и отчёты…</translation>
    </message>
    <message>
        <source>Export the shown events to iCalendar…</source>
        <translation>Выгрузить показанные мероприятия в iCalendar…</translation>
    </message>
    <message>
        <source>Import from iCalendar…</source>
        <translation>Загрузить из iCalendar…</translation>
    </message>
    <message>
        <source>Import events from Excel…</source>
        <translation>Загрузить мероприятия из Excel…</translation>
    </message>
    <message>
        <source>Import participants from Excel…</source>
        <translation>Загрузить участников из Excel…</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>Напоминания…</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Сначала выберите мероприятие.</translation>
    </message>
    <message>
        <source>Open it now?</source>
        <translation>Открыть его сейчас?</translation>
    </message>
    <message>
        <source>Save certificates</source>
        <translation>Сохранить сертификаты</translation>
    </message>
    <message>
        <source>Certificates were not written</source>
        <translation>Сертификаты не записаны</translation>
    </message>
    <message>
        <source>Pages written: %1. File: %2</source>
        <translation>Записано страниц: %1. Файл: %2</translation>
    </message>
    <message>
        <source>Export to iCalendar</source>
        <translation>Выгрузка в iCalendar</translation>
    </message>
    <message>
        <source>Events written: %1. File: %2</source>
        <translation>Записано мероприятий: %1. Файл: %2</translation>
    </message>
    <message>
        <source>Import from iCalendar</source>
        <translation>Загрузка из iCalendar</translation>
    </message>
    <message>
        <source>New events: %1; updated: %2.</source>
        <translation>Новых мероприятий: %1; обновлено: %2.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Literature documents</source>
        <translation>Документы по литературе</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Posted and drafts</source>
        <translation>Проведённые и черновики</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Проведён</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <source>Overdue returns</source>
        <translation>Просрочен возврат</translation>
    </message>
    <message>
        <source>Any organization</source>
        <translation>Любая ОО</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Экз.</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Return by</source>
        <translation>Вернуть до</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Not back</source>
        <translation>Не возвращено</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Delete documents</source>
        <translation>Удаление документов</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n draft document(s)?</source>
        <translation>
            <numerusform>Удалить %n черновик?</numerusform>
            <numerusform>Удалить %n черновика?</numerusform>
            <numerusform>Удалить %n черновиков?</numerusform>
        </translation>
    </message>
    <message>
        <source>Document not deleted</source>
        <translation>Документ не удалён</translation>
    </message>
</context>
<context>
    <name>EducationForm</name>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Pedagogical</source>
        <translation>Педагогическое</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Учебное заведение</translation>
    </message>
    <message>
        <source>Year of graduation</source>
        <translation>Год окончания</translation>
    </message>
    <message>
        <source>Speciality</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Квалификация</translation>
    </message>
</context>
<context>
    <name>EmploymentForm</name>
    <message>
        <source>Job</source>
        <translation>Место работы</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Kind of job</source>
        <translation>Вид занятости</translation>
    </message>
    <message>
        <source>Load (rate)</source>
        <translation>Нагрузка (ставка)</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Предметы</translation>
    </message>
    <message>
        <source>Several are separated by «;» or «,»</source>
        <translation>Несколько — через «;» или «,»</translation>
    </message>
    <message>
        <source>Hired on</source>
        <translation>Дата приёма</translation>
    </message>
    <message>
        <source>Appointed to the position on</source>
        <translation>Дата назначения на должность</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Дата увольнения</translation>
    </message>
</context>
<context>
    <name>EnterKeyDialog</name>
    <message>
        <source>Sync key</source>
        <translation>Ключ синхронизации</translation>
    </message>
    <message>
        <source>Type the ten words of the sync key as they were written down (case, the letter ё and hyphens do not matter).</source>
        <translation>Введите десять слов ключа синхронизации так, как они записаны (заглавные буквы, буква ё и дефисы значения не имеют).</translation>
    </message>
    <message>
        <source>Show the words</source>
        <translation>Показать слова</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Запомнить на этом компьютере</translation>
    </message>
</context>
<context>
    <name>EquipmentColumns</name>
    <message>
        <source>Inventory number</source>
        <extracomment>(attribute, title, kind, width, hidden) of the equipment list&apos;s columns.</extracomment>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Помещение</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Принят к учёту</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>Гарантия до</translation>
    </message>
    <message>
        <source>Materially responsible person</source>
        <translation>Материально ответственное лицо</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Производитель</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Заводской номер</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Источник финансирования</translation>
    </message>
    <message>
        <source>OKOF code</source>
        <translation>Код ОКОФ</translation>
    </message>
</context>
<context>
    <name>EquipmentTab</name>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>Duplicate numbers</source>
        <translation>Повторы номеров</translation>
    </message>
    <message>
        <source>Duplicates are found among the items: add an item on «Items».</source>
        <translation>Повторы находятся среди предметов: новый предмет добавляют на вкладке «Оборудование».</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Акты</translation>
    </message>
    <message>
        <source>Inventory count</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Informatisation</source>
        <translation>Информатизация</translation>
    </message>
    <message>
        <source>Items that share an inventory number (they came by import or synchronisation). Open one and give it its own number, or delete the one entered twice.</source>
        <translation>Оборудование с одинаковым инвентарным номером (пришло при импорте или синхронизации). Откройте карточку и присвойте свой номер или удалите запись, внесённую дважды.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Новое мероприятие</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Время начала</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Время окончания</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Весь день</translation>
    </message>
    <message>
        <source>Place: organization</source>
        <translation>Место: ОО</translation>
    </message>
    <message>
        <source>Place (room, address)</source>
        <translation>Место (кабинет, адрес)</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Организатор</translation>
    </message>
    <message>
        <source>Audience: positions</source>
        <translation>Для кого: должности</translation>
    </message>
    <message>
        <source>Audience: subjects</source>
        <translation>Для кого: предметы</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Places (empty: unlimited)</source>
        <translation>Мест (пусто — без ограничения)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Where and for whom</source>
        <translation>Где и для кого</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Повторять до</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Число повторений</translation>
    </message>
    <message>
        <source>Apply to the whole series (except occurrences changed alone)</source>
        <translation>Применить ко всей серии (кроме изменённых отдельно)</translation>
    </message>
    <message>
        <source>Participants…</source>
        <translation>Участники…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Save the event first.</source>
        <translation>Сначала сохраните мероприятие.</translation>
    </message>
    <message>
        <source>Give the start date.</source>
        <translation>Укажите дату начала.</translation>
    </message>
    <message>
        <source>Times are typed as hh:mm, e.g. 10:00.</source>
        <translation>Время вводится как чч:мм, например 10:00.</translation>
    </message>
    <message>
        <source>Place is taken</source>
        <translation>Место занято</translation>
    </message>
    <message>
        <source>At this place and time there is already:</source>
        <translation>В этом месте в это время уже есть:</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>Всё равно сохранить?</translation>
    </message>
    <message>
        <source>Event not saved</source>
        <translation>Мероприятие не сохранено</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>cancelled or moved</source>
        <translation>отменено или перенесено</translation>
    </message>
    <message>
        <source>The colours of the kinds of events</source>
        <translation>Цвета видов мероприятий</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Организатор</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>Results missing</source>
        <translation>Нет итогов</translation>
    </message>
    <message>
        <source>A new event in the calendar…</source>
        <translation>Новое мероприятие в календаре…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Participants…</source>
        <translation>Участники…</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Все мероприятия</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Place is taken</source>
        <translation>Место занято</translation>
    </message>
    <message>
        <source>At this place and time there is already:</source>
        <translation>В этом месте в это время уже есть:</translation>
    </message>
    <message>
        <source>Move anyway?</source>
        <translation>Всё равно перенести?</translation>
    </message>
    <message>
        <source>Event not moved</source>
        <translation>Мероприятие не перенесено</translation>
    </message>
    <message>
        <source>Delete events</source>
        <translation>Удаление мероприятий</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n event(s) with their participants?</source>
        <translation>
            <numerusform>Удалить %n мероприятие вместе с участниками?</numerusform>
            <numerusform>Удалить %n мероприятия вместе с участниками?</numerusform>
            <numerusform>Удалить %n мероприятий вместе с участниками?</numerusform>
        </translation>
    </message>
    <message>
        <source>Some of them repeat. Delete the whole series too?</source>
        <translation>Некоторые из них повторяются. Удалить и всю серию?</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Сначала выберите мероприятие.</translation>
    </message>
</context>
<context>
    <name>ExperienceForm</name>
    <message>
        <source>Length of service</source>
        <translation>Стаж</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Лет</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Месяцев</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>На дату</translation>
    </message>
</context>
<context>
    <name>ExperiencePage</name>
    <message>
        <source>Length of service on a date</source>
        <translation>Стаж на дату</translation>
    </message>
    <message>
        <source>On</source>
        <translation>На</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Общий</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>Педагогический</translation>
    </message>
    <message>
        <source>In the position</source>
        <translation>В должности</translation>
    </message>
    <message>
        <source>In the organization</source>
        <translation>В ОО</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>не известен</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Выбор файла</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) with a table: one row per record, column headings in the first rows.</source>
        <translation>Книга Excel (.xlsx) с таблицей: одна строка — одна запись, заголовки столбцов в первых строках.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Save a template…</source>
        <translation>Сохранить шаблон…</translation>
    </message>
    <message>
        <source>A workbook with these columns and one example row, to fill in</source>
        <translation>Книга Excel с этими столбцами и одной строкой-примером — для заполнения</translation>
    </message>
    <message>
        <source>Expected columns:</source>
        <translation>Ожидаемые столбцы:</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Книги Excel (*.xlsx);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Не удаётся прочитать файл</translation>
    </message>
    <message>
        <source>%1 (rows: %2)</source>
        <translation>%1 (строк: %2)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>all kinds</source>
        <translation>все виды</translation>
    </message>
    <message>
        <source>all organizers</source>
        <translation>все организаторы</translation>
    </message>
    <message>
        <source>all organizations</source>
        <translation>все ОО</translation>
    </message>
    <message>
        <source>any audience</source>
        <translation>любая аудитория</translation>
    </message>
    <message>
        <source>all statuses</source>
        <translation>все статусы</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Поиск (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>FirstJob</name>
    <message>
        <source>Main job</source>
        <translation>Основное место работы</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Load (rate)</source>
        <translation>Ставка</translation>
    </message>
    <message>
        <source>Type a number, for example 1 or 0,5.</source>
        <translation>Введите число, например 1 или 0,5.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Save the template</source>
        <translation>Сохранить шаблон</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Первый запуск</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>The database is empty. A few questions and the program is ready: the names below are printed in the reports&apos; headings (they can be changed later in Service → Settings).</source>
        <translation>База данных пуста. Несколько вопросов — и программа готова к работе: эти наименования печатаются в заголовках отчётов (их можно изменить позже в меню Сервис → Настройки).</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>Кто подписывает</translation>
    </message>
    <message>
        <source>The director signs the reports; the executor and the phone are printed at the bottom. Each can be left empty and filled in later.</source>
        <translation>Отчёты подписывает руководитель; исполнитель и его телефон печатаются внизу. Любое поле можно оставить пустым и заполнить позже.</translation>
    </message>
    <message>
        <source>Synchronisation (optional)</source>
        <translation>Синхронизация (необязательно)</translation>
    </message>
    <message>
        <source>When several methodists work on their own computers, choose the shared folder on the office network where their changes meet. Leave it empty to work alone.</source>
        <translation>Если методисты работают каждый на своём компьютере, укажите общую папку в сети учреждения, через которую они обмениваются изменениями. Оставьте поле пустым, если работаете одни.</translation>
    </message>
    <message>
        <source>Where the data come from</source>
        <translation>Откуда взять данные</translation>
    </message>
    <message>
        <source>Choose how to begin; everything can also be done later.</source>
        <translation>Выберите, с чего начать; всё это можно сделать и позже.</translation>
    </message>
    <message>
        <source>Load the ОО and the pedagogues from Excel</source>
        <translation>Загрузить ОО и педагогов из Excel</translation>
    </message>
    <message>
        <source>Open the demonstration database (a made-up district to try the program on)</source>
        <translation>Открыть демонстрационную базу (вымышленный район, чтобы попробовать программу)</translation>
    </message>
    <message>
        <source>Begin with an empty database</source>
        <translation>Начать с пустой базы</translation>
    </message>
    <message>
        <source>Template for the ОО…</source>
        <translation>Шаблон для ОО…</translation>
    </message>
    <message>
        <source>Template for the pedagogues…</source>
        <translation>Шаблон для педагогов…</translation>
    </message>
    <message>
        <source>A template is a workbook with the expected columns and one example row: fill it (or use your own table — the columns are matched by their headings). The ОО are loaded first, then the pedagogues.</source>
        <translation>Шаблон — книга Excel с нужными столбцами и одной строкой-примером: заполните его (или возьмите свою таблицу — столбцы сопоставляются по заголовкам). Сначала загружаются ОО, затем педагоги.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>Шаблон не сохранён: %1</translation>
    </message>
</context>
<context>
    <name>GradePupilsDialog</name>
    <message>
        <source>Pupils by grade — %1</source>
        <translation>Обучающиеся по классам — %1</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>%1 класс</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Всего: %1</translation>
    </message>
    <message>
        <source>Pupils not saved</source>
        <translation>Число обучающихся не сохранено</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Staff</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <source>Courses (KPK) overdue</source>
        <translation>КПК просрочены</translation>
    </message>
    <message>
        <source>Courses (KPK) due within 90 days</source>
        <translation>КПК нужны в ближайшие 90 дней</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>Category or SZD overdue</source>
        <translation>Сроки категории или СЗД прошли</translation>
    </message>
    <message>
        <source>Categories expire within 30 days</source>
        <translation>Категории истекают в ближайшие 30 дней</translation>
    </message>
    <message>
        <source>Categories expire within 90 days</source>
        <translation>Категории истекают в ближайшие 90 дней</translation>
    </message>
    <message>
        <source>SZD due within 30 days</source>
        <translation>СЗД в ближайшие 30 дней</translation>
    </message>
    <message>
        <source>SZD due within 90 days</source>
        <translation>СЗД в ближайшие 90 дней</translation>
    </message>
    <message>
        <source>Applications whose 30/60 days end this week</source>
        <translation>Заявления: 30/60 дней истекают на этой неделе</translation>
    </message>
    <message>
        <source>Applications past their 30/60 days</source>
        <translation>Заявления: 30/60 дней прошли</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>Events of the next days</source>
        <translation>Мероприятия ближайших дней</translation>
    </message>
    <message>
        <source>Past events without results</source>
        <translation>Прошедшие мероприятия без итогов</translation>
    </message>
    <message>
        <source>Literature</source>
        <translation>Литература</translation>
    </message>
    <message>
        <source>Temporary transfers not returned in time</source>
        <translation>Временные передачи не возвращены в срок</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>Write-off acts awaiting confirmation</source>
        <translation>Акты списания ждут утверждения</translation>
    </message>
    <message>
        <source>Items in repair over 30 days</source>
        <translation>В ремонте больше 30 дней</translation>
    </message>
    <message>
        <source>Methodological network</source>
        <translation>Методическая сеть</translation>
    </message>
    <message>
        <source>Decisions of meetings past their deadline</source>
        <translation>Решения заседаний с истёкшим сроком</translation>
    </message>
    <message>
        <source>Meetings held without a protocol</source>
        <translation>Проведённые заседания без протокола</translation>
    </message>
    <message>
        <source>Requests and monitorings</source>
        <translation>Запросы и мониторинги</translation>
    </message>
    <message>
        <source>Requests overdue</source>
        <translation>Запросы с истёкшим сроком</translation>
    </message>
    <message>
        <source>Requests due within 3 days</source>
        <translation>Запросы со сроком в ближайшие 3 дня</translation>
    </message>
    <message>
        <source>Data collections overdue</source>
        <translation>Сборы данных с истёкшим сроком</translation>
    </message>
    <message>
        <source>Data collections due within 3 days</source>
        <translation>Сборы данных со сроком в ближайшие 3 дня</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <source>Refresh</source>
        <extracomment>runs a command that needs the module tabs (the window delays it until they are built when the page was shown first); at once by default</extracomment>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Events reminder…</source>
        <translation>Напоминание о мероприятиях…</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>ОО:</translation>
    </message>
    <message>
        <source>Open the list of these records</source>
        <translation>Открыть список этих записей</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Открытые конфликты</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>Весь район</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Сегодня, %1</translation>
    </message>
    <message>
        <source>district: %1</source>
        <translation>район: %1</translation>
    </message>
    <message>
        <source>Synchronisation is not set up (Service → Settings → Synchronisation).</source>
        <translation>Синхронизация не настроена (Сервис → Настройки → Синхронизация).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>Last synchronisation: %1. Changes not sent: %2.</source>
        <translation>Последняя синхронизация: %1. Не отправлено изменений: %2.</translation>
    </message>
</context>
<context>
    <name>ImportDetails</name>
    <message>
        <source>What changed:</source>
        <translation>Что изменилось:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy these lines to the clipboard</source>
        <translation>Скопировать эти строки в буфер обмена</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel: %1</source>
        <translation>Импорт из Excel: %1</translation>
    </message>
    <message>
        <source>Reading and checking the rows…</source>
        <translation>Чтение и проверка строк…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Bold: required. Other headings with the same meaning are recognised; the columns are matched on the next page.</source>
        <translation>Жирным — обязательные. Другие заголовки с тем же смыслом тоже распознаются; столбцы сопоставляются на следующей странице.</translation>
    </message>
    <message>
        <source>Save a template…</source>
        <translation>Сохранить шаблон…</translation>
    </message>
</context>
<context>
    <name>InformatisationPage</name>
    <message>
        <source>Computers per 100 pupils</source>
        <translation>Компьютеров на 100 обучающихся</translation>
    </message>
    <message>
        <source>Fleet by year of acceptance</source>
        <translation>Парк по году принятия к учёту</translation>
    </message>
    <message>
        <source>Out of order or awaiting write-off, %</source>
        <translation>В ремонте или к списанию, %</translation>
    </message>
    <message>
        <source>On date</source>
        <translation>На дату</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Обучающихся</translation>
    </message>
    <message>
        <source>Computers</source>
        <translation>Компьютеры</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Единиц оборудования</translation>
    </message>
    <message>
        <source>In repair or awaiting write-off</source>
        <translation>В ремонте или ждут списания</translation>
    </message>
    <message>
        <source>Informatisation of the ОО</source>
        <translation>Информатизация ОО</translation>
    </message>
    <message>
        <source>The figures are counted from the equipment list; change the items there.</source>
        <translation>Показатели рассчитываются по списку оборудования; изменяйте предметы там.</translation>
    </message>
    <message>
        <source>Other equipment</source>
        <translation>Прочее оборудование</translation>
    </message>
    <message>
        <source>Out of order, %</source>
        <translation>Неисправно, %</translation>
    </message>
    <message>
        <source>Average age of computers: %1 years</source>
        <translation>Средний возраст компьютеров: %1 лет</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Equipment card</source>
        <translation>Карточка оборудования</translation>
    </message>
    <message>
        <source>New equipment</source>
        <translation>Новое оборудование</translation>
    </message>
    <message>
        <source>Inventory number</source>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Производитель</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Заводской номер</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Процессор</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Оперативная память</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Накопитель</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Операционная система</translation>
    </message>
    <message>
        <source>Other characteristics</source>
        <translation>Прочие характеристики</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Помещение</translation>
    </message>
    <message>
        <source>Materially responsible person</source>
        <translation>Материально ответственное лицо</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Принят к учёту</translation>
    </message>
    <message>
        <source>Cost, roubles</source>
        <translation>Стоимость, руб.</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Источник финансирования</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>Гарантия до</translation>
    </message>
    <message>
        <source>OKOF code</source>
        <translation>Код ОКОФ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Placement and accounting</source>
        <translation>Размещение и учёт</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Set by repairs and write-off acts: use the actions of the list</source>
        <translation>Меняется ремонтом и актами о списании: используйте действия списка</translation>
    </message>
    <message>
        <source>Equipment card (written off, read only)</source>
        <translation>Карточка оборудования (списано, только просмотр)</translation>
    </message>
    <message>
        <source>The item is written off: its card is kept as it was on the day of the write-off and cannot be changed.</source>
        <translation>Оборудование списано: карточка хранится такой, какой была в день списания, и не меняется.</translation>
    </message>
    <message>
        <source>Type the cost as a number, e.g. 45000,00.</source>
        <translation>Введите стоимость числом, например 45000,00.</translation>
    </message>
    <message>
        <source>Equipment not saved</source>
        <translation>Оборудование не сохранено</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>Все ОО</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все состояния</translation>
    </message>
    <message>
        <source>all but written off</source>
        <translation>все, кроме списанных</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Любой возраст</translation>
    </message>
    <message>
        <source>under 3 years</source>
        <translation>до 3 лет</translation>
    </message>
    <message>
        <source>3 to 5 years</source>
        <translation>3–5 лет</translation>
    </message>
    <message>
        <source>5 to 8 years</source>
        <translation>5–8 лет</translation>
    </message>
    <message>
        <source>8 years and older</source>
        <translation>8 лет и старше</translation>
    </message>
    <message>
        <source>Warranty expired</source>
        <translation>Гарантия истекла</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Переместить…</translation>
    </message>
    <message>
        <source>To repair…</source>
        <translation>В ремонт…</translation>
    </message>
    <message>
        <source>Back from repair…</source>
        <translation>Из ремонта…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>Списать…</translation>
    </message>
    <message>
        <source>Card and labels</source>
        <translation>Карточка и этикетки</translation>
    </message>
    <message>
        <source>Inventory card</source>
        <translation>Инвентарная карточка</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>Этикетки…</translation>
    </message>
    <message>
        <source>Label test page…</source>
        <translation>Пробная страница этикеток…</translation>
    </message>
    <message>
        <source>Select items in the list first.</source>
        <translation>Сначала выберите оборудование в списке.</translation>
    </message>
    <message>
        <source>Delete equipment</source>
        <translation>Удаление оборудования</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) entered by mistake? Their inventory numbers will not be given again. Equipment that is no longer used is written off, not deleted.</source>
        <translation>
            <numerusform>Удалить %n единицу оборудования, внесённую по ошибке? Её инвентарные номера больше не будут выданы. Оборудование, которое больше не используется, списывают, а не удаляют.</numerusform>
            <numerusform>Удалить %n единицы оборудования, внесённые по ошибке? Их инвентарные номера больше не будут выданы. Оборудование, которое больше не используется, списывают, а не удаляют.</numerusform>
            <numerusform>Удалить %n единиц оборудования, внесённых по ошибке? Их инвентарные номера больше не будут выданы. Оборудование, которое больше не используется, списывают, а не удаляют.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перемещение</translation>
    </message>
    <message>
        <source>The transfer act is drawn up. Show it?</source>
        <translation>Акт приёма-передачи составлен. Показать его?</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>Списание</translation>
    </message>
    <message>
        <source>The write-off act is drawn up; the items are «awaiting write-off» until it is confirmed on the «Acts» page. Show the act?</source>
        <translation>Акт о списании составлен; до его утверждения на странице «Акты» оборудование числится «к списанию». Показать акт?</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Этикетки</translation>
    </message>
    <message>
        <source>Labels already used on the first sheet:</source>
        <translation>Сколько этикеток первого листа уже использовано:</translation>
    </message>
    <message>
        <source>Drawing the labels…</source>
        <translation>Подготовка этикеток…</translation>
    </message>
    <message>
        <source>Label test page</source>
        <translation>Пробная страница этикеток</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>Change journal</source>
        <translation>Журнал изменений</translation>
    </message>
    <message>
        <source>Change journal of the record</source>
        <translation>Журнал изменений записи</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Новое значение</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Lesson topic</source>
        <translation>Тема урока</translation>
    </message>
    <message>
        <source>Marks, %</source>
        <translation>Баллы, %</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Consultations and lesson observations are entered on the «Methodist&apos;s journal» tab.</source>
        <translation>Консультации и посещения уроков вносятся на вкладке «Журнал методиста».</translation>
    </message>
    <message>
        <source>Consultations given: %1</source>
        <translation>Консультаций получено: %1</translation>
    </message>
    <message>
        <source>Lessons observed: %1</source>
        <translation>Посещено уроков: %1</translation>
    </message>
</context>
<context>
    <name>LeaveForm</name>
    <message>
        <source>Leave period</source>
        <translation>Период отпуска или болезни</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>still on leave</source>
        <translation>ещё не вышел</translation>
    </message>
</context>
<context>
    <name>LinesTableModel</name>
    <message>
        <source>Title</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>LiteratureTab</name>
    <message>
        <source>Literature</source>
        <translation>Литература</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Остатки</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IMC Desktop — methodist&apos;s workstation</source>
        <translation>ИМЦ — рабочее место методиста</translation>
    </message>
    <message>
        <source>read only (archive)</source>
        <translation>только чтение (архив)</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>Только чтение: %1</translation>
    </message>
    <message>
        <source>Loading the modules…</source>
        <translation>Загрузка модулей…</translation>
    </message>
    <message>
        <source>There is no list here: open a module&apos;s tab.</source>
        <translation>Здесь нет списка: откройте вкладку модуля.</translation>
    </message>
    <message>
        <source>«%1» does not apply to the list «%2».</source>
        <translation>«%1» не действует в списке «%2».</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Отчёты…</translation>
    </message>
    <message>
        <source>Import &amp;staff from Excel…</source>
        <translation>Импорт &amp;педагогов из Excel…</translation>
    </message>
    <message>
        <source>Import &amp;organizations from Excel…</source>
        <translation>Импорт &amp;организаций из Excel…</translation>
    </message>
    <message>
        <source>Import &amp;equipment from Excel…</source>
        <translation>Импорт &amp;оборудования из Excel…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Экспорт в Excel…</translation>
    </message>
    <message>
        <source>Print &amp;list…</source>
        <translation>Печать &amp;списка…</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Столбцы…</translation>
    </message>
    <message>
        <source>&amp;Organizations</source>
        <translation>&amp;Организации</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Кадры</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Мероприятия</translation>
    </message>
    <message>
        <source>&amp;Attestation</source>
        <translation>&amp;Аттестация</translation>
    </message>
    <message>
        <source>&amp;Literature</source>
        <translation>&amp;Литература</translation>
    </message>
    <message>
        <source>E&amp;quipment</source>
        <translation>О&amp;борудование</translation>
    </message>
    <message>
        <source>Methodological &amp;network</source>
        <translation>Методическая &amp;сеть</translation>
    </message>
    <message>
        <source>&amp;Requests and monitorings</source>
        <translation>&amp;Запросы и мониторинги</translation>
    </message>
    <message>
        <source>&amp;Methodist&apos;s journal</source>
        <translation>&amp;Журнал методиста</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>&amp;Проверить базу данных</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Events &amp;reminder…</source>
        <translation>&amp;Напоминание о мероприятиях…</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>Change journal of the &amp;record…</source>
        <translation>Журнал изменений &amp;записи…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Directories</source>
        <translation>С&amp;правочники</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <source>The database is open for reading only (an archive)</source>
        <translation>База открыта только для чтения (архив)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Журнал аудита…</translation>
    </message>
    <message>
        <source>&amp;Users and roles…</source>
        <translation>&amp;Пользователи и роли…</translation>
    </message>
    <message>
        <source>&amp;Personal data processing</source>
        <translation>&amp;Сведения об обработке ПДн</translation>
    </message>
    <message>
        <source>Save backup</source>
        <translation>Сохранить резервную копию</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite)</source>
        <translation>Резервные копии базы (*.sqlite)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>The backup was not made: %1</source>
        <translation>Резервная копия не сделана: %1</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Резервная копия сохранена: %1</translation>
    </message>
    <message>
        <source>It is encrypted with this computer&apos;s backup key: it can be restored on any computer with the key&apos;s ten words.</source>
        <translation>Она зашифрована ключом резервных копий этого компьютера: её можно восстановить на любом компьютере, зная десять слов ключа.</translation>
    </message>
    <message>
        <source>It is encrypted with the district sync key: it can be restored on any computer that knows the key (its ten words).</source>
        <translation>Копия зашифрована ключом синхронизации района: её можно восстановить на любом компьютере, где знают этот ключ (его десять слов).</translation>
    </message>
    <message>
        <source>It is encrypted with this user&apos;s own key: it can be restored only on this computer. A copy saved outside the program&apos;s data folder is encrypted with the district sync key instead.</source>
        <translation>Копия зашифрована личным ключом этого пользователя: восстановить её можно только на этом компьютере. Копия, сохранённая вне папки данных программы, шифруется ключом синхронизации района.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>Replace the current data with the backup %1? The current data will be kept as a backup too.</source>
        <translation>Заменить текущие данные резервной копией %1? Текущие данные тоже будут сохранены в резервной копии.</translation>
    </message>
    <message>
        <source>Data restored. The previous data were saved to %1.</source>
        <translation>Данные восстановлены. Прежние данные сохранены в %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>The new data folder is used from the next start of the program. Before that, copy the files of the current data folder into it: %1</source>
        <translation>Новая папка данных будет использоваться со следующего запуска программы. До этого скопируйте в неё файлы из прежней папки данных: %1</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Пользователи и роли</translation>
    </message>
    <message>
        <source>Change journal</source>
        <translation>Журнал изменений</translation>
    </message>
    <message>
        <source>Select a record in a list.</source>
        <translation>Выберите запись в списке.</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Проверка базы данных…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Проверка базы данных</translation>
    </message>
    <message>
        <source>The database is sound.</source>
        <translation>База данных в порядке.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IMC Desktop %1&lt;/h3&gt;&lt;p&gt;The workstation of a district information-methodological centre.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Schema: %3&lt;br&gt;Data folder: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ИМЦ — рабочее место методиста, версия %1&lt;/h3&gt;&lt;p&gt;Программа информационно-методического центра муниципального органа управления образованием.&lt;/p&gt;&lt;p&gt;База данных: %2&lt;br&gt;Версия схемы: %3&lt;br&gt;Папка данных: %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Choose which field each column of the file goes to. The choice is remembered for files of the same form.</source>
        <translation>Выберите, в какое поле идёт каждый столбец файла. Выбор запоминается для файлов такой же формы.</translation>
    </message>
    <message>
        <source>The table&apos;s header is in row %1; the data start below it.</source>
        <translation>Заголовок таблицы — в строке %1; данные начинаются ниже.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Heading in the file</source>
        <translation>Заголовок в файле</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Первые значения</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation>— не импортировать —</translation>
    </message>
    <message>
        <source>(no heading)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Required fields without a column: %1</source>
        <translation>Обязательные поля без столбца: %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>Новое заседание</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Starts (hh:mm)</source>
        <translation>Начало (чч:мм)</translation>
    </message>
    <message>
        <source>Ends (hh:mm)</source>
        <translation>Окончание (чч:мм)</translation>
    </message>
    <message>
        <source>Place (organization)</source>
        <translation>Место (ОО)</translation>
    </message>
    <message>
        <source>Place (address, room)</source>
        <translation>Место (адрес, кабинет)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Выступающие</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Номер протокола</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Повестка дня</translation>
    </message>
    <message>
        <source>Heard</source>
        <translation>Слушали</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>Выступили</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решили</translation>
    </message>
    <message>
        <source>Give the date of the meeting.</source>
        <translation>Укажите дату заседания.</translation>
    </message>
    <message>
        <source>A time of day: 14:00.</source>
        <translation>Время дня, например 14:00.</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Окончание раньше начала.</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Add members</source>
        <translation>Добавить участников</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Любая должность</translation>
    </message>
    <message>
        <source>Any organization</source>
        <translation>Любая ОО</translation>
    </message>
    <message>
        <source>Select all that fit</source>
        <translation>Выбрать всех подходящих</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Find pedagogues by name, or select all who fit the conditions:</source>
        <translation>Найдите педагогов по фамилии или выберите всех, кто подходит под условия:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message numerus="yes">
        <source>Selected: %n</source>
        <translation>
            <numerusform>Выбран: %n</numerusform>
            <numerusform>Выбрано: %n</numerusform>
            <numerusform>Выбрано: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentoringPage</name>
    <message>
        <source>Mentoring pairs</source>
        <translation>Пары наставничества</translation>
    </message>
    <message>
        <source>Plan of the pair…</source>
        <translation>План пары…</translation>
    </message>
    <message>
        <source>Young specialists without a mentor</source>
        <translation>Молодые специалисты без наставника</translation>
    </message>
    <message>
        <source>The list is computed from «Staff»: give the young specialist a mentor instead.</source>
        <translation>Список вычисляется по «Кадрам»: вместо удаления назначьте молодому специалисту наставника.</translation>
    </message>
    <message>
        <source>Young specialists (the rule of «Staff» in the settings) without a mentor; open one to give her a mentor.</source>
        <translation>Молодые специалисты (по правилу «Кадров» в настройках) без наставника; откройте строку, чтобы назначить наставника.</translation>
    </message>
    <message>
        <source>Mentee</source>
        <translation>Наставляемый</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Наставник</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Plan done</source>
        <translation>План выполнен</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Began work</source>
        <translation>Начало работы</translation>
    </message>
    <message>
        <source>Young specialist until</source>
        <translation>Молодой специалист до</translation>
    </message>
    <message>
        <source>Pair not saved</source>
        <translation>Пара не сохранена</translation>
    </message>
    <message>
        <source>Delete pairs</source>
        <translation>Удалить пары</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n mentoring pair(s) with their plans?</source>
        <translation>
            <numerusform>Удалить %n пару наставничества с планом?</numerusform>
            <numerusform>Удалить %n пары наставничества с планами?</numerusform>
            <numerusform>Удалить %n пар наставничества с планами?</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan of the pair</source>
        <translation>План пары</translation>
    </message>
    <message>
        <source>Select a pair first.</source>
        <translation>Сначала выберите пару.</translation>
    </message>
</context>
<context>
    <name>MethodistDialog</name>
    <message>
        <source>Methodist of the centre</source>
        <translation>Методист ИМЦ</translation>
    </message>
    <message>
        <source>Pedagogue&apos;s name</source>
        <translation>ФИО педагога</translation>
    </message>
    <message>
        <source>Subjects separated by «;»</source>
        <translation>Предметы через «;»</translation>
    </message>
    <message>
        <source>Works in the centre</source>
        <translation>Работает в ИМЦ</translation>
    </message>
    <message>
        <source>Pedagogue</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Curates subjects</source>
        <translation>Курирует предметы</translation>
    </message>
    <message>
        <source>Curates organizations</source>
        <translation>Курирует ОО</translation>
    </message>
    <message>
        <source>Curates associations</source>
        <translation>Курирует объединения (РМО)</translation>
    </message>
</context>
<context>
    <name>MethodistTab</name>
    <message>
        <source>Methodist&apos;s journal</source>
        <translation>Журнал методиста</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультации</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Посещения</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Methodists</source>
        <translation>Методисты</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Справка по итогам посещения</translation>
    </message>
</context>
<context>
    <name>MethodistsPage</name>
    <message>
        <source>Methodists</source>
        <translation>Методисты</translation>
    </message>
    <message>
        <source>The methodists of the centre are pedagogues of the register. Until one is added here, the journal offers everyone whose position is «методист».</source>
        <translation>Методисты ИМЦ — педагоги из реестра «Кадры». Пока здесь никого нет, журнал предлагает всех, у кого должность «методист».</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Предметы</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Associations</source>
        <translation>Объединения</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Remove methodists</source>
        <translation>Исключение методистов</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n methodist(s) from the centre&apos;s list? Their journal stays.</source>
        <translation>
            <numerusform>Исключить %n методиста из списка ИМЦ? Его журнал сохранится.</numerusform>
            <numerusform>Исключить %n методистов из списка ИМЦ? Их журнал сохранится.</numerusform>
            <numerusform>Исключить %n методистов из списка ИМЦ? Их журнал сохранится.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>Перемещение %n единицы</numerusform>
            <numerusform>Перемещение %n единиц</numerusform>
            <numerusform>Перемещение %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <source>To organization</source>
        <translation>В ОО</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Помещение</translation>
    </message>
    <message>
        <source>Materially responsible person</source>
        <translation>Материально ответственное лицо</translation>
    </message>
    <message>
        <source>Act No.</source>
        <translation>Номер акта</translation>
    </message>
    <message>
        <source>Act date</source>
        <translation>Дата акта</translation>
    </message>
    <message>
        <source>Choose the organization.</source>
        <translation>Выберите ОО.</translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <source>Methodological network</source>
        <translation>Методическая сеть</translation>
    </message>
    <message>
        <source>Associations</source>
        <translation>Объединения</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Все годы</translation>
    </message>
    <message>
        <source>Members from Excel…</source>
        <translation>Участники из Excel…</translation>
    </message>
    <message>
        <source>Plans from Excel…</source>
        <translation>Планы из Excel…</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Заседания</translation>
    </message>
    <message>
        <source>Plan a meeting on the association&apos;s card.</source>
        <translation>Заседание планируется в карточке объединения.</translation>
    </message>
    <message>
        <source>Delete a meeting on the association&apos;s card.</source>
        <translation>Заседание удаляется в карточке объединения.</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>Not done only</source>
        <translation>Только невыполненные</translation>
    </message>
    <message>
        <source>Delete decisions</source>
        <translation>Удалить решения</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n decision(s)?</source>
        <translation>
            <numerusform>Удалить %n решение?</numerusform>
            <numerusform>Удалить %n решения?</numerusform>
            <numerusform>Удалить %n решений?</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a decision on the association&apos;s card.</source>
        <translation>Решение добавляется в карточке объединения.</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <source>Mentoring</source>
        <translation>Наставничество</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Subject or direction</source>
        <translation>Предмет или направление</translation>
    </message>
    <message>
        <source>Academic year</source>
        <translation>Учебный год</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Curator</source>
        <translation>Куратор</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Meetings planned</source>
        <translation>Запланировано заседаний</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Проведено</translation>
    </message>
    <message>
        <source>Without protocol</source>
        <translation>Без протокола</translation>
    </message>
    <message>
        <source>Theme of the year</source>
        <translation>Тема года</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Event status</source>
        <translation>Статус мероприятия</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Присутствовали</translation>
    </message>
    <message>
        <source>Protocol No.</source>
        <translation>№ протокола</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Приказ</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Дата приказа</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Report received</source>
        <translation>Отчёт получен</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Дата отчёта</translation>
    </message>
    <message>
        <source>Association not saved</source>
        <translation>Объединение не сохранено</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Delete associations</source>
        <translation>Удалить объединения</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n association(s) with their members, plans and protocols? The events stay in the calendar.</source>
        <translation>
            <numerusform>Удалить %n объединение с участниками, планом и протоколами? Мероприятия останутся в календаре.</numerusform>
            <numerusform>Удалить %n объединения с участниками, планами и протоколами? Мероприятия останутся в календаре.</numerusform>
            <numerusform>Удалить %n объединений с участниками, планами и протоколами? Мероприятия останутся в календаре.</numerusform>
        </translation>
    </message>
    <message>
        <source>Decision not saved</source>
        <translation>Решение не сохранено</translation>
    </message>
    <message>
        <source>Site not saved</source>
        <translation>Площадка не сохранена</translation>
    </message>
    <message>
        <source>Delete sites</source>
        <translation>Удалить площадки</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n site(s)?</source>
        <translation>
            <numerusform>Удалить %n площадку?</numerusform>
            <numerusform>Удалить %n площадки?</numerusform>
            <numerusform>Удалить %n площадок?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>New sync key</source>
        <translation>Новый ключ синхронизации</translation>
    </message>
    <message>
        <source>Change sync key</source>
        <translation>Смена ключа синхронизации</translation>
    </message>
    <message>
        <source>New backup key</source>
        <translation>Новый ключ резервных копий</translation>
    </message>
    <message>
        <source>Sync is not set up on this computer, so a backup saved outside the program&apos;s data folder is encrypted with a backup key of this computer. Write these words down on paper now and keep the paper apart from the backups: they restore the backups on any computer, and the program will not show them again.</source>
        <translation>Синхронизация на этом компьютере не настроена, поэтому копия вне папки данных программы шифруется ключом резервных копий этого компьютера. Запишите эти слова на бумаге сейчас и храните её отдельно от копий: по ним копии восстанавливаются на любом компьютере, а программа больше их не покажет.</translation>
    </message>
    <message>
        <source>Every file of the sync folder will be encrypted with this new key, and the old key will open none of them: each workstation asks for the new words at its next sync. Write these words down on paper now and keep the paper safe: the program will not show them again.</source>
        <translation>Все файлы папки синхронизации будут зашифрованы этим новым ключом, и старый ключ не откроет ни одного из них: каждый компьютер попросит новые слова при следующей синхронизации. Запишите эти слова на бумаге сейчас и храните её надёжно: программа больше их не покажет.</translation>
    </message>
    <message>
        <source>A new sync folder is being made. Everything in it is encrypted with this key. Write these words down on paper now and keep the paper safe: every workstation of the district needs them once, and the program will not show them again.</source>
        <translation>Создаётся новая папка синхронизации. Всё, что в ней хранится, зашифровано этим ключом. Запишите эти слова на бумагу сейчас и храните её надёжно: они понадобятся один раз на каждом рабочем месте района, а программа больше их не покажет.</translation>
    </message>
    <message>
        <source>If the words are lost, the backups saved outside the data folder cannot be restored on another computer; this computer keeps its data and its automatic backups.</source>
        <translation>Если слова потеряны, копии вне папки данных не восстановить на другом компьютере; данные этого компьютера и его автоматические копии сохраняются.</translation>
    </message>
    <message>
        <source>Backup copies made outside the data folder before the change still open with the old key only: keep the old words with them, or make new copies. Do not sync on other computers until the change is done; an interrupted change is finished by running it again with these words.</source>
        <translation>Резервные копии, сделанные вне папки данных до смены, по-прежнему открываются только старым ключом: храните старые слова вместе с ними или сделайте новые копии. Не синхронизируйте другие компьютеры, пока смена не закончится; прерванная смена заканчивается повторным запуском с этими же словами.</translation>
    </message>
    <message>
        <source>If the key is lost, the workstations keep their data: a new empty sync folder is made, with a new key, and every workstation enters it.</source>
        <translation>Если ключ потерян, данные на рабочих местах сохраняются: создаётся новая пустая папка синхронизации с новым ключом, и его вводят на каждом рабочем месте.</translation>
    </message>
    <message>
        <source>I have written the key down</source>
        <translation>Я записал(а) ключ</translation>
    </message>
    <message>
        <source>Change key</source>
        <translation>Сменить ключ</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>New organization</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Полное наименование</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Краткое наименование</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Организационно-правовая форма</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <source>OKPO</source>
        <translation>ОКПО</translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation>Юридический адрес</translation>
    </message>
    <message>
        <source>Actual address</source>
        <translation>Фактический адрес</translation>
    </message>
    <message>
        <source>Rural</source>
        <translation>Сельская</translation>
    </message>
    <message>
        <source>Head (full name)</source>
        <translation>Руководитель (ФИО)</translation>
    </message>
    <message>
        <source>Head&apos;s phone</source>
        <translation>Телефон руководителя</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Обучающихся</translation>
    </message>
    <message>
        <source>Pupils by grade…</source>
        <translation>Обучающиеся по классам…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действующая</translation>
    </message>
    <message>
        <source>Reorganized on</source>
        <translation>Дата реорганизации</translation>
    </message>
</context>
<context>
    <name>OrganizationsTab</name>
    <message>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Educational organizations</source>
        <translation>Образовательные организации</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Только действующие</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Краткое наименование</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>ОПФ</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Обучающихся</translation>
    </message>
    <message>
        <source>Rural</source>
        <translation>Сельская</translation>
    </message>
    <message>
        <source>Actual address</source>
        <translation>Фактический адрес</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Полное наименование</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <source>OKPO</source>
        <translation>ОКПО</translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation>Юридический адрес</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действующая</translation>
    </message>
    <message>
        <source>Reorganized on</source>
        <translation>Дата реорганизации</translation>
    </message>
    <message>
        <source>Organization not saved</source>
        <translation>Организация не сохранена</translation>
    </message>
    <message>
        <source>Delete organizations</source>
        <translation>Удаление организаций</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n organization(s)?</source>
        <translation>
            <numerusform>Удалить %n организацию?</numerusform>
            <numerusform>Удалить %n организации?</numerusform>
            <numerusform>Удалить %n организаций?</numerusform>
        </translation>
    </message>
    <message>
        <source>Organization not deleted</source>
        <translation>Организация не удалена</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>Mentoring pair</source>
        <translation>Пара наставничества</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Наставник</translation>
    </message>
    <message>
        <source>Mentee</source>
        <translation>Наставляемый</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
</context>
<context>
    <name>PairPlanDialog</name>
    <message>
        <source>Plan: %1 — mentor %2</source>
        <translation>План: %1 — наставник %2</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>Выполнено сегодня</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Item not saved</source>
        <translation>Пункт не сохранён</translation>
    </message>
    <message>
        <source>Delete items</source>
        <translation>Удалить пункты</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) of the plan?</source>
        <translation>
            <numerusform>Удалить %n пункт плана?</numerusform>
            <numerusform>Удалить %n пункта плана?</numerusform>
            <numerusform>Удалить %n пунктов плана?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>External participant</source>
        <translation>Внешний участник</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Дата регистрации</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Явка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Nomination</source>
        <translation>Номинация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
</context>
<context>
    <name>ParticipantsDialog</name>
    <message>
        <source>Participants: %1</source>
        <translation>Участники: %1</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Явка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Nomination</source>
        <translation>Номинация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>From the register…</source>
        <translation>Из реестра…</translation>
    </message>
    <message>
        <source>In bulk…</source>
        <translation>Группой…</translation>
    </message>
    <message>
        <source>External…</source>
        <translation>Внешний…</translation>
    </message>
    <message>
        <source>From Excel…</source>
        <translation>Из Excel…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Mark attended</source>
        <translation>Отметить явку</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>Отметить неявку</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>seats taken %1 of %2</source>
        <translation>занято мест %1 из %2</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Added: %1. Already taking part, skipped: %2.</source>
        <translation>Добавлено: %1. Уже участвуют, пропущено: %2.</translation>
    </message>
    <message>
        <source>Delete participants</source>
        <translation>Удаление участников</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n participant(s) of the event?</source>
        <translation>
            <numerusform>Удалить %n участника мероприятия?</numerusform>
            <numerusform>Удалить %n участников мероприятия?</numerusform>
            <numerusform>Удалить %n участников мероприятия?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipationPage</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Явка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Nomination</source>
        <translation>Номинация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Балл</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Participants are added and results are entered on the «Events» tab.</source>
        <translation>Участники добавляются и итоги вносятся на вкладке «Мероприятия».</translation>
    </message>
</context>
<context>
    <name>PdnInfoDialog</name>
    <message>
        <source>Personal data processing</source>
        <translation>Сведения об обработке персональных данных</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>Search by name or organization</source>
        <translation>Поиск по ФИО или ОО</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <source>Add from the staff register</source>
        <translation>Добавить из реестра кадров</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New pedagogue</source>
        <translation>Новый педагог</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Participation in events</source>
        <translation>Участие в мероприятиях</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>Associations</source>
        <translation>Объединения</translation>
    </message>
    <message>
        <source>Consultations and visits</source>
        <translation>Консультации и посещения</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Category established on</source>
        <translation>Дата установления категории</translation>
    </message>
    <message>
        <source>Academic degree or title</source>
        <translation>Учёная степень, звание</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Pedagogue not saved</source>
        <translation>Педагог не сохранён</translation>
    </message>
    <message>
        <source>Check the tabs: %1</source>
        <translation>Проверьте вкладки: %1</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <source>The registry already has:</source>
        <translation>В реестре уже есть:</translation>
    </message>
    <message>
        <source>Save this pedagogue anyway?</source>
        <translation>Всё равно сохранить этого педагога?</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Вид работы</translation>
    </message>
    <message>
        <source>What is planned</source>
        <translation>Что запланировано</translation>
    </message>
    <message>
        <source>Linked with</source>
        <translation>Связано с</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New (Esc)</source>
        <translation>Новая запись (Esc)</translation>
    </message>
    <message>
        <source>— nothing —</source>
        <translation>— ничего —</translation>
    </message>
    <message>
        <source>Date: type it as dd.mm.yyyy.</source>
        <translation>Дата: введите как дд.мм.гггг.</translation>
    </message>
    <message>
        <source>New plan item</source>
        <translation>Новый пункт плана</translation>
    </message>
    <message>
        <source>Changing a plan item (Esc: a new one)</source>
        <translation>Изменение пункта плана (Esc — новый)</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <source>Item of the mentoring plan</source>
        <translation>Пункт плана наставничества</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Write what is to be done.</source>
        <translation>Запишите, что нужно сделать.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <source>Methodist:</source>
        <translation>Методист:</translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation>Пункт плана</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <source>Done / not done</source>
        <translation>Выполнено / не выполнено</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Вид работы</translation>
    </message>
    <message>
        <source>What is planned</source>
        <translation>Что запланировано</translation>
    </message>
    <message>
        <source>Linked with</source>
        <translation>Связано с</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Plan item not saved</source>
        <translation>Пункт плана не сохранён</translation>
    </message>
    <message>
        <source>Delete plan items</source>
        <translation>Удаление пунктов плана</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n plan item(s)?</source>
        <translation>
            <numerusform>Удалить %n пункт плана?</numerusform>
            <numerusform>Удалить %n пункта плана?</numerusform>
            <numerusform>Удалить %n пунктов плана?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>Проверка перед импортом</translation>
    </message>
    <message>
        <source>Nothing is written until you press «Import». A dry run shows what the import would do.</source>
        <translation>Ничего не записывается, пока вы не нажмёте «Импортировать». Пробный запуск покажет, что сделает импорт.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Что не так</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>Импортировать только правильные строки</translation>
    </message>
    <message>
        <source>All or nothing: import only if every row is valid</source>
        <translation>Всё или ничего: импортировать, только если все строки правильные</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Пробный запуск</translation>
    </message>
    <message>
        <source>Check what would be created and updated, writing nothing</source>
        <translation>Проверить, что будет создано и обновлено, ничего не записывая</translation>
    </message>
    <message>
        <source>Rows: %1; valid: %2; with problems: %3; left out: %4</source>
        <translation>Строк: %1; правильных: %2; с ошибками: %3; пропущено: %4</translation>
    </message>
    <message>
        <source>Some rows have problems: correct the file, or import only the valid rows.</source>
        <translation>В некоторых строках ошибки: исправьте файл или импортируйте только правильные строки.</translation>
    </message>
    <message>
        <source>Dry run: %1 would be created, %2 updated, %3 unchanged, %4 left out. Nothing was written.</source>
        <translation>Пробный запуск: будет создано %1, обновлено %2, без изменений %3, пропущено %4. Ничего не записано.</translation>
    </message>
    <message>
        <source>What the import would change:</source>
        <translation>Что изменит импорт:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Not a date: «%1». Type it as dd.mm.yyyy.</source>
        <translation>Это не дата: «%1». Введите дату в виде дд.мм.гггг.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>The record has unsaved changes. Save them?</source>
        <translation>В записи есть несохранённые изменения. Сохранить их?</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Поиск (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Показать все</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Экспорт в Excel…</translation>
    </message>
    <message>
        <source>Print list…</source>
        <translation>Печать списка…</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>Столбцы…</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Показаны: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Показано: %1 из %2</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Столбцы по умолчанию</translation>
    </message>
    <message>
        <source>Search: «%1»</source>
        <translation>Отбор по поиску: «%1»</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The damaged file will be kept beside the backups.</source>
        <translation>Выберите копию, которую восстановить. Повреждённый файл будет сохранён рядом с резервными копиями.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Сделана</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Pedagogues</source>
        <translation>Педагогов</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Restore the chosen one</source>
        <translation>Восстановить выбранную</translation>
    </message>
    <message>
        <source>cannot be restored: %1</source>
        <translation>восстановить нельзя: %1</translation>
    </message>
    <message>
        <source>encrypted with the district sync key: its words will be asked</source>
        <translation>зашифрована ключом синхронизации района: при восстановлении будут спрошены его слова</translation>
    </message>
    <message>
        <source>holds data</source>
        <translation>есть данные</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>пустая</translation>
    </message>
</context>
<context>
    <name>ReferencesPage</name>
    <message>
        <source>Values not in the directory</source>
        <translation>Значения, которых нет в справочнике</translation>
    </message>
    <message>
        <source>Choose the directory entry each value means, or leave the rows with it out of the import.</source>
        <translation>Выберите запись справочника для каждого значения или исключите строки с ним из импорта.</translation>
    </message>
    <message>
        <source>— do not import these rows —</source>
        <translation>— не импортировать эти строки —</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Copy the letter</source>
        <translation>Скопировать письмо</translation>
    </message>
    <message>
        <source>Not answered (head, phone, e-mail):</source>
        <translation>Не ответили (руководитель, телефон, эл. почта):</translation>
    </message>
    <message>
        <source>The letter:</source>
        <translation>Письмо:</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Events soon: %1</source>
        <translation>Мероприятий в ближайшие дни: %1</translation>
    </message>
    <message>
        <source>without results: %1</source>
        <translation>без итогов: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Чего не хватает</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Events: reminders</source>
        <translation>Мероприятия: напоминания</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Ближайшие</translation>
    </message>
    <message>
        <source>Took place, results missing</source>
        <translation>Прошли, итоги не внесены</translation>
    </message>
</context>
<context>
    <name>RepairEndDialog</name>
    <message numerus="yes">
        <source>Back from repair: %n item(s)</source>
        <translation>
            <numerusform>Из ремонта: %n единица</numerusform>
            <numerusform>Из ремонта: %n единицы</numerusform>
            <numerusform>Из ремонта: %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>Дата возврата</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Cost per item, roubles</source>
        <translation>Стоимость за единицу, руб.</translation>
    </message>
    <message>
        <source>Status after repair</source>
        <translation>Состояние после ремонта</translation>
    </message>
    <message>
        <source>Type the cost as a number, e.g. 45000,00.</source>
        <translation>Введите стоимость числом, например 45000,00.</translation>
    </message>
</context>
<context>
    <name>RepairStartDialog</name>
    <message numerus="yes">
        <source>Send %n item(s) to repair</source>
        <translation>
            <numerusform>В ремонт: %n единица</numerusform>
            <numerusform>В ремонт: %n единицы</numerusform>
            <numerusform>В ремонт: %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Дата передачи</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Неисправность</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Save report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Отчёт сохранён</translation>
    </message>
    <message>
        <source>Saved: %1

Open it now?</source>
        <translation>Сохранено: %1

Открыть его сейчас?</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Формирование отчёта…</translation>
    </message>
    <message>
        <source>The report was not written</source>
        <translation>Отчёт не сформирован</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Подготовка просмотра…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>Просмотр: %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Страниц: %1</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Просмотр…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Параметры:</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>Literature</source>
        <translation>Литература</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>Methodological network</source>
        <translation>Методическая сеть</translation>
    </message>
    <message>
        <source>Requests and monitorings</source>
        <translation>Запросы и мониторинги</translation>
    </message>
    <message>
        <source>Methodist&apos;s journal</source>
        <translation>Журнал методиста</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другие</translation>
    </message>
    <message>
        <source>Gathering the data…</source>
        <translation>Сбор данных…</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Incoming request</source>
        <translation>Входящий запрос</translation>
    </message>
    <message>
        <source>Paths to the files on the share, one a line</source>
        <translation>Пути к файлам в общей папке, по одному в строке</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От кого</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>О чём</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Answer number</source>
        <translation>Номер ответа</translation>
    </message>
    <message>
        <source>Answer date</source>
        <translation>Дата ответа</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>Requests and monitorings</source>
        <translation>Запросы и мониторинги</translation>
    </message>
    <message>
        <source>Incoming requests</source>
        <translation>Входящие запросы</translation>
    </message>
    <message>
        <source>Data collections from the ОО</source>
        <translation>Сборы данных от ОО</translation>
    </message>
    <message>
        <source>Data collections</source>
        <translation>Сборы данных</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От кого</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>О чём</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ответили</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <source>In answer to</source>
        <translation>По запросу</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Blanks folder</source>
        <translation>Папка бланков</translation>
    </message>
    <message>
        <source>Request not saved</source>
        <translation>Запрос не сохранён</translation>
    </message>
    <message>
        <source>Delete requests</source>
        <translation>Удаление запросов</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n request(s)? Their data collections stay.</source>
        <translation>
            <numerusform>Удалить %n запрос? Сборы данных по нему останутся.</numerusform>
            <numerusform>Удалить %n запроса? Сборы данных по ним останутся.</numerusform>
            <numerusform>Удалить %n запросов? Сборы данных по ним останутся.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data collection not saved</source>
        <translation>Сбор данных не сохранён</translation>
    </message>
    <message>
        <source>Delete data collections</source>
        <translation>Удаление сборов данных</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n data collection(s) with the answers received? The files on the disk stay.</source>
        <translation>
            <numerusform>Удалить %n сбор данных с полученными ответами? Файлы на диске останутся.</numerusform>
            <numerusform>Удалить %n сбора данных с полученными ответами? Файлы на диске останутся.</numerusform>
            <numerusform>Удалить %n сборов данных с полученными ответами? Файлы на диске останутся.</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests: overdue %1, due within 3 days %2</source>
        <translation>Сроки запросов и сборов: просрочено %1, скоро %2</translation>
    </message>
    <message>
        <source>Deadlines near or past</source>
        <translation>Сроки скоро или истекли</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New inventory count</source>
        <translation>Новая инвентаризация</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Order No.</source>
        <translation>Номер приказа</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>Materially responsible person</source>
        <translation>Материально ответственное лицо</translation>
    </message>
    <message>
        <source>Commission chairman</source>
        <translation>Председатель комиссии</translation>
    </message>
    <message>
        <source>Commission members (one per line)</source>
        <translation>Члены комиссии (по одному в строке)</translation>
    </message>
    <message>
        <source>Choose the organization.</source>
        <translation>Выберите ОО.</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>Inventory count</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Inventory or serial number, Enter</source>
        <translation>Инвентарный или заводской номер, Enter</translation>
    </message>
    <message>
        <source>Inventory lines</source>
        <translation>Строки инвентаризации</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Inventory number</source>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Заводской номер</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Отметка</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>В наличии</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Недостача</translation>
    </message>
    <message>
        <source>Clear the mark</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Remove surplus</source>
        <translation>Удалить излишек</translation>
    </message>
    <message>
        <source>Finish the count…</source>
        <translation>Закончить инвентаризацию…</translation>
    </message>
    <message>
        <source>Inventory list</source>
        <translation>Опись</translation>
    </message>
    <message>
        <source>Discrepancy list</source>
        <translation>Ведомость расхождений</translation>
    </message>
    <message>
        <source>open</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>окончена %1</translation>
    </message>
    <message>
        <source>%1, No. %2 of %3 (%4): expected %5, found %6, missing %7, surplus %8</source>
        <translation>%1, № %2 от %3 (%4): по учёту %5, в наличии %6, недостача %7, излишки %8</translation>
    </message>
    <message>
        <source>Remove the surplus %1 from the count?</source>
        <translation>Удалить излишек %1 из инвентаризации?</translation>
    </message>
    <message>
        <source>Finish the count? Lines not marked become missing; the list can no longer be changed.</source>
        <translation>Закончить инвентаризацию? Неотмеченные строки станут недостачей; список больше нельзя будет изменить.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Education authority</source>
        <translation>Наименование органа управления образованием</translation>
    </message>
    <message>
        <source>Methodological centre</source>
        <translation>Наименование ИМЦ</translation>
    </message>
    <message>
        <source>Director&apos;s position</source>
        <translation>Должность руководителя</translation>
    </message>
    <message>
        <source>Director (full name)</source>
        <translation>Руководитель (Фамилия Имя Отчество)</translation>
    </message>
    <message>
        <source>Report executor (full name)</source>
        <translation>Исполнитель отчётов (Фамилия Имя Отчество)</translation>
    </message>
    <message>
        <source>Executor&apos;s phone</source>
        <translation>Телефон исполнителя</translation>
    </message>
    <message>
        <source>Word document font</source>
        <translation>Шрифт документов Word</translation>
    </message>
    <message>
        <source>Text font size, pt</source>
        <translation>Размер шрифта текста, пт</translation>
    </message>
    <message>
        <source>Table font size, pt</source>
        <translation>Размер шрифта в таблицах, пт</translation>
    </message>
    <message>
        <source>PDF font file (.ttf; empty: find one in the system)</source>
        <translation>Файл шрифта для PDF (.ttf; пусто — найти в системе)</translation>
    </message>
    <message>
        <source>Letterhead for Word documents (.docx; empty: none)</source>
        <translation>Бланк для документов Word (.docx; пусто — без бланка)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <source>Courses are due every, years</source>
        <translation>Курсы (КПК) — раз в столько лет</translation>
    </message>
    <message>
        <source>Minimum hours of a qualification course</source>
        <translation>Минимум часов повышения квалификации</translation>
    </message>
    <message>
        <source>Minimum hours of professional retraining</source>
        <translation>Минимум часов профессиональной переподготовки</translation>
    </message>
    <message>
        <source>Usual hours of a qualification course (a warning below)</source>
        <translation>Обычный объём курсов, ч (меньше — предупреждение)</translation>
    </message>
    <message>
        <source>Young specialist: younger than, years</source>
        <translation>Молодой специалист: моложе, лет</translation>
    </message>
    <message>
        <source>Young specialist: started work within, years of graduating</source>
        <translation>Молодой специалист: начал работать не позже, лет после выпуска</translation>
    </message>
    <message>
        <source>Young specialist: status lasts, years</source>
        <translation>Молодой специалист: статус действует, лет</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Аттестация</translation>
    </message>
    <message>
        <source>A category decided before 01.09.2023 lasts, years</source>
        <translation>Категория, установленная до 01.09.2023, действует, лет</translation>
    </message>
    <message>
        <source>Conformity attestation every, years</source>
        <translation>Аттестация на СЗД — раз в столько лет</translation>
    </message>
    <message>
        <source>An application is considered within, days</source>
        <translation>Заявление рассматривается не дольше, дней</translation>
    </message>
    <message>
        <source>An attestation lasts at most, days</source>
        <translation>Аттестация длится не дольше, дней</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>Form code of the inventory card</source>
        <translation>Код формы инвентарной карточки</translation>
    </message>
    <message>
        <source>Form code of the inventory list</source>
        <translation>Код формы инвентаризационной описи</translation>
    </message>
    <message>
        <source>Form code of the discrepancy list</source>
        <translation>Код формы ведомости расхождений</translation>
    </message>
    <message>
        <source>Form code of the write-off act</source>
        <translation>Код формы акта о списании</translation>
    </message>
    <message>
        <source>Form code of the transfer act</source>
        <translation>Код формы акта о приеме-передаче</translation>
    </message>
    <message>
        <source>OKPO of the centre</source>
        <translation>ОКПО ИМЦ</translation>
    </message>
    <message>
        <source>INN of the centre</source>
        <translation>ИНН ИМЦ</translation>
    </message>
    <message>
        <source>KPP of the centre</source>
        <translation>КПП ИМЦ</translation>
    </message>
    <message>
        <source>Chief accountant&apos;s position</source>
        <translation>Должность главного бухгалтера</translation>
    </message>
    <message>
        <source>Chief accountant (full name)</source>
        <translation>Главный бухгалтер (ФИО)</translation>
    </message>
    <message>
        <source>Position of the executor of accounting forms</source>
        <translation>Должность исполнителя бухгалтерских форм</translation>
    </message>
    <message>
        <source>Label width, mm</source>
        <extracomment>What the accounting forms print about the centre itself and its accounts department.</extracomment>
        <translation>Ширина этикетки, мм</translation>
    </message>
    <message>
        <source>Label height, mm</source>
        <translation>Высота этикетки, мм</translation>
    </message>
    <message>
        <source>Labels across the sheet</source>
        <translation>Этикеток по горизонтали</translation>
    </message>
    <message>
        <source>Labels down the sheet</source>
        <translation>Этикеток по вертикали</translation>
    </message>
    <message>
        <source>Left margin of the label sheet, mm</source>
        <translation>Левое поле листа этикеток, мм</translation>
    </message>
    <message>
        <source>Top margin of the label sheet, mm</source>
        <translation>Верхнее поле листа этикеток, мм</translation>
    </message>
    <message>
        <source>Gap between labels across, mm</source>
        <translation>Промежуток между этикетками по горизонтали, мм</translation>
    </message>
    <message>
        <source>Gap between labels down, mm</source>
        <translation>Промежуток между этикетками по вертикали, мм</translation>
    </message>
    <message>
        <source>Printer offset to the right, mm (negative: to the left)</source>
        <translation>Сдвиг печати вправо, мм (минус — влево)</translation>
    </message>
    <message>
        <source>Printer offset downwards, mm (negative: upwards)</source>
        <translation>Сдвиг печати вниз, мм (минус — вверх)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>Certificate text ({ФИО}, whom: {ФИО_кому}, of whom: {ФИО_кого}, {ОО}, {мероприятие}, {вид}, in the kind: {вид_пр}, {дата}, {роль}; «|» starts a new line; «принял(а)» agrees with the person)</source>
        <translation>Текст сертификата ({ФИО}, кому: {ФИО_кому}, кого: {ФИО_кого}, {ОО}, {мероприятие}, {вид}, в чём: {вид_пр}, {дата}, {роль}; «|» — новая строка; «принял(а)» согласуется с полом участника)</translation>
    </message>
    <message>
        <source>Diploma text (also {результат}, {место}, {номинация}, {балл})</source>
        <translation>Текст диплома (также {результат}, {место}, {номинация}, {балл})</translation>
    </message>
    <message>
        <source>Certificates signed by: position (empty: the director)</source>
        <translation>Подписывает сертификаты: должность (пусто — директор)</translation>
    </message>
    <message>
        <source>Certificates signed by: full name (empty: the director)</source>
        <translation>Подписывает сертификаты: ФИО (пусто — директор)</translation>
    </message>
    <message>
        <source>Remind of the events of the next, days</source>
        <translation>Напоминать о мероприятиях на ближайшие, дней</translation>
    </message>
    <message>
        <source>Show the events reminder on start</source>
        <translation>Показывать напоминание о мероприятиях при запуске</translation>
    </message>
    <message>
        <source>Methodist&apos;s journal</source>
        <translation>Журнал методиста</translation>
    </message>
    <message>
        <source>Lesson observation criteria (separated by «|»; each marked 0, 1 or 2)</source>
        <translation>Критерии анализа урока (через «|»; каждый оценивается 0, 1 или 2)</translation>
    </message>
    <message>
        <source>Data folder (empty: the default folder)</source>
        <translation>Папка данных (пусто — папка по умолчанию)</translation>
    </message>
    <message>
        <source>Automatic backups kept: the newest of each of the last days</source>
        <translation>Резервные копии: сколько последних дней хранить (по одной за день)</translation>
    </message>
    <message>
        <source>Automatic backups kept: the newest of each of the last weeks</source>
        <translation>Резервные копии: сколько последних недель хранить (по одной за неделю)</translation>
    </message>
    <message>
        <source>Automatic backups kept: the newest of each of the last months</source>
        <translation>Резервные копии: сколько последних месяцев хранить (по одной за месяц)</translation>
    </message>
    <message>
        <source>Change journal of pedagogues&apos; cards kept, years</source>
        <translation>Журнал изменений карточек педагогов хранится, лет</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Sync folder on the network share (empty: no sync)</source>
        <translation>Папка синхронизации на общем ресурсе (пусто — без синхронизации)</translation>
    </message>
    <message>
        <source>This workstation&apos;s name (empty: the computer&apos;s name)</source>
        <translation>Имя этого рабочего места (пусто — имя компьютера)</translation>
    </message>
    <message>
        <source>Synchronise every, minutes (0: only on start and exit)</source>
        <translation>Синхронизировать каждые, минут (0 — только при запуске и выходе)</translation>
    </message>
    <message>
        <source>Synchronise automatically on start, on exit and on schedule</source>
        <translation>Синхронизировать автоматически при запуске, при выходе и по расписанию</translation>
    </message>
    <message>
        <source>Snapshot: include the changes older than, days, even if a workstation has not received them yet</source>
        <translation>Снимок: включать изменения старше, дней, даже если их ещё не получило какое-то рабочее место</translation>
    </message>
    <message>
        <source>Keep the archived change files of the sync folder, days</source>
        <translation>Хранить архивные файлы изменений в папке синхронизации, дней</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>sections only an administrator changes (152-ФЗ: where the data travel)</extracomment>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>changed by an administrator only</source>
        <translation>изменяет только администратор</translation>
    </message>
</context>
<context>
    <name>Signers</name>
    <message>
        <source>the education authority&apos;s name is the sample one</source>
        <translation>название управления образования — образец из настроек по умолчанию</translation>
    </message>
    <message>
        <source>the director&apos;s name is empty</source>
        <translation>не указано ФИО директора</translation>
    </message>
    <message>
        <source>the executor&apos;s name is empty</source>
        <translation>не указано ФИО исполнителя</translation>
    </message>
    <message>
        <source>The report would come out with a placeholder or a blank name:</source>
        <translation>Отчёт выйдет с образцом вместо названия или с пустой подписью:</translation>
    </message>
    <message>
        <source>Fill them in the settings first?</source>
        <translation>Заполнить их в настройках?</translation>
    </message>
    <message>
        <source>Signatures not filled in</source>
        <translation>Подписи не заполнены</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Открыть настройки…</translation>
    </message>
    <message>
        <source>Continue as is</source>
        <translation>Продолжить как есть</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Номер приказа</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Дата приказа</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Yearly report received</source>
        <translation>Годовой отчёт получен</translation>
    </message>
    <message>
        <source>Report received on</source>
        <translation>Дата получения отчёта</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Staff</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <source>Show SNILS and INN</source>
        <translation>Показать СНИЛС и ИНН</translation>
    </message>
    <message>
        <source>Personal data: show the full numbers only when the work needs them</source>
        <translation>Персональные данные: показывайте полные номера, только когда это нужно для работы</translation>
    </message>
    <message>
        <source>Pedagogues</source>
        <translation>Педагогические работники</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Предметы</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Teaching experience</source>
        <translation>Пед. стаж</translation>
    </message>
    <message>
        <source>Last courses</source>
        <translation>Последние КПК</translation>
    </message>
    <message>
        <source>Courses due</source>
        <translation>КПК до</translation>
    </message>
    <message>
        <source>Courses status</source>
        <translation>КПК</translation>
    </message>
    <message>
        <source>Young specialist</source>
        <translation>Молодой специалист</translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>Все ОО</translation>
    </message>
    <message>
        <source>All positions</source>
        <translation>Все должности</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>Все предметы</translation>
    </message>
    <message>
        <source>Young specialists</source>
        <translation>Молодые специалисты</translation>
    </message>
    <message>
        <source>Courses overdue</source>
        <translation>КПК просрочены</translation>
    </message>
    <message>
        <source>Add courses to selected…</source>
        <translation>Курсы выбранным…</translation>
    </message>
    <message>
        <source>One finished course for every pedagogue selected in the list</source>
        <translation>Одни и те же пройденные курсы всем педагогам, выбранным в списке</translation>
    </message>
    <message>
        <source>Pedagogue</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Pedagogue not saved</source>
        <translation>Педагог не сохранён</translation>
    </message>
    <message>
        <source>Delete pedagogues</source>
        <translation>Удаление педагогов</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n pedagogue(s) with their jobs, education, courses and awards?</source>
        <translation>
            <numerusform>Удалить %n педагога вместе с местами работы, образованием, курсами и наградами?</numerusform>
            <numerusform>Удалить %n педагогов вместе с местами работы, образованием, курсами и наградами?</numerusform>
            <numerusform>Удалить %n педагогов вместе с местами работы, образованием, курсами и наградами?</numerusform>
        </translation>
    </message>
    <message>
        <source>Pedagogue not deleted</source>
        <translation>Педагог не удалён</translation>
    </message>
    <message>
        <source>Courses for the selected</source>
        <translation>Курсы для выбранных</translation>
    </message>
    <message>
        <source>Select the pedagogues in the list first (Ctrl+click, Shift+click).</source>
        <translation>Сначала выберите педагогов в списке (Ctrl+щелчок, Shift+щелчок).</translation>
    </message>
    <message numerus="yes">
        <source>The course was added to %n pedagogue(s).</source>
        <translation>
            <numerusform>Курсы добавлены %n педагогу.</numerusform>
            <numerusform>Курсы добавлены %n педагогам.</numerusform>
            <numerusform>Курсы добавлены %n педагогам.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>What was written, and the rows that were left out.</source>
        <translation>Что записано и какие строки исключены.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Why it was left out</source>
        <translation>Почему исключена</translation>
    </message>
    <message>
        <source>Created: %1; updated: %2; unchanged: %3; left out: %4</source>
        <translation>Создано: %1; обновлено: %2; без изменений: %3; пропущено: %4</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>S&amp;ynchronise</source>
        <translation>Син&amp;хронизировать</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>&amp;Конфликты синхронизации…</translation>
    </message>
    <message>
        <source>Change &amp;journal…</source>
        <translation>&amp;Журнал изменений…</translation>
    </message>
    <message>
        <source>Workstation &amp;admission…</source>
        <translation>&amp;Допуск рабочих мест…</translation>
    </message>
    <message>
        <source>Change sync &amp;key…</source>
        <translation>Сменить &amp;ключ синхронизации…</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Choose the sync folder on the network share in Service → Settings.</source>
        <translation>Укажите папку синхронизации на общем ресурсе: Сервис → Настройки.</translation>
    </message>
    <message>
        <source>sync folder unreachable</source>
        <translation>папка синхронизации недоступна</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>The sync folder is encrypted with the district sync key, which this computer does not know yet.</source>
        <translation>Папка синхронизации зашифрована ключом синхронизации района, который этот компьютер ещё не знает.</translation>
    </message>
    <message>
        <source>Bad file set aside: %1</source>
        <translation>Испорченный файл отложен: %1</translation>
    </message>
    <message>
        <source>Records with the same natural key (check and merge them):</source>
        <translation>Записи с одинаковым ключом (проверьте и объедините их):</translation>
    </message>
    <message>
        <source>Open Service → Sync conflicts to review them.</source>
        <translation>Просмотрите их: Сервис → Конфликты синхронизации.</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>Синхронизация: не настроена</translation>
    </message>
    <message>
        <source>never</source>
        <translation>не было</translation>
    </message>
    <message>
        <source>Sync: %1 · unsent: %2 · conflicts: %3</source>
        <translation>Синхронизация: %1 · не отправлено: %2 · конфликтов: %3</translation>
    </message>
    <message>
        <source>waiting for admission, code %1</source>
        <translation>ожидает допуска, код %1</translation>
    </message>
    <message>
        <source>Workstation admission</source>
        <translation>Допуск рабочих мест</translation>
    </message>
    <message>
        <source>Change sync key</source>
        <translation>Смена ключа синхронизации</translation>
    </message>
    <message>
        <source>Type the new words written down when the change began.</source>
        <translation>Введите новые слова, записанные в начале смены.</translation>
    </message>
    <message>
        <source>Encrypting the sync folder with the new key…</source>
        <translation>Шифрование папки синхронизации новым ключом…</translation>
    </message>
    <message>
        <source>The sync key is changed: %1 files of the sync folder are encrypted with the new key. The other workstations ask for the new words at their next sync.</source>
        <translation>Ключ синхронизации сменён: файлов папки синхронизации, зашифрованных новым ключом, — %1. Другие компьютеры попросят новые слова при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Left as it was (opens with neither key): %1</source>
        <translation>Оставлен как был (не открывается ни одним ключом): %1</translation>
    </message>
</context>
<context>
    <name>TitleDialog</name>
    <message>
        <source>New title</source>
        <translation>Новое издание</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Классы</translation>
    </message>
    <message>
        <source>5 or 10–11</source>
        <translation>5 или 10–11</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <source>FPU position No.</source>
        <translation>Порядковый номер в ФПУ</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>FPU status</source>
        <translation>Статус ФПУ</translation>
    </message>
    <message>
        <source>Excluded on</source>
        <translation>Дата исключения</translation>
    </message>
    <message>
        <source>Use until</source>
        <translation>Использовать до</translation>
    </message>
    <message>
        <source>Price, roubles</source>
        <translation>Цена, руб.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users and roles</source>
        <translation>Пользователи и роли</translation>
    </message>
    <message>
        <source>Windows login</source>
        <translation>Имя входа в Windows</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>ОО методиста</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>may use the program</source>
        <translation>может работать в программе</translation>
    </message>
    <message>
        <source>A methodist changes only the records of the ticked organizations; he sees every list. An administrator does everything: restore, roles, synchronisation settings, full SNILS and INN in reports.</source>
        <translation>Методист изменяет только записи отмеченных ОО, а видит все списки. Администратор может всё: восстановление из копии, пользователи и роли, настройки синхронизации, полные СНИЛС и ИНН в отчётах.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Teacher&apos;s name</source>
        <translation>ФИО учителя</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Посещение</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Учитель</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Lesson topic</source>
        <translation>Тема урока</translation>
    </message>
    <message>
        <source>Checklist: 0 — not shown, 1 — partly, 2 — fully</source>
        <translation>Критерии: 0 — не проявляется, 1 — частично, 2 — в полной мере</translation>
    </message>
    <message>
        <source>Recommendations (Shift+Enter: new line)</source>
        <translation>Рекомендации (Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New (Esc)</source>
        <translation>Новая запись (Esc)</translation>
    </message>
    <message>
        <source>Date: type it as dd.mm.yyyy.</source>
        <translation>Дата: введите как дд.мм.гггг.</translation>
    </message>
    <message>
        <source>Organization: pick one from the list under the field.</source>
        <translation>ОО: выберите организацию из списка под полем.</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Новое посещение</translation>
    </message>
    <message>
        <source>Changing the visit of %1 (Esc: a new one)</source>
        <translation>Изменение посещения от %1 (Esc — новое)</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visit</source>
        <translation>Посещение</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Посещения</translation>
    </message>
    <message>
        <source>Visit report (Word)…</source>
        <translation>Справка по итогам (Word)…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>ОО</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Учитель</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Marks, %</source>
        <translation>Баллы, %</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Lesson topic</source>
        <translation>Тема урока</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Справка по итогам посещения</translation>
    </message>
    <message>
        <source>Choose a visit in the list.</source>
        <translation>Выберите посещение в списке.</translation>
    </message>
    <message>
        <source>Delete visits</source>
        <translation>Удаление посещений</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n visit(s)?</source>
        <translation>
            <numerusform>Удалить %n посещение?</numerusform>
            <numerusform>Удалить %n посещения?</numerusform>
            <numerusform>Удалить %n посещений?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingTableModel</name>
    <message>
        <source>Workstation</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Код проверки</translation>
    </message>
</context>
<context>
    <name>WeeklyCheck</name>
    <message>
        <source>Checking the database in the background…</source>
        <translation>Идёт проверка базы данных в фоне…</translation>
    </message>
    <message>
        <source>The weekly check of the database failed: %1</source>
        <translation>Еженедельная проверка базы не выполнена: %1</translation>
    </message>
    <message>
        <source>Weekly check: the database is sound.</source>
        <translation>Еженедельная проверка: база в порядке.</translation>
    </message>
    <message numerus="yes">
        <source>Weekly check: problems found in the database (%n)</source>
        <translation>
            <numerusform>Еженедельная проверка: в базе найдена %n проблема</numerusform>
            <numerusform>Еженедельная проверка: в базе найдено %n проблемы</numerusform>
            <numerusform>Еженедельная проверка: в базе найдено %n проблем</numerusform>
        </translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Проверка базы данных</translation>
    </message>
    <message>
        <source>The weekly check found problems in the database. Make a backup copy now (File → Backup) and tell the administrator.</source>
        <translation>Еженедельная проверка нашла проблемы в базе данных. Сделайте резервную копию сейчас (Файл → Резервная копия…) и сообщите администратору.</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message numerus="yes">
        <source>Write off %n item(s)</source>
        <translation>
            <numerusform>Списание: %n единица</numerusform>
            <numerusform>Списание: %n единицы</numerusform>
            <numerusform>Списание: %n единиц</numerusform>
        </translation>
    </message>
    <message>
        <source>Act No.</source>
        <translation>Номер акта</translation>
    </message>
    <message>
        <source>Act date</source>
        <translation>Дата акта</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Commission chairman</source>
        <translation>Председатель комиссии</translation>
    </message>
    <message>
        <source>Commission members (one per line)</source>
        <translation>Члены комиссии (по одному в строке)</translation>
    </message>
    <message>
        <source>At least two members.</source>
        <translation>Не менее двух членов комиссии.</translation>
    </message>
</context>
<context>
    <name>_ActionForm</name>
    <message>
        <source>Basis: order No.</source>
        <translation>Основание: приказ №</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Дата приказа</translation>
    </message>
    <message>
        <source>The order comes before the act: check its date.</source>
        <translation>Приказ издаётся до акта: проверьте его дату.</translation>
    </message>
</context>
<context>
    <name>_ColumnRow</name>
    <message>
        <source>Column heading</source>
        <translation>Заголовок столбца</translation>
    </message>
    <message>
        <source>Values separated by «;»</source>
        <translation>Значения через «;»</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>_Deadline</name>
    <message>
        <source>until</source>
        <translation>до</translation>
    </message>
</context>
<context>
    <name>_SyncPage</name>
    <message>
        <source>empty: no synchronisation</source>
        <translation>пусто — без синхронизации</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Папка синхронизации</translation>
    </message>
    <message>
        <source>The folder %1 is not found. Choose an existing folder or leave the field empty.</source>
        <translation>Папка %1 не найдена. Выберите существующую папку или оставьте поле пустым.</translation>
    </message>
</context>
<context>
    <name>open_file</name>
    <message>
        <source>File not found: %1</source>
        <translation>Файл не найден: %1</translation>
    </message>
    <message>
        <source>No program to open %1 was found. Open the file yourself from its folder: %2</source>
        <translation>Не найдена программа, которая открывает %1. Откройте файл сами из его папки: %2</translation>
    </message>
</context>
</TS>
