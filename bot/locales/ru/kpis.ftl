## Общие KPI: сводка, графики и выгрузки, еженедельный дайджест, черновик повестки.

cmd-kpi = Общие KPI маркетинга и продаж

kpi-no-data = пока нет данных
kpi-percent = { $value } %
kpi-share = { $value } % ({ $part } из { $whole })
kpi-change = { $now } (было: { $before }, { $delta } п. п.)
kpi-change-none = { $now } (было: { $before })

kpi-period-tw = Эта неделя
kpi-period-lw = Прошлая неделя
kpi-period-30d = 30 дней
kpi-period-q = Квартал
kpi-scope-all = Все
kpi-scope-me = Я

kpi-title = 📊 <b>KPI · { $period }</b> · { $scope }
kpi-dates = { $dates } (в сравнении с { $before })
kpi-dates-only = { $dates }

kpi-section-shared = <b>🤝 Общие показатели</b>
kpi-quality = 🎯 Качество лидов: { $value }
kpi-handling = ⚙️ Отработка лидов: { $value }
kpi-section-campaigns = <b>📣 Кампании</b>
kpi-campaigns-line = Ознакомились до запуска: { $acknowledged } · медиана до ознакомления: { $median } · недоступны: { $unreachable }
kpi-section-questions = <b>❓ Вопросы</b>
kpi-questions-line = Открытых: { $open } · медиана до ответа: { $median } · опубликовано в FAQ: { $published }
kpi-section-feedback = <b>💬 Обратная связь с поля</b>
kpi-feedback-none = За период отзывов нет.
kpi-feedback-rating = «{ $name }»: ⭐ { $average } ({ $count ->
        [one] { $count } оценка
        [few] { $count } оценки
       *[other] { $count } оценок
    }; было: { $before }) { $trend }
kpi-feedback-negative = 👎 «{ $message }»: { $share }
kpi-section-leads = <b>🧲 Лиды</b>
kpi-leads-flow = Передано { $delivered } · взято { $taken } · оспорено { $disputed } · возвращено { $returned }
kpi-leads-outcomes = Споров принято { $upheld } · отклонено { $overturned } · выиграно { $won } · проиграно { $lost }
kpi-leads-rates = Доля споров { $dispute } · доля отклонённых споров { $overturn } · SLA первого действия { $first } · SLA решения { $decision }
kpi-section-meetings = <b>🗓 Встречи</b>
kpi-meetings-line = Проведено: { $held } · посещаемость: { $attendance } · задачи в срок: { $actions }
kpi-your-team = <b>👥 Ваша команда «{ $team }»</b>
kpi-section-teams = <b>👥 По командам</b>
kpi-team-row = <b>{ $team }</b>: качество { $quality } · отработка { $handling } · споры { $dispute } · отклонено { $overturn } · { $delivered ->
        [one] { $delivered } лид
        [few] { $delivered } лида
       *[other] { $delivered } лидов
    }
kpi-more-teams = … и ещё { $count ->
        [one] { $count } команда (см. выгрузку)
        [few] { $count } команды (см. выгрузку)
       *[other] { $count } команд (см. выгрузку)
    }
kpi-section-changes = <b>📈 Главные изменения</b>
kpi-no-changes = С прошлого периода ни один показатель не изменился.
kpi-moved-rose = { $measure }: рост с { $before } % до { $now } %
kpi-moved-fell = { $measure }: снижение с { $before } % до { $now } %
kpi-moved-team-rose = { $measure } в команде { $team } выросла с { $before } % до { $now } %
kpi-moved-team-fell = { $measure } в команде { $team } снизилась с { $before } % до { $now } %

kpi-measure-quality = Качество лидов
kpi-measure-handling = Отработка лидов
kpi-measure-dispute-rate = Доля споров
kpi-measure-overturn-rate = Доля отклонённых споров
kpi-measure-first-action-sla = SLA первого действия
kpi-measure-decision-sla = SLA решения аналитика
kpi-measure-acknowledged = Ознакомление до запуска
kpi-measure-attendance = Посещаемость встреч
kpi-measure-actions-on-time = Задачи в срок

kpi-by-source = 🔎 По источникам
kpi-by-campaign = 🔎 По кампаниям
kpi-chart-trend = 📈 Динамика
kpi-chart-sources = 📊 Исходы
kpi-chart-acks = ✅ Ознакомление
kpi-export-csv = 📤 CSV
kpi-export-xlsx = 📤 Excel
kpi-back = ⬅️ Назад
kpi-by-source-title = 🔎 <b>Лиды по источникам · { $period }</b> · { $scope }
kpi-by-campaign-title = 🔎 <b>Лиды по кампаниям · { $period }</b> · { $scope }
kpi-no-leads = За период лидов не передавали.
kpi-breakdown-row = <b>{ $name }</b>: передано { $delivered } · качество { $quality } · споры { $dispute }
kpi-breakdown-outcomes =    принято { $upheld } · отклонено { $overturned } · возвращено { $returned } · выиграно { $won } · проиграно { $lost }
kpi-more-rows = … и ещё { $count } (см. выгрузку)
kpi-none-source = (без источника)
kpi-none-campaign = (без кампании)

kpi-chart-trend-title = Качество и отработка лидов по неделям · { $scope }
kpi-chart-sources-title = Исходы лидов по источникам · { $period }
kpi-chart-acks-title = Ознакомление до запуска · { $period }
kpi-caption-trend = 📈 Последние { $weeks } недель: качество { $quality }, отработка { $handling } на этой неделе.
kpi-caption-trend-digest = 📈 Последние { $weeks } недель: качество { $quality }, отработка { $handling } на прошлой неделе.
kpi-caption-sources = 📊 Лиды по источникам ({ $count }), { $dates } · { $scope }.
kpi-caption-acks = ✅ { $count ->
        [one] { $count } кампания с запуском
        [few] { $count } кампании с запуском
       *[other] { $count } кампаний с запуском
    } { $dates }: до запуска ознакомились { $share }.
kpi-export-caption = 📤 Показатели ({ $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
       *[other] { $rows } строк
    }).

kpi-col-figure = Показатель
kpi-col-scope = Чей
kpi-col-before = Прошлый период ({ $dates })
kpi-col-week = Неделя
kpi-col-source = Источник
kpi-col-campaign = Кампания
kpi-col-launch = Запуск
kpi-col-delivered = Передано
kpi-col-taken = Взято
kpi-col-disputed = Оспорено
kpi-col-upheld = Спор принят
kpi-col-overturned = Спор отклонён
kpi-col-returned = Возвращено
kpi-col-won = Выиграно
kpi-col-lost = Проиграно
kpi-col-in-work = В работе
kpi-col-acknowledged = Ознакомились до запуска
kpi-col-share = Доля
kpi-col-unreachable = Недоступны
kpi-col-ack-median = Медиана до ознакомления
kpi-col-open-questions = Открытые вопросы
kpi-col-answer-median = Медиана до ответа
kpi-col-published = Опубликовано в FAQ
kpi-col-held = Проведено встреч
kpi-col-rating = Средняя оценка: { $name }
kpi-col-negative = Доля 👎: { $message }

kpi-digest-settings = ⚙️ Еженедельный дайджест
kpi-digest-title = ⚙️ <b>Еженедельный дайджест</b>
kpi-digest-when = Каждую неделю: { $day }, { $time } по времени каждого получателя (вне тихих часов; не во время отсутствия).
kpi-digest-on = Дайджест <b>включён</b>.
kpi-digest-off = Дайджест <b>выключен</b>.
kpi-digest-turn-off = 🔕 Выключить
kpi-digest-turn-on = 🔔 Включить
kpi-digest-saved = Сохранено.
kpi-digest-heading = 📬 <b>Ваш еженедельный дайджест KPI</b> · { $dates } · { $scope }
kpi-digest-open = 📊 Открыть сводку
kpi-weekday-1 = понедельник
kpi-weekday-2 = вторник
kpi-weekday-3 = среда
kpi-weekday-4 = четверг
kpi-weekday-5 = пятница
kpi-weekday-6 = суббота
kpi-weekday-7 = воскресенье
kpi-weekday-short-1 = Пн
kpi-weekday-short-2 = Вт
kpi-weekday-short-3 = Ср
kpi-weekday-short-4 = Чт
kpi-weekday-short-5 = Пт
kpi-weekday-short-6 = Сб
kpi-weekday-short-7 = Вс

kpi-agenda-intro = 📝 <b>Черновик повестки по данным.</b> Оставьте, уберите или поднимите пункты и отправьте: участники получат повестку с напоминанием.
kpi-agenda-title = 🗓 <b>{ $title }</b> · { $when }
kpi-agenda-empty = На этот раз обсуждать по цифрам нечего.
kpi-agenda-how = ✅ оставлен · ✖️ убран
kpi-agenda-drop = ✖️ Убрать { $number }
kpi-agenda-keep = ✅ Вернуть { $number }
kpi-agenda-up = ⬆️ { $number }
kpi-agenda-send = 📤 Отправить повестку
kpi-agenda-sent = 📤 Отправлено: { $count ->
        [one] { $count } пункт добавлен в повестку.
        [few] { $count } пункта добавлены в повестку.
       *[other] { $count } пунктов добавлены в повестку.
    } Участники получат её с напоминанием.
kpi-agenda-sent-toast = Повестка отправлена.
kpi-item-indicator = { $measure }: { $now } (в прошлый раз: { $before })
kpi-item-indicator-team = { $measure } в команде { $team }: { $now } (в прошлый раз: { $before })
kpi-item-waiting = { $count ->
        [one] { $count } спор ждёт решения
        [few] { $count } спора ждут решения
       *[other] { $count } споров ждут решения
    }
kpi-item-overturned = Спор отклонён на этой неделе: { $lead } (пункт { $clause })
kpi-item-question = Вопрос ({ $votes } «у меня тоже», { $campaign }): { $text }
kpi-item-feedback = Отзыв { $rating } ⭐ о «{ $campaign }»: { $comment }
kpi-item-action = Просрочено: { $text } — { $owner }, срок { $due }

error-kpi-agenda-sent = Эта повестка уже отправлена.
error-kpi-agenda-changed = Повестка изменилась. Откройте её снова.
