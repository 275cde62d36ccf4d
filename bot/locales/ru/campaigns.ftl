## Кампании: черновик, рассылка, подтверждения, цифры.

cmd-campaigns = Кампании
cmd-newcampaign = Новая кампания

on = вкл.
off = выкл.
untitled = (без названия)
done-button = ✅ Готово
and-more = …и ещё { $count }

error-text-length = Здесь { $length } симв., а можно не больше { $limit }. Сократите, пожалуйста.
error-too-many-messages = В кампании может быть не больше { $limit } ключевых сообщений.
error-too-many-materials = В кампании может быть не больше { $limit } материалов.
error-material-kind = Отправляйте материалы документами (PDF, презентации …) или фотографиями.
error-file-expected = Отправьте документ или фото либо нажмите «Готово».
error-campaign-cancelled = Эта кампания отменена.
error-audience-locked = После планирования аудиторию менять нельзя; сначала отмените планирование.
error-reminders-locked = После планирования напоминания менять нельзя; сначала отмените планирование.
error-not-a-draft = Удалить можно только черновик.
error-already-announced = Кампания уже анонсирована. Отправьте обновление.
error-campaign-incomplete = Кампания ещё не заполнена: нужны название, продукт, ключевые сообщения, дата запуска и аудитория.
error-audience-empty = В этой аудитории пока никого нет. Выберите другие команды или роли.
error-not-scheduled = Эта кампания не запланирована.
error-already-going-out = Анонс уже рассылается, отменить планирование нельзя. Отправьте обновление или отмените кампанию.
error-not-sent-yet = Кампания ещё не анонсирована.
error-no-messages = Сначала добавьте хотя бы одно ключевое сообщение.
error-date-format = Не получилось прочитать «{ $value }» как дату. Попробуйте 15.12, 15.12.2026 или «15 декабря».
error-date-past = «{ $value }» — уже прошло. Укажите более позднюю дату.
error-date-too-far = Это больше чем на { $years ->
        [one] { $years } год
        [few] { $years } года
       *[many] { $years } лет
    } вперёд. Укажите дату поближе.
error-time-missing = Добавьте время, например «{ $value } 10:00».
error-datetime-format = Не получилось прочитать «{ $value }» как дату и время. Попробуйте «01.12 10:00» или «завтра 9:00».
error-time-format = «{ $value }» — не время. Попробуйте 9:00 или 14:30.
file-not-expected = Сейчас я не жду файлов. Чтобы добавить материалы, откройте кампанию в /campaigns.

campaigns-title = <b>Кампании: { $count }</b> (страница { $page } из { $pages })
campaigns-empty = До вас пока не дошла ни одна кампания.
campaigns-empty-manager = Кампаний пока нет. Создайте первую.
new-campaign-button = ➕ Новая кампания

wizard-step = <i>Шаг { $number } из { $total }</i>
wizard-later-button = Позже: показать черновик
ask-name = Как называется кампания?
ask-product = О каком продукте речь?
ask-goal = Какова цель? Чего должно добиться «поле»?
ask-messages = Отправьте ключевые сообщения — каждое отдельным сообщением. Когда всё, нажмите «Готово».
ask-launch = Когда запуск? Например, 15.12 или «15 декабря».
ask-materials = Отправьте материалы: документы или фото, до 20 штук. Когда закончите, нажмите «Готово».
ask-edit-message = Отправьте новый текст ключевого сообщения { $number }.
ask-at = Отправьте дату и время по вашему поясу ({ $zone }), например «01.12 10:00» или «завтра 9:00».
ask-update = Что изменилось в «{ $name }»? Ваша заметка уйдёт всем, кто получил анонс, а сам анонс покажет актуальную версию.
ask-cancel = Почему «{ $name }» отменяется? Ваша заметка уйдёт всем, кто получил анонс.
message-added = Ключевое сообщение { $count } добавлено. Отправьте следующее или нажмите «Готово».
material-added = Добавлено «{ $name }» (всего { $count }). Отправьте ещё или нажмите «Готово».
field-name = название
field-product = продукт
field-messages = ключевые сообщения
field-launch = дата запуска
field-audience = аудитория

card-title = { $icon } <b>{ $name }</b>
card-product = Продукт: { $value }
card-goal = Цель: { $value }
card-messages = Ключевых сообщений: { $count }
card-launch = Запуск: { $value }
card-materials = Материалов: { $count }
card-options = Защита контента: { $protect } · Напоминания: { $reminders }
card-missing = Ещё не заполнено: { $fields }.
campaign-status-draft = Черновик
campaign-status-scheduled = 🗓 Запланировано: рассылка с { $at }
campaign-status-announced = 📣 Анонсировано { $at }
campaign-status-cancelled = ❌ Отменено { $at }
audience-line = Аудитория: { $chosen } — { $count ->
        [one] охват { $count } человек
        [few] охват { $count } человека
       *[many] охват { $count } человек
    }
audience-all-reps = Все торговые представители
audience-teams = команды: { $names }
audience-roles = роли: { $names }
audience-none = ещё не выбрана
audience-region = 📍 { $region }: все команды ({ $count })
audience-more-button = ➕ Другие роли…
audience-prompt = <b>Кому отправить?</b> Отметьте команды, регионы или всех представителей (другие роли — под «Другие роли»), в любом сочетании.
    { $count ->
        [one] Сейчас это { $count } человек.
        [few] Сейчас это { $count } человека.
       *[many] Сейчас это { $count } человек.
    }
continue-button = ▶️ Продолжить заполнение
edit-name-button = ✏️ Название
edit-product-button = ✏️ Продукт
edit-goal-button = ✏️ Цель
edit-messages-button = 💬 Ключевые сообщения
edit-launch-button = 📅 Дата запуска
edit-materials-button = 📎 Материалы
edit-audience-button = 👥 Аудитория
edit-options-button = ⚙️ Настройки
preview-button = 👁 Предпросмотр
send-now-button = 🚀 Отправить сейчас
schedule-button = 🗓 Запланировать
reschedule-button = 🗓 Перенести
unschedule-button = ↩️ Отменить планирование
discard-button = 🗑 Удалить черновик
discard-confirm = Удалить черновик «{ $name }»? Это нельзя отменить.
discard-confirm-button = 🗑 Да, удалить
discarded = Черновик удалён.
figures-button = 📊 Цифры
update-button = 📣 Отправить обновление
cancel-campaign-button = ❌ Отменить кампанию
messages-title = <b>Ключевые сообщения «{ $name }»</b>
add-message-button = ➕ Добавить сообщение
materials-title = <b>Материалов: { $count }</b>. Нажмите на материал, чтобы удалить его.
add-materials-button = ➕ Добавить материалы
options-title = <b>Настройки</b>
    Защита контента (получатели не смогут переслать или сохранить): { $protect }
    Напоминания тем, кто не подтвердил: { $reminders }
protect-toggle-button = 🔒 Защита контента вкл./выкл.
reminders-off = нет
reminder-after-24h = через 24 ч
reminder-after-48h = через 48 ч
reminder-launch-1d = накануне запуска
reminders-preset-standard = Напоминания: через 24 ч и накануне запуска
reminders-preset-day = Напоминания: только через 24 ч
reminders-preset-intense = Напоминания: 24 ч, 48 ч и накануне запуска
reminders-preset-off = Без напоминаний
preview-toast = Получатели увидят именно так
preview-button-toast = Предпросмотр: у получателей эта кнопка работает

when-prompt = Когда анонсировать «{ $name }»? Запланированные сообщения приходят каждому вне его тихих часов.
when-now-button = 🚀 Сейчас
when-days-button = { $days ->
        [one] За { $days } день до запуска, 10:00 по местному
        [few] За { $days } дня до запуска, 10:00 по местному
       *[many] За { $days } дней до запуска, 10:00 по местному
    }
when-type-button = 📅 Ввести дату и время
when-how = { $at }: как отправить?
when-exact-button = В этот момент всем ({ $zone })
when-each-local-button = В { $time } по местному времени каждого
when-now = сейчас
when-at = { $at } (по вашему времени)
when-local = { $day } в { $time } по местному времени каждого
confirm-send = Анонсировать «{ $name }» для { $count ->
        [one] { $count } человека
       *[other] { $count } человек
    } { $when }?
confirm-send-button = ✅ Подтвердить
sending-toast = Отправляем: { $count } чел.
scheduled-toast = Запланировано: { $count } чел.
unscheduled-toast = Планирование отменено, это снова черновик
update-sent = Обновление кампании «{ $name }» отправляется { $count ->
        [one] { $count } человеку
       *[other] { $count } людям
    }.
cancel-sent = Кампания «{ $name }» отменена; уведомление отправляется { $count ->
        [one] { $count } человеку
       *[other] { $count } людям
    }.

campaign-title = 📣 <b>{ $name }</b>
campaign-product = Продукт: { $product }
campaign-launch = Запуск: <b>{ $date }</b> ({ $when })
launch-today = сегодня
launch-tomorrow = завтра
launch-past = уже запущена
campaign-launch-unset = Дата запуска будет объявлена
campaign-messages-title = <b>Ключевые сообщения</b>
campaign-materials-line = 📎 { $count ->
        [one] { $count } материал
        [few] { $count } материала
       *[many] { $count } материалов
    }:
campaign-photo = фото
campaign-acknowledged-on = ✅ Вы ознакомились { $at }.
campaign-state-cancelled = ❌ <b>ОТМЕНЕНА</b>
campaign-state-updated = 🔄 <i>Обновлено ({ $count })</i>
campaign-ack-button = ✅ Ознакомлен
campaign-acked-button = ✅ Ознакомлен(а)
campaign-ask-button = ❓ Задать вопрос
campaign-feedback-button = 💬 Обратная связь
campaign-faq-button = 📖 Вопросы и ответы{ $count ->
        [0] {""}
       *[other] {" "}· ❓ { $count }
    }
campaign-files-button = 📎 Материалы ({ $count })
open-announcement-button = 📄 Открыть анонс
ack-thanks = Спасибо! Отмечено как прочитанное.
ack-again = Уже отмечено. Спасибо!
acknowledged-reminder = ✅ «{ $name }»: ознакомление отмечено. Спасибо!
reminder-text = ⏰ Напоминание: прочитайте «<b>{ $name }</b>» (запуск { $launch }) и подтвердите кнопкой «Ознакомлен».
escalation-text = ⚠️ «<b>{ $name }</b>»: после напоминаний не подтвердили { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[many] { $count } человек
    } из вашей команды:
update-text = 🔄 <b>Обновление кампании «{ $name }»</b>
cancellation-text = ❌ <b>Кампания «{ $name }» отменена</b>
report-text = 📬 «<b>{ $name }</b>»: доставлено { $delivered } из { $recipients }; { $unreachable ->
        [0] получили все.
       *[other] недоступно: { $unreachable } (заблокировали бота или не запускали его).
    }
report-unreachable = Недоступны:

figures-title = 📊 <b>{ $name }</b>
figures-summary = Получателей: { $recipients } · доставлено: { $delivered }
    Ознакомились: { $acknowledged } ({ $percent }%) · ещё нет: { $waiting }
    Недоступны: { $unreachable } · ещё отправляется: { $pending }
figures-by-team = <b>По командам</b>
figures-team-line = • { $team }: ознакомились { $acknowledged } из { $delivered }{ $unreachable ->
        [0] {""}
       *[other] , недоступны { $unreachable }
    }
figures-not-yet = <b>Ещё не ознакомились ({ $count }):</b>
figures-unreachable = <b>Недоступны ({ $count }):</b>
refresh-button = 🔄 Обновить
error-audience-sent = Кампания уже анонсирована своей аудитории; изменить её нельзя. Для других людей создайте новую кампанию.
error-after-launch = Это позже даты запуска. Анонсируйте кампанию до запуска или сначала измените дату запуска.
text-expected-here = На этом шаге нужен текст: отправьте его сообщением.
campaign-status-scheduled-local = 🗓 Запланировано: { $day } в { $time } по местному времени каждого
campaign-status-scheduled-at = 🗓 Запланировано: { $at } (по вашему времени)

card-changed = ✏️ <b>Изменено после отправки:</b> { $fields }. Получатели видят прежнее, пока вы не нажмёте «📣 Отправить обновление».
card-changed-launch = дата запуска — получатели всё ещё видят { $old }
field-goal = цель
field-materials = материалы
update-changes-title = <b>Что изменилось:</b>
update-change-launch = • Дата запуска: { $old } → <b>{ $new }</b>
update-change-name = • Название:
update-change-product = • Продукт:
update-change-goal = • Цель изменена
update-change-messages = • Ключевые сообщения изменены
update-change-materials = • Материалы: { $old } → { $new }
update-note-title = <b>От маркетинга:</b>
note-unreachable = Не получат ({ $count }) — бот им недоступен:
report-update-text = 📬 Обновление { $number } «<b>{ $name }</b>»: доставлено { $delivered } из { $recipients }; { $unreachable ->
        [0] получили все.
       *[other] недоступно: { $unreachable }.
    }
report-cancel-text = 📬 Отмена «<b>{ $name }</b>»: доставлено { $delivered } из { $recipients }; { $unreachable ->
        [0] получили все.
       *[other] недоступно: { $unreachable }.
    }
