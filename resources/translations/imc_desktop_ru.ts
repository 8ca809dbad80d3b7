<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>App</name>
    <message>
        <source>No backup of this database was found. Restore it from a copy you keep elsewhere (File → Restore from backup) or ask your administrator.</source>
        <translation>Резервная копия этой базы не найдена. Восстановите её из копии, которую вы храните отдельно (Файл → Восстановить из копии), или обратитесь к администратору.</translation>
    </message>
    <message>
        <source>Restore the latest backup {name}? The damaged file will be kept beside the backups.</source>
        <translation>Восстановить последнюю резервную копию {name}? Повреждённый файл будет сохранён рядом с резервными копиями.</translation>
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
    <name>DateEdit</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IMC Desktop — methodist&apos;s workstation</source>
        <translation>ИМЦ — рабочее место методиста</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Отчёты…</translation>
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
        <source>Gathering the data…</source>
        <translation>Сбор данных…</translation>
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
        <source>Data folder (empty: the default folder)</source>
        <translation>Папка данных (пусто — папка по умолчанию)</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>Сколько автоматических копий хранить</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
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
