## Обратная связь «с поля» после запуска: опросы, звёзды, комментарии, реакции, сводки, выгрузки.

cmd-feedback = Обратная связь по кампаниям

## Сторона представителя

feedback-prompt = 💬 <b>Как «{ $name }» работает «в поле»?</b>
feedback-prompt-day = 💬 <b>Как «{ $name }» работает «в поле»?</b> С запуска { $days ->
        [one] прошёл { $days } день.
        [few] прошло { $days } дня.
       *[many] прошло { $days } дней.
    }
feedback-prompt-rate = Оцените одним нажатием: 1 ⭐ — не работает, 5 ⭐ — работает отлично. Потом можно добавить комментарий, фото или голосовое.
feedback-anonymous-notice = 🕶 Ваш отзыв <b>анонимный</b>: маркетинг и руководители групп увидят его без вашего имени.
feedback-named-notice = 👤 Ваш отзыв <b>не анонимный</b>: маркетинг и ваш руководитель группы увидят ваше имя.
feedback-your-rating = Ваша оценка: { $stars }
feedback-rated-toast = Спасибо! Оценка сохранена.
feedback-ask-extras = Хотите что-то добавить? Всё по желанию: оцените ключевые сообщения кнопками ниже и отправьте сюда комментарий, фото или голосовое — сколько угодно. Или просто нажмите «Готово».
feedback-react-all = <b>Ключевые сообщения</b> — как заходят клиентам? 👍 работает · 😐 так себе · 👎 не работает
feedback-added = Добавлено к отзыву. Сейчас в нём: { $parts }. Отправьте ещё или нажмите «Готово».
feedback-part-comment = ваш комментарий
feedback-part-photos = { $count } фото
feedback-part-voices = { $count ->
        [one] { $count } голосовое
        [few] { $count } голосовых
       *[many] { $count } голосовых
    }
feedback-skip-button = ⏭ Пропустить
feedback-done-button = ✅ Готово
feedback-finish-button = ✅ Завершить
feedback-react-title = <b>Ключевое сообщение { $number } из { $total }</b>
feedback-react-how = Как оно заходит клиентам? 👍 работает · 😐 так себе · 👎 не работает
feedback-added-during-reactions = Добавлено к отзыву. Оцените, пожалуйста, ключевые сообщения кнопками выше.
feedback-thanks = 🙏 Спасибо! Маркетинг увидит ваш отзыв.
feedback-again-hint = Оставить отзыв ещё раз можно в любое время кнопкой «💬 Обратная связь» под анонсом.

error-feedback-media-kind = Отправьте комментарий текстом, фото или голосовое сообщение.
error-feedback-comment-full = Комментарий уже достиг предела в { $limit } символов. Нажмите «Готово» или оставьте ещё один отзыв.
error-feedback-too-many-files = В одном отзыве не больше { $limit } фото и голосовых. Нажмите «Готово» или оставьте ещё один отзыв.
error-feedback-days-format = Не понял «{ $value }» как дни после запуска. Отправьте числа, например 3, 14.
error-feedback-days-range = Дни после запуска — от 1 до { $limit }.
error-feedback-days-many = Не больше { $limit } опросов на кампанию.

## Настройки (маркетологи)

feedback-settings-button = ⚙️ Настройки отзывов
feedback-settings-title = ⚙️ <b>Обратная связь по «{ $name }»</b>
feedback-settings-anonymous = Анонимно: { $state }
feedback-settings-days = Опросы: { $days }
feedback-settings-hint = <i>Опросы приходят всем, кто получил анонс, в 10:00 по их местному времени и вне их тихих часов. Если отзывы анонимные, имён не видит никто — ни маркетологи, ни руководители групп, ни администраторы, — и представителей предупреждают об этом до ответа. Отзывы, данные анонимно, остаются анонимными.</i>
feedback-days-off = нет
feedback-days-list = через { $days } { $count ->
        [one] день
        [few] дня
       *[many] дней
    } после запуска
feedback-anonymous-on-button = 🕶 Анонимно: вкл. — выключить
feedback-anonymous-off-button = 👤 Анонимно: выкл. — включить
feedback-preset-3-14 = Опросы через 3 и 14 дней
feedback-preset-7-30 = Опросы через 7 и 30 дней
feedback-preset-1-7-30 = Опросы через 1, 7 и 30 дней
feedback-preset-off = Без опросов (только кнопка)
feedback-days-type-button = ✏️ Другие дни
feedback-ask-days = Через сколько дней после запуска присылать опросы? Отправьте до пяти чисел от 1 до { $limit }, например «3, 10, 21».

## Сводка (маркетологи; руководители групп — по своей группе)

feedback-card-button = 💬 Отзывы поля
feedback-summary-title = 💬 <b>Отзывы поля: «{ $name }»</b>
feedback-summary-team = Только ваша команда: { $team }
feedback-summary-anonymous = 🕶 Анонимно: имена скрыты.
feedback-summary-empty = Отзывов пока нет.
feedback-summary-count = { $submissions ->
        [one] { $submissions } отзыв
        [few] { $submissions } отзыва
       *[many] { $submissions } отзывов
    } от { $people ->
        [one] { $people } человека
       *[many] { $people } человек
    } · в среднем { NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) } ⭐
feedback-summary-stars = { $stars } ⭐ { $bar } { $count }
feedback-summary-messages = <b>Ключевые сообщения</b> (👍 · 😐 · 👎):
feedback-summary-message = { $number }. { $text } — 👍 { $positive } · 😐 { $neutral } · 👎 { $negative }
feedback-summary-earlier = • прежняя формулировка «{ $text }» — 👍 { $positive } · 😐 { $neutral } · 👎 { $negative }
feedback-summary-extras = { $comments ->
        [one] { $comments } комментарий
        [few] { $comments } комментария
       *[many] { $comments } комментариев
    } · { $photos } фото · { $voices ->
        [one] { $voices } голосовое
        [few] { $voices } голосовых
       *[many] { $voices } голосовых
    }
feedback-comments-button = 💬 Комментарии ({ $count })
feedback-photos-button = 📷 Фото ({ $count })
feedback-voices-button = 🎙 Голосовые ({ $count })
feedback-csv-button = ⬇️ CSV
feedback-xlsx-button = ⬇️ Excel
feedback-comments-title = <b>Комментарии к «{ $name }»: { $total }</b> (стр. { $page } из { $pages }), сначала новые
feedback-comment-header = { $who } · { $at }
feedback-by-named = <b>{ $name }</b> ({ $team }) · { $stars }
feedback-by-anonymous = Аноним ({ $team }) · { $stars }
feedback-no-media = Показывать нечего.
feedback-more-media = { $count ->
        [one] Остался ещё { $count }.
        [few] Осталось ещё { $count }.
       *[many] Осталось ещё { $count }.
    }
feedback-more-button = ▶️ Показать ещё ({ $count })
feedback-export-caption = Отзывы поля о «{ $name }»: { $count ->
        [one] { $count } отзыв
        [few] { $count } отзыва
       *[many] { $count } отзывов
    }
feedback-col-date = Дата ({ $zone })
feedback-col-source = Источник
feedback-col-person = Сотрудник
feedback-col-team = Команда
feedback-col-rating = Оценка
feedback-col-comment = Комментарий
feedback-col-photos = Фото
feedback-col-voices = Голосовые
feedback-col-message = Ключевое сообщение { $number }: { $text }
feedback-col-earlier = Прежняя формулировка: { $text }
feedback-source-any = по кнопке
feedback-source-day = опрос через { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
feedback-anonymous-person = аноним
feedback-reaction-positive = положительно
feedback-reaction-neutral = нейтрально
feedback-reaction-negative = отрицательно

## /feedback

feedback-list-title = <b>Отзывы поля: { $count ->
        [one] { $count } кампания
        [few] { $count } кампании
       *[many] { $count } кампаний
    }</b> (стр. { $page } из { $pages })
feedback-list-empty = Пока нет анонсированных кампаний, по которым можно смотреть отзывы.
feedback-list-item = { $icon } { $name } · { $count }
feedback-voices-coming = 🎙 { $count ->
        [one] { $count } голосовое уже в пути
        [few] { $count } голосовых уже в пути
       *[many] { $count } голосовых уже в пути
    } — по одному в секунду.
feedback-voices-coming-toast = Отправляю голосовые: { $count }
