## Лиды: приём, карточка представителя, споры и решения, регламент квалификации.

cmd-leads = Лиды: ваши, вашей команды или все
cmd-newlead = Добавить лид (или прислать файл CSV/XLSX)
cmd-disputes = Спорные лиды, ждущие решения
cmd-regulation = Регламент квалификации лидов

flow-left-lead = ⚠️ Новый лид остался недозаполненным; начните заново с /newlead.
flow-left-return = ⚠️ Лид не возвращён.
flow-left-ruling = ⚠️ Решение не вынесено.
flow-left-regulation = ⚠️ Пункт, который вы писали, не сохранён.

error-use-buttons = Пожалуйста, выберите кнопкой или нажмите /cancel.
error-lead-phone = «{ $value }» не похоже на номер телефона. Укажите его с кодом страны, например +7 916 123-45-67.
error-lead-email = «{ $value }» — не адрес электронной почты.
error-lead-name = У лида должно быть имя.
error-lead-contact = У лида должен быть телефон или e-mail.
error-lead-state = Лид за это время изменился: откройте его заново.
error-lead-nobody = Там некому его взять (все в отсутствии или отключены).
error-lead-loss-reason = Выберите, почему сделка проиграна.
error-dispute-window = Срок оспаривания истёк: лид можно оспорить в течение { $hours } ч после назначения.
error-dispute-decided = По этому спору уже есть решение.
error-regulation-number = Пришлите целое число.
error-regulation-range = Пришлите число от { $low } до { $high }.
error-regulation-no-grounds = В регламенте должно быть хотя бы одно основание для спора.
error-search-short = Наберите хотя бы две буквы или цифры.
error-import-format = Это не файл CSV или XLSX. Пришлите лиды файлом .csv или .xlsx.
error-import-empty = В файле нет ни одного лида.
error-import-too-big = Файл слишком большой: не больше { $megabytes } МБ.
error-import-too-many = В файле слишком много строк: не больше { $limit }.
error-import-no-columns = Не нашёл ни одного знакомого заголовка столбца. Назовите столбцы, например: { $known }.
error-import-campaign = Нет кампании «{ $value }».

lead-status-unassigned = Не назначен
lead-status-new = Новый
lead-status-taken = В работе
lead-status-disputed = Оспорен
lead-status-disqualified = Дисквалифицирован
lead-status-contacted = Связались
lead-status-meeting = Встреча назначена
lead-status-won = Сделка
lead-status-lost = Проигран

dispute-status-approval = Ждёт согласования
dispute-status-open = Ждёт решения
dispute-status-upheld = Спор удовлетворён
dispute-status-overturned = Спор отклонён
dispute-status-declined = Не согласован

lead-card-new = 🆕 <b>Новый лид для вас</b>
lead-card-back-overturned = ↩️ <b>Снова в работе:</b> { $name } отклонил(а) спор со ссылкой на пункт
lead-card-back-returned = ↩️ <b>Передан вам:</b> { $name } вернул(а) его ({ $reason }).
lead-card-title = <b>Лид #{ $number }: { $name }</b>
lead-card-phone = 📞 { $phone }
lead-card-email = ✉️ { $email }
lead-card-contacts-hidden = 🔒 Контакты видит только представитель, у которого лид сейчас.
lead-card-company = 🏢 { $value }
lead-card-region = 📍 { $value }
lead-card-source = 🔗 Источник: { $value }
lead-card-campaign = 📣 Кампания: { $value }
lead-card-comment = 💬
lead-card-status = Состояние: { $status }
lead-card-rep = Представитель: { $name }
lead-card-duplicate = ⚠️ Возможный дубль лида #{ $number }
lead-card-deadline = ⏰ Первое действие до <b>{ $when }</b> ({ $relative }), по вашему времени
lead-card-loss = Проигран: { $reason }

lead-take-button = ✅ Беру
lead-dispute-button = ⚠️ Оспорить
lead-return-button = ↩️ Вернуть
lead-outcome-c = 📞 Связались
lead-outcome-m = 🤝 Встреча
lead-outcome-w = 🏆 Сделка
lead-outcome-l = ✖️ Проигран
lead-assign-button = 👥 Назначить
lead-history-button = 📜 История
lead-evidence-button = 📎 Доказательство
lead-open-button = 📇 Открыть лид
lead-taken = Лид ваш
leads-back-button = « Лиды

lead-loss-prompt = Почему лид #{ $number } проигран?
lead-loss-budget = Нет бюджета
lead-loss-competitor = Выбрали конкурента
lead-loss-silent = Перестали отвечать
lead-loss-uninterested = Не интересно
lead-loss-other = Другое

lead-return-prompt = Почему вы возвращаете лид #{ $number }?
lead-return-territory = Не моя территория
lead-return-cannot = Не могу обработать
lead-return-away = Я в отсутствии
lead-return-other = Другое (с комментарием)
lead-return-comment = ✍️ Напишите, почему вы возвращаете лид #{ $number }.
lead-returned = ↩️ Лид #{ $number } возвращён и передан: { $name }.
lead-returned-unassigned = ↩️ Лид #{ $number } возвращён. В команде его некому взять — маркетинг назначит его заново.

lead-dispute-prompt = ⚠️ <b>Оспорить лид #{ $number }</b> — выберите пункт регламента (v{ $version }):
lead-dispute-over-cap = Вы превысили лимит споров ({ $percent }% ваших лидов за 30 дней): этот спор сначала согласует руководитель группы.
lead-dispute-opened = ⚠️ Лид #{ $number } оспорен по пункту <b>{ $clause } { $title }</b>.
    Пришлите заметку, фото, голосовое или документ как доказательство, если есть, или нажмите «Готово».
lead-dispute-opened-approval = ⚠️ Лид #{ $number } оспорен по пункту <b>{ $clause } { $title }</b>. Сначала его согласует руководитель группы.
    Пришлите заметку, фото, голосовое или документ как доказательство, если есть, или нажмите «Готово».
lead-dispute-done = ✅ Готово
lead-dispute-sent = ✅ Спор передан аналитикам. Решение придёт сюда.
lead-dispute-sent-approval = ✅ Спор ждёт согласования руководителя группы, затем его рассмотрят аналитики. Решение придёт сюда.
lead-dispute-sent-toast = Отправлено
lead-dispute-evidence-kept = 📎 Сохранено вместе со спором. Аналитики это увидят.
lead-dispute-line = ⚖️ Спор #{ $number }: { $status }
lead-dispute-note = 📝
lead-verdict-cites = Решение ссылается на:
lead-verdict-remark = 💬 Комментарий:
lead-approval-approved = ✅ Спор #{ $number } передан аналитикам.
lead-approval-declined = ↩️ Спор #{ $number } не согласован: лид вернулся к представителю.
reg-version-tag = (v{ $version })

lead-evidence-photo = 📷 Фото
lead-evidence-voice = 🎤 Голосовое
lead-evidence-document = 📄 Документ
lead-evidence-note = 📝 Заметка

lead-history-title = 📜 <b>История лида #{ $number }: { $name }</b>
lead-history-earlier = … ещё { $count } записей раньше
lead-history-none = Истории для показа нет.
lead-history-system = Tandem
lead-history-created = { $when } — создал(а) { $actor }
lead-history-imported = { $when } — загружен из файла: { $actor }
lead-history-assigned = { $when } — { $actor } назначил(а): { $rep }
lead-history-reassigned = { $when } — { $actor } передал(а): { $rep }
lead-history-taken = { $when } — { $rep } взял(а) в работу
lead-history-disputed = { $when } — { $rep } оспорил(а) по пункту { $clause } (v{ $version })
lead-history-evidence = { $when } — { $rep } добавил(а) доказательство: { $detail }
lead-history-approved = { $when } — { $actor } согласовал(а) спор
lead-history-declined = { $when } — { $actor } не согласовал(а) спор
lead-history-upheld = { $when } — { $actor } удовлетворил(а) спор по пункту { $clause } (v{ $version })
lead-history-overturned = { $when } — { $actor } отклонил(а) спор по пункту { $clause } (v{ $version }); теперь у: { $rep }
lead-history-returned = { $when } — { $rep } вернул(а): { $detail }
lead-history-outcome = { $when } — { $rep }: { $detail }
lead-history-unassigned = { $when } — лид некому взять

lead-late-rep = ⏰ <b>Лид #{ $number } ({ $name }) ждёт.</b> Первое действие нужно было сделать до { $when }. Возьмите, оспорьте или верните его.
lead-late-lead = ⏰ <b>{ $rep } пропустил(а) срок первого действия</b> по лиду #{ $number } ({ $name }), срок был { $when }.
lead-orphan = ⏸ <b>Лид #{ $number } ({ $name }) без представителя:</b> его вернули, а в команде некому взять. Назначьте его.

lead-assign-prompt = 👥 Кому передать лид #{ $number }?
lead-assign-team = 🔄 По очереди: { $team }
lead-assigned = ✅ Лид #{ $number } передан: { $name }.

lead-form-intro = 🆕 <b>Новый лид.</b> /cancel — прервать. Много лидов сразу? Пришлите вместо этого файл CSV или XLSX.
lead-form-name = Имя контактного лица?
lead-form-phone = Телефон (с кодом страны или российский номер)?
lead-form-email = E-mail?
lead-form-company = Компания?
lead-form-region = Регион?
lead-form-source = Источник (сайт, выставка, …)?
lead-form-campaign = Кампания?
lead-form-comment = Комментарий для представителя?
lead-form-assign = Кому передать?
lead-form-skip = ⏭ Пропустить
lead-form-unassigned = ⏸ Пока не назначать
lead-created = ✅ Лид #{ $number } ({ $name }) сохранён.
lead-created-duplicate = ⚠️ Возможный дубль лида #{ $number } (тот же телефон или e-mail за последние 30 дней).
lead-created-assigned = Передан: { $name }.
lead-created-unassigned = Пока не назначен.

import-prompt = 📥 Пришлите файл CSV или XLSX с лидами: строка заголовков (имя, телефон, e-mail, компания, регион, источник, кампания, комментарий — по-русски или по-английски), затем по лиду в строке.
import-done = 📥 <b>Загрузка завершена.</b>
    Загружено: { $imported } (из них возможных дублей: { $duplicates })
    Отклонено: { $rejected }
import-assign-prompt = Раздать новые лиды по очереди:
import-by-region = 🗺 По региону каждого лида
import-assigned = ✅ Роздано лидов: { $assigned }; не назначено: { $left }.
import-rejected-caption = Отклонённые строки ({ $count }) с причиной для каждой.
import-col-reason = Причина

leads-title-mine = 📇 <b>Ваши лиды</b>: { $total }
leads-title-team = 📇 <b>Лиды вашей команды</b>: { $total }
leads-title-all = 📇 <b>Все лиды</b>: { $total }
leads-filter-source = Источник: { $value }
leads-filter-campaign = Кампания: { $value }
leads-empty = Лидов пока нет.
leads-away-line = 🌴 { $name } в отсутствии { $since } – { $until }
leads-all = Все
leads-all-button = 📋 Все
leads-search-button = 🔎 Поиск по имени или телефону
leads-filter-button = 🧰 Фильтр по источнику или кампании
leads-new-button = ➕ Новый лид
leads-import-button = 📥 Загрузить файл
leads-export-csv = 📤 CSV
leads-export-xlsx = 📤 Excel
leads-sources-button = 🔌 Источники (HTTP)
leads-page-title = { $status }: { $total } · стр. { $page }/{ $pages }
leads-filter-prompt = Фильтр по источнику (🔗) или кампании (📣):
leads-search-prompt = 🔎 Наберите начало имени или номер телефона.
leads-search-none = Ничего не нашлось.
leads-search-found = Найдено: { $count }
leads-exported = Отправлено
leads-export-sheet = Лиды
leads-export-caption = Лиды: { $count }, с состоянием и историей.
disputes-export-sheet = Споры
disputes-export-caption = Споры: { $count }, по пунктам, источникам, кампаниям, представителям и командам.
leads-col-id = Лид
leads-col-name = Имя
leads-col-phone = Телефон
leads-col-email = E-mail
leads-col-company = Компания
leads-col-region = Регион
leads-col-source = Источник
leads-col-campaign = Кампания
leads-col-status = Состояние
leads-col-rep = Представитель
leads-col-team = Команда
leads-col-created = Создан
leads-col-duplicate = Дубль лида
leads-col-history = История
disputes-col-id = Спор
disputes-col-lead = Лид
disputes-col-opened = Открыт
disputes-col-status = Состояние
disputes-col-version = Версия
disputes-col-clause = Пункт
disputes-col-title = Название пункта
disputes-col-source = Источник
disputes-col-campaign = Кампания
disputes-col-rep = Представитель
disputes-col-team = Команда
disputes-col-verdict-clause = Пункт решения
disputes-col-analyst = Аналитик
disputes-col-remark = Комментарий
disputes-col-note = Заметка представителя

sources-title = 🔌 <b>Источники лидов</b>: { $count }
    POST /api/leads с заголовком Authorization: Bearer &lt;токен&gt;.
sources-line = • { $name } (#{ $number }, с { $since })
sources-revoke = 🚫 Отозвать { $name }
sources-new-button = ➕ Новый источник
sources-name-prompt = Как назвать источник (например, «Форма на сайте»)?
sources-created = 🔑 Источник «{ $name }» готов. Его токен — показывается только сейчас, храните его в секрете:
    <code>{ $token }</code>
sources-revoked = 🚫 «{ $name }» отозван: его токен больше не работает.

disputes-empty = ✅ Споров, ждущих решения, нет.
disputes-title = ⚖️ <b>Споры, ждущие решения</b>: { $count }, сначала старые · стр. { $page }/{ $pages }
disputes-line = #{ $number } · { $lead } · { $clause } · { $rep } · { $due }
disputes-back-button = « Споры
dispute-due-none = без срока
dispute-due-in = срок { $relative }
dispute-due-late = просрочен, срок был { $relative }
dispute-card-title = ⚖️ <b>Спор #{ $number }</b> · { $status }
dispute-card-rep = От: { $name }, { $when }
dispute-card-due = Решение: { $due }
dispute-uphold-button = ✅ Удовлетворить
dispute-overturn-button = ↩️ Отклонить
dispute-open-button = ⚖️ Открыть спор
dispute-approve-button = ✅ Согласовать
dispute-decline-button = ❌ Не согласовывать
dispute-evidence-caption = Доказательство по спору #{ $number }
dispute-approval = ⚠️ <b>{ $rep } превысил(а) лимит споров</b> и оспаривает лид { $lead } (спор #{ $number }). Передать аналитикам?
dispute-new = ⚖️ <b>Новый спор #{ $number }</b>: лид { $lead } от { $rep }, по пункту
dispute-overdue = ⏰ <b>Спор #{ $number } просрочен</b>: лид { $lead } от { $rep }.

ruling-title-uphold = ✅ <b>Удовлетворить спор #{ $number }</b> ({ $lead }): лид будет дисквалифицирован.
ruling-title-overturn = ↩️ <b>Отклонить спор #{ $number }</b> ({ $lead }): лид вернётся в работу.
ruling-cites = Решение ссылается на:
ruling-cite = Сослаться на { $number } { $title }
ruling-target-same = Лид вернётся тому же представителю.
ruling-target-rr = Лид уйдёт по очереди другому представителю команды.
ruling-target-rep = Лид получит { $name }.
ruling-to-same = 👤 Тому же представителю
ruling-to-rotation = 🔄 По очереди в команде
ruling-remark-prompt = Напишите комментарий — он уйдёт вместе с решением, — или подтвердите без него.
ruling-confirm = ✅ Подтвердить
ruling-upheld = ✅ Спор #{ $number } удовлетворён: лид #{ $lead } дисквалифицирован. Обе стороны уведомлены.
ruling-overturned = ↩️ Спор #{ $number } отклонён: лид #{ $lead } снова в работе у: { $name }. Обе стороны уведомлены.

verdict-rep-upheld = ✅ <b>Ваш спор по лиду #{ $number } ({ $name }) удовлетворён</b> ({ $analyst }): лид дисквалифицирован.
verdict-rep-overturned = ↩️ <b>Ваш спор по лиду #{ $number } ({ $name }) отклонён</b> ({ $analyst }): лид снова в работе у: { $assignee }.
verdict-source-upheld = 🚫 <b>Лид #{ $number } ({ $name }) из источника «{ $source }» дисквалифицирован</b> ({ $analyst }). Почему:

reg-title = 📘 <b>Регламент квалификации лидов, версия { $version }</b> (с { $date })
reg-draft-title = ✏️ <b>Черновик версии { $version }</b>
reg-section-dispute = <b>{ $number }. Основания для спора</b>
reg-section-return = <b>{ $number }. Основания для возврата</b>
reg-section-none = <b>{ $number }. Не является основанием</b>
reg-section-empty = —
reg-settings-title = <b>Параметры</b>
reg-setting-window = Срок оспаривания: { $hours } ч после назначения
reg-setting-first = Первое действие — в течение { $hours } рабочих ч
reg-setting-decision = Решение аналитика — в течение { $hours } рабочих ч
reg-setting-cap = Лимит споров: { $percent }% лидов представителя за 30 дней
reg-summary = <b>Что изменилось:</b>
reg-ack-button = ✅ Ознакомлен(а)
reg-read-button = 📘 Открыть регламент
reg-version-button = v{ $version }
reg-figures-button = 📊 Кто ознакомился
reg-edit-button = ✏️ Редактировать следующую версию
reg-add-dispute = ➕ Основание спора
reg-add-return = ➕ Основание возврата
reg-add-none = ➕ Не основание
reg-set-window = ⚙️ Срок спора
reg-set-first = ⚙️ Первое действие
reg-set-decision = ⚙️ Решение
reg-set-cap = ⚙️ Лимит
reg-publish-button = 🚀 Опубликовать
reg-clause-title-prompt = Название пункта?
reg-clause-body-prompt = Теперь его текст.
reg-clause-saved = ✅ Пункт { $number } сохранён в черновике.
reg-clause-retired = Пункт { $number } исключён
reg-setting-prompt-window = Срок оспаривания в часах (сейчас { $value })?
reg-setting-prompt-first = Срок первого действия в рабочих часах (сейчас { $value })?
reg-setting-prompt-decision = Срок решения аналитика в рабочих часах (сейчас { $value })?
reg-setting-prompt-cap = Лимит споров в процентах (сейчас { $value })?
reg-publish-prompt = 🚀 Публикация версии { $version }: напишите, что изменилось. Это получат все представители, руководители групп и маркетологи.
reg-published = 🚀 Версия { $version } опубликована; изменения получат { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[other] { $count } человек
    }.
reg-news = 📘 <b>Новая версия { $version } регламента квалификации лидов.</b> Что изменилось:
reg-acked = ✅ Спасибо: вы ознакомились с версией { $version }.
reg-acked-toast = Отмечено
reg-figures-title = 📊 <b>Кто ознакомился с версией { $version }</b>
reg-figures-total = Отправлено { $recipients }, доставлено { $delivered }, ознакомились { $read }, недоступны { $unreachable }.
reg-figures-not-read = Ещё нет:
