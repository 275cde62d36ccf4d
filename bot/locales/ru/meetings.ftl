## Совместные встречи: черновики, опросы, приглашения, ответы, повестка, изменения, напоминания, протокол.

cmd-meetings = Встречи: ближайшие, прошедшие, новая
cmd-newmeeting = Назначить встречу
cmd-actions = Мои поручения
flow-left-meeting = ⚠️ Вы не закончили черновик встречи. Он сохранён: продолжите его из /meetings.

meetings-title = <b>🗓 Встречи</b>
meetings-upcoming = <b>Ближайшие</b> (ваше время; ✅ приду, 🤔 возможно, ❌ не смогу, ▫️ нет ответа, 👤 вы организатор):
meetings-none = Ближайших встреч нет.
meetings-past = <b>Прошедшие</b> (📄 протокол разослан):
meetings-poll-open = время выбирается
meetings-new-button = ➕ Новая встреча
meetings-actions-button = 📌 Мои поручения
meeting-untitled = Черновик без названия

meeting-kind-weekly = Еженедельная совместная встреча
meeting-kind-presentation = Презентация кампании
meeting-kind-other = Другая встреча
meeting-title = { $icon } <b>{ $title }</b> · { $kind }
meeting-occurrence = (№{ $number })
meeting-time = 🕒 { $when } (ваше время, { $offset }) · { $minutes } мин
meeting-time-organiser = 🌍 Время организатора: { $when } ({ $zone })
meeting-time-unset = 🕒 Время: ещё не задано
meeting-duration = ⏱ { $minutes } мин
meeting-place = 📍 { $place }
meeting-link = 🔗 { $url }
meeting-organiser = 👤 Организатор: { $name }
meeting-repeat = 🔁 { $value }
meeting-repeat-none = Не повторяется
meeting-repeat-weekly = Каждую неделю
meeting-repeat-biweekly = Раз в две недели
meeting-repeat-times = { $count ->
        [one] { $count } раз
        [few] { $count } раза
       *[many] { $count } раз
    }
meeting-repeat-until = до { $day }
meeting-reminders = 🔔 Напоминания: { $value }
meeting-reminder-before = { $minutes ->
        [1440] за 24 ч
        [60] за 1 ч
       *[other] за { $minutes } мин
    }
meeting-named = 👥 Также приглашены:
meeting-missing = Ещё не заполнено: { $fields }
meeting-field-title = название
meeting-field-time = время или опрос
meeting-field-participants = участники
meeting-cancelled-line = ❌ <b>Отменена</b>
meeting-agenda-title = <b>Повестка</b>
meeting-agenda-empty = Повестка: пока пусто.
meeting-agenda-carried = ↪️ { $text } ({ $owner }, не закрыто с прошлого раза)

## Черновик
meeting-ask-title = Как называется встреча?
meeting-ask-kind = Что это за встреча?
meeting-ask-campaign = Какую кампанию презентуем?
meeting-ask-when = Когда? Напишите дату и время в вашем поясе ({ $zone }), например «завтра 15:00» или «пт 10:00», — или предложите участникам выбрать из 2–5 вариантов.
meeting-ask-time = Введите дату и время в вашем поясе ({ $zone }), например «завтра 15:00», «пт 10:00», «12.12 9:30» или «tomorrow 3pm».
meeting-ask-slots = Введите 2–5 вариантов времени, по одному в сообщении, в вашем поясе ({ $zone }). Затем нажмите «Готово».
meeting-ask-deadline = До какого момента можно голосовать? Введите дату и время раньше первого варианта ({ $zone }).
meeting-ask-duration = Сколько длится встреча? Выберите или введите минуты (например, 50 или 1:30).
meeting-ask-place = Где? Введите место или ссылку на видеовстречу (https://…).
meeting-ask-repeat = Встреча повторяется?
meeting-ask-repeat_end = До какого момента? Введите последнюю дату (например, 31.03) или число встреч (например, 10). Серия длится не больше года.
meeting-ask-people = Введите имя (или его часть), чтобы найти человека.
meeting-ask-agenda = Введите темы повестки, по одной в сообщении. Затем нажмите «Готово».
meeting-ask-participants = <b>Кто участвует?</b> Отметьте команды, регионы, всех представителей (другие роли — под «Другие роли») и/или конкретных людей. { $count ->
        [one] Сейчас { $count } человек.
        [few] Сейчас { $count } человека.
       *[many] Сейчас { $count } человек.
    }
meeting-when-time-button = 🕒 Ввести время
meeting-when-poll-button = 🗳 Опрос: 2–5 вариантов
meeting-minutes-short = { $minutes } мин
meeting-no-place-button = Без места
meeting-find-person-button = 👤 Добавить человека по имени
meeting-slot-added = { $count ->
        [one] Пока { $count } вариант:
        [few] Пока { $count } варианта:
       *[many] Пока { $count } вариантов:
    }
meeting-topic-added = ✅ Тема { $count } добавлена. Введите следующую или нажмите «Готово».
meeting-people-found = { $count ->
        [one] Найден { $count } человек: нажмите, чтобы добавить или убрать.
        [few] Найдено { $count } человека: нажмите, чтобы добавить или убрать.
       *[many] Найдено { $count } человек: нажмите, чтобы добавить или убрать.
    }
meeting-nobody-found = По запросу «{ $query }» никого нет. Попробуйте другое имя.
meeting-continue-button = ▶️ Продолжить заполнение
meeting-edit-title = ✏️ Название
meeting-edit-when = 🕒 Время / опрос
meeting-edit-duration = ⏱ Длительность
meeting-edit-place = 📍 Место
meeting-edit-repeat = 🔁 Повтор
meeting-edit-participants = 👥 Участники
meeting-edit-agenda = 📋 Повестка
meeting-edit-reminders = 🔔 Напоминания
meeting-send-button = 📤 Отправить
meeting-discard-button = 🗑 Удалить черновик
meeting-discard-confirm = Удалить черновик «{ $title }»?
meeting-discard-confirm-button = 🗑 Да, удалить
meeting-discarded = Черновик удалён.
meeting-reminders-prompt = Какие напоминания получат участники?
meeting-reminders-both = За 24 ч и за 1 ч
meeting-reminders-day = За 24 ч
meeting-reminders-hour = За 1 ч
meeting-reminders-off = Без напоминаний
meeting-reminders-set = 🔔 Напоминания сохранены.
meeting-poll-sent = { $count ->
        [one] 🗳 Опрос уходит { $count } участнику.
       *[other] 🗳 Опрос уходит { $count } участникам.
    }
meeting-invitations-sent = { $count ->
        [one] 📨 Приглашение уходит { $count } участнику, вне его тихих часов.
       *[other] 📨 Приглашения уходят { $count } участникам, каждому вне его тихих часов.
    }
meeting-sent-toast = Отправлено

## Опрос
meeting-poll-slots = { $count ->
        [one] 🗳 { $count } вариант времени:
        [few] 🗳 { $count } варианта времени:
       *[many] 🗳 { $count } вариантов времени:
    }
meeting-poll-deadline = ⏳ Голосование до { $when }
meeting-poll-intro = Какое время вам подходит? Ответьте на каждый вариант: ✅ да, 🤔 если нужно, ❌ нет. Ответы можно менять до конца голосования.
meeting-poll-undecided = На опрос никто не ответил: выберите время сами.
meeting-tally-slot = { $number }. { $when }: ✅ { $yes } · 🤔 { $maybe } · ❌ { $no }
meeting-vote-all-button = ✅ Подходит всё
meeting-vote-saved = Сохранено
meeting-pick-button = 🏁 Выбрать вариант { $number }
meeting-picked-toast = Приглашения отправляются
meeting-refresh-button = 🔄 Обновить
meeting-poll-decided = 🏁 Опрос по встрече «{ $title }» закрыт: выбрано лучшее время, приглашения отправляются.
meeting-poll-nobody = ⚠️ На опрос по встрече «{ $title }» никто не ответил. Выберите время сами или отмените встречу.

## Приглашение и ответы
meeting-invitation-intro = 📅 <b>Вас приглашают</b>
meeting-rsvp-yes-button = ✅ Приду
meeting-rsvp-maybe-button = 🤔 Возможно
meeting-rsvp-no-button = ❌ Не смогу
meeting-rsvp-yes-toast = До встречи!
meeting-rsvp-maybe-toast = Отмечено: возможно
meeting-rsvp-no-toast = Отмечено: не сможете
meeting-your-rsvp-yes = Ваш ответ: ✅ приду
meeting-your-rsvp-maybe = Ваш ответ: 🤔 возможно
meeting-your-rsvp-no = Ваш ответ: ❌ не смогу
meeting-add-topic-button = ➕ Добавить тему
meeting-agenda-button = 📋 Повестка
meeting-open-button = 🗓 Открыть встречу
meeting-rsvp-total = <b>Ответы:</b> ✅ { $yes } · 🤔 { $maybe } · ❌ { $no } · ▫️ { $waiting } без ответа
meeting-rsvp-yes = ✅ { $names }
meeting-rsvp-maybe = 🤔 { $names }
meeting-rsvp-no = ❌ { $names }
meeting-rsvp-waiting = ▫️ { $names }
meeting-rsvp-by-team = <b>По командам:</b>
meeting-rsvp-team = { $team }: ✅ { $yes } · 🤔 { $maybe } · ❌ { $no } · ▫️ { $waiting }

## Повестка
meeting-ask-topic = Напишите вашу тему для «{ $title }» или отправьте голосовое сообщение.
meeting-topic-saved = ✅ Ваша тема в повестке (тема { $count }).
meeting-topic-voice-only = Напишите тему текстом или отправьте голосовое сообщение.

## Изменения
meeting-move-button = 🕒 Перенести
meeting-place-button = 📍 Сменить место
meeting-send-agenda-button = 📣 Разослать повестку
meeting-cancel-button = ❌ Отменить встречу
meeting-scope-prompt = Это серия встреч. Изменить только эту встречу или эту и все следующие?
meeting-scope-one = Только эту
meeting-scope-future = Эту и все следующие
meeting-ask-new-time = Введите новые дату и время в вашем поясе ({ $zone }).
meeting-ask-new-place = Введите новое место или ссылку (https://…).
meeting-cancel-prompt = Отменить «{ $title }»? Все участники узнают об этом и получат обновлённый файл календаря.
meeting-cancel-confirm = ❌ Да, отменить
meeting-cancel-one = ❌ Отменить только эту встречу
meeting-cancel-future = ❌ Отменить эту и все следующие
meeting-cancel-done = ❌ Отменено.
meeting-changed-time = { $count ->
        [one] 🕒 Перенесено (встреч: { NUMBER($occurrences) }). Сообщаем { $count } участнику, с обновлённым файлом календаря.
       *[other] 🕒 Перенесено (встреч: { NUMBER($occurrences) }). Сообщаем { $count } участникам, с обновлённым файлом календаря.
    }
meeting-changed-place = { $count ->
        [one] 📍 Место изменено (встреч: { NUMBER($occurrences) }). Сообщаем { $count } участнику.
       *[other] 📍 Место изменено (встреч: { NUMBER($occurrences) }). Сообщаем { $count } участникам.
    }
meeting-changed-agenda = { $count ->
        [one] 📣 Повестка уходит { $count } участнику (встреч: { NUMBER($occurrences) }).
       *[other] 📣 Повестка уходит { $count } участникам (встреч: { NUMBER($occurrences) }).
    }
meeting-changed-cancel = { $count ->
        [one] ❌ Отменено встреч: { NUMBER($occurrences) }; сообщаем { $count } участнику.
       *[other] ❌ Отменено встреч: { NUMBER($occurrences) }; сообщаем { $count } участникам.
    }
meeting-notice-time = 🕒 <b>Встреча «{ $title }» перенесена.</b> Новое время:
meeting-notice-time-future = 🕒 <b>Встреча «{ $title }» перенесена, начиная с этой.</b> Новое время:
meeting-notice-place = 📍 <b>У встречи «{ $title }» новое место.</b>
meeting-notice-place-future = 📍 <b>У встречи «{ $title }» новое место, начиная с этой.</b>
meeting-notice-agenda = 📋 <b>Повестка встречи «{ $title }».</b>
meeting-notice-agenda-future = 📋 <b>Повестка встречи «{ $title }».</b>
meeting-notice-cancel = ❌ <b>Встреча «{ $title }» отменена.</b>
meeting-notice-cancel-future = ❌ <b>Встреча «{ $title }» отменена вместе со всеми следующими.</b>
meeting-notice-calendar = Приложенный файл обновит ваш календарь.

## Напоминания
meeting-reminder-day = 🔔 <b>Завтра: «{ $title }»</b>
meeting-reminder-soon = 🔔 <b>Скоро (через { $minutes } мин): «{ $title }»</b>

## Протокол и поручения
meeting-minutes-button = 📝 Протокол
meeting-attendance = Присутствовали: { $count } из { $total } (нажмите на имя, чтобы исправить)
meeting-decisions-title = <b>Решения</b>
meeting-actions-title = <b>Поручения</b>
meeting-action-line = { $text } — срок { $due }
meeting-decision-button = ➕ Решение
meeting-action-button = ➕ Поручение
meeting-minutes-send-button = 📤 Разослать протокол
meeting-minutes-sent-line = 📤 Протокол разослан.
meeting-minutes-sent-toast = Протокол разослан
meeting-ask-decision = Напишите решение.
meeting-ask-action-text = Напишите поручение.
meeting-ask-owner = Кто ответственный?
meeting-ask-action-due = Какой срок? Введите дату (например, 15.12 или «пятница»).
meeting-minutes-title = 📝 <b>Протокол: { $title }</b>
meeting-minutes-present = { $count ->
        [one] Присутствовал { $count }:
       *[other] Присутствовали ({ $count }):
    }
meeting-action-assigned = 📌 <b>Вам поручение</b> со встречи «{ $title }» ({ $owner }), срок { $due }:
meeting-action-due = ⏰ <b>Срок сегодня</b> ({ $due }), со встречи «{ $title }» ({ $owner }):
meeting-action-overdue = ⚠️ <b>Просрочено</b> с { $due }: поручение ({ $owner }) со встречи «{ $title }»:
meeting-done-button = ✅ Сделано
meeting-action-done = ✅ Сделано: { $text }
meeting-action-done-toast = Отмечено как сделанное
meeting-action-done-again = Уже было сделано
actions-title = <b>📌 Поручения</b>
actions-none = Открытых поручений нет.
actions-mine = <b>Ваши:</b>
actions-organised = <b>Со встреч, которые вы организуете:</b>
actions-done-button = ✅ { $number } сделано

## Ошибки
error-meeting-link = «{ $value }» — неправильная ссылка. Ссылка на видеовстречу должна быть полным адресом http(s), например https://meet.example.com/abc.
error-meeting-duration = «{ $value }» — не длительность. Введите минуты (от 5 до { $limit }), например 45 или 1:30.
error-meeting-past = Это время уже прошло. Укажите более позднее.
error-meeting-not-draft = Эта встреча уже отправлена.
error-meeting-cancelled = Эта встреча отменена.
error-meeting-not-scheduled = У этой встречи ещё нет точного времени.
error-meeting-started = Эта встреча уже началась.
error-meeting-not-held = Протокол можно вести, когда встреча началась.
error-meeting-not-series = Эта встреча не входит в серию.
error-meeting-incomplete = Черновик ещё не заполнен: проверьте его карточку.
error-meeting-no-participants = Выберите хотя бы ещё одного участника.
error-meeting-no-campaigns = Пока нет кампании для презентации.
error-meeting-name-short = Введите хотя бы две буквы имени.
error-meeting-people-max = Не больше { $limit } человек поимённо.
error-meeting-same-time = Встреча и так назначена на это время.
error-minutes-sent = Протокол уже разослан.
error-agenda-full = Повестка заполнена ({ $limit } тем).
error-poll-too-few = В опросе должно быть не меньше { $minimum } вариантов.
error-poll-too-many = В опросе может быть не больше { $maximum } вариантов.
error-poll-slot-twice = Такой вариант уже есть в опросе.
error-poll-deadline-late = Голосование должно закончиться раньше первого варианта. Укажите более ранний срок.
error-poll-no-deadline = Сначала укажите срок голосования.
error-poll-closed = Опрос закрыт.
error-series-endless = У серии должен быть конец: последняя дата или число встреч.
error-series-too-long = Серия может длиться не больше года. Укажите более ранний конец.
error-series-end-before = Серия закончилась бы раньше, чем началась.
error-series-count = В серии не меньше 2 встреч.

## На карточке кампании (рисуют кампании, отвечают встречи)
campaign-presentation-button = 🗓 Назначить презентацию
campaign-presentation-open-button = 🗓 Презентация для продаж
campaign-presentation-line = 🗓 Презентация для продаж: { $when }
campaign-presentation-draft = готовится
campaign-presentation-polling = время выбирается
campaign-presentation-undecided = время ещё не выбрано
campaign-presentation-scheduled = назначена
