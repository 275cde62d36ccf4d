## Приглашения, команды, люди и личные настройки.

error-timezone-unknown = «{ $value }» — незнакомый мне часовой пояс. Отправьте название вроде Europe/Moscow или Asia/Novosibirsk либо выберите кнопку.
error-quiet-hours-empty = У тихих часов начало и конец должны различаться.
error-quiet-hours-format = «{ $value }» — не интервал времени. Отправьте его так: 22:00-08:00.
error-invite-no-roles = Выберите для приглашения хотя бы одну роль.
error-invite-not-open = Это приглашение уже не действует.
error-config-admin = Этот человек — администратор из настроек бота (ADMIN_IDS); изменить это можно только там.
error-self-admin = Нельзя снять с себя роль администратора.
error-last-admin = Должен остаться хотя бы один активный администратор.
error-last-role = У человека должна быть хотя бы одна роль.
error-self-deactivate = Нельзя отключить самого себя.
error-team-name = Название команды — от 1 до { $limit } символов. Отправьте другое.
error-team-region = Регион — от 1 до { $limit } символов. Отправьте другой.
error-team-name-taken = Команда «{ $name }» уже есть. Отправьте другое название.

invite-compose = <b>Новое приглашение</b>
    Роли: { $roles }
    Команда: { $team }
    Ссылка для: { $uses ->
        [one] { $uses } человека
       *[other] { $uses } человек
    }

    Выберите роли, команду и на сколько человек ссылка, затем создайте её. Одна ссылка на несколько человек — удобный способ пригласить целую команду.
invite-no-roles-yet = пока не выбраны
invite-team-button = Команда: { $team }
invite-create-button = 🔗 Создать ссылку
invite-open-button = Действующие приглашения
invite-pick-team = В какую команду войдёт новый человек?
invite-created = <b>Приглашение создано</b>: { $roles } ({ $team }), действует до { $expires }:

    { $link }

    Отправьте её лично тем, кого приглашаете.
invite-created-toast = Ссылка создана
invite-uses-button = { $count ->
        [one] 👤 { $count }
       *[other] 👥 { $count }
    }
invite-uses-once = Ссылка одноразовая: она зарегистрирует одного человека.
invite-uses-left = 👥 Ссылка на { $uses } чел.: осталось мест { $left } из { $uses }. Каждый, кто откроет её, войдёт с этими ролями и в эту команду.
invite-same-button = 🔁 Ещё одна такая ссылка
error-invite-uses = Одна ссылка — от 1 до { $limit } человек.
invite-revoke-button = Отозвать приглашение №{ $id }
invite-another-button = ➕ Новое приглашение
invite-list-empty = Действующих приглашений нет.
invite-list-title = <b>Действующие приглашения: { $count }</b>
invite-list-line = №{ $id } · { $roles } · { $team } · до { $expires } · осталось { $left } из { $uses }
invite-revoked = Приглашение №{ $id } отозвано

teams-title = <b>Команды: { $count }</b>
teams-empty = Команд пока нет. Создайте первую.
teams-line = • <b>{ $name }</b> — { $region }, { $timezone }, { $members ->
        [one] { $members } участник
        [few] { $members } участника
       *[many] { $members } участников
    }
teams-new-button = ➕ Новая команда
team-card = <b>{ $name }</b>
    Регион: { $region }
    Часовой пояс: { $timezone }
    { $members ->
        [one] { $members } участник
        [few] { $members } участника
       *[many] { $members } участников
    }
team-rename-button = ✏️ Переименовать
team-region-button = 📍 Регион
team-timezone-button = 🕒 Часовой пояс
team-ask-name = Как называется новая команда? (/cancel — отменить)
team-ask-region = Какой регион обслуживает команда <b>{ $name }</b>?
team-ask-timezone = Часовой пояс команды <b>{ $name }</b> по умолчанию: выберите кнопку или отправьте название вроде Asia/Omsk.
team-created = Команда <b>{ $name }</b> создана.
team-updated = Команда <b>{ $name }</b> обновлена.

people-title = <b>Людей: { $total }</b> (страница { $page } из { $pages })
    Нажмите на человека, чтобы изменить его роли, команду или доступ.
person-card = <b>{ $name }</b> { $username }
    Роли: { $roles }
    Команда: { $team }
    Часовой пояс: { $timezone }
    Статус: { $status }
    С нами с: { $joined }
person-active = активен
person-inactive = отключён (нет доступа)
person-team-button = Команда: { $team }
person-deactivate-button = ⛔ Отключить
person-reactivate-button = ✅ Вернуть доступ
person-pick-team = В какой команде { $name }?
person-deactivated = Отключён: данные сохранены, доступа больше нет
person-reactivated = Доступ возвращён

settings-overview = <b>Ваши настройки</b>
    Язык: { $language }
    Часовой пояс: { $timezone } ({ $offset }, сейчас { $local_time })
    Тихие часы: { $quiet }

    В тихие часы Tandem придерживает запланированные сообщения до их окончания.
quiet-off = выключены
quiet-off-button = Без тихих часов
settings-language-button = 🌐 Язык
settings-timezone-button = 🕒 Часовой пояс
settings-quiet-button = 🌙 Тихие часы
settings-language-prompt = Выберите язык:
settings-timezone-prompt = Выберите часовой пояс или отправьте его название (например, Asia/Krasnoyarsk).
settings-team-zone = Пояс команды: { $zone }
settings-quiet-prompt = Выберите тихие часы или отправьте свой интервал, например 22:30-07:00.
settings-saved = Сохранено

cmd-away = Отсутствие: без новых лидов, напоминания на паузе
settings-away-button = 🌴 Отсутствие
away-title = 🌴 <b>Отсутствие</b>
away-none = Вы на месте.
away-period = В отсутствии с { $since } по { $until }
away-explain = Пока вы в отсутствии, новые лиды вам не приходят, сроки и напоминания на паузе, а руководитель группы это видит.
away-preset-1 = Сегодня
away-preset-3 = 3 дня
away-preset-7 = Неделя
away-preset-14 = Две недели
away-dates-button = 📅 Ввести даты
away-back-button = 🏁 Я вернулся(-лась)
away-dates-prompt = Пришлите даты, например 01.12-05.12 (оба дня включительно), или одну дату — до неё.
away-welcome-back = С возвращением
away-notice = 🌴 <b>{ $name } будет в отсутствии</b> с { $since } по { $until }. Новые лиды в это время не получает.
error-away-format = Пришлите даты в виде 01.12-05.12.
error-away-order = Последний день раньше первого.
error-away-long = Не больше { $days } дней за раз.

team-card-hours = Рабочее время: { $days }, { $start }–{ $end }; праздники: { $holidays }
team-hours-button = 🕘 Рабочие часы
team-holidays-button = 🎌 Праздники
team-ask-hours = Рабочие дни и часы команды <b>{ $name }</b>, например пн-пт 09:00-18:00. Сроки по лидам считаются только в это время.
team-ask-hol = Чьи государственные праздники — выходные для команды <b>{ $name }</b>? Код страны, можно с регионом: RU, KZ, US-NY.
error-team-hours = Пришлите дни и часы в виде пн-пт 09:00-18:00.
error-team-holidays = «{ $value }» — не знакомый мне код страны (или региона), например RU или US-NY.
weekday-1 = пн
weekday-2 = вт
weekday-3 = ср
weekday-4 = чт
weekday-5 = пт
weekday-6 = сб
weekday-7 = вс
